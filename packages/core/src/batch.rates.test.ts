/**
 * The three batches' rates against a hand count: of three signed projects one proceeded after the round (one moved
 * before it, one not at all) → 33.3%; of four planned starts three started by the date (one after it) → 75.0%;
 * of two planned productions none reached production → 0.0%; an empty batch has no rate.
 */
import { describe, expect, it } from 'vitest';
import { batchRate } from './batch.rates.ts';
import { DEFAULT_LIFECYCLE_TEMPLATE } from './lifecycle.contract.ts';
import type { TransitionFact } from './lifecycle.transition.ts';

const definition = DEFAULT_LIFECYCLE_TEMPLATE.definition;
let id = 0;
const f = (stageCode: string, stepCode: string | null, occurredOn: string): TransitionFact => ({
  stageCode,
  stepCode,
  phase: stageCode as TransitionFact['phase'],
  occurredOn,
  id: (id += 1),
});
const project = (projectId: number, facts: TransitionFact[]) => ({ projectId, definition, facts });
const ROUND = '2021-03-01';
const AS_OF = '2021-05-20';

describe('the three batches’ rates', () => {
  it('counts the signed projects that moved past the agreement after the round', () => {
    const rate = batchRate(
      'sign',
      [
        project(1, [
          f('reserve', 'investment_agreement', '2021-02-01'),
          f('preparation', 'proposal_feasibility', '2021-04-02'),
        ]),
        project(2, [f('reserve', 'investment_agreement', '2021-03-05')]),
        project(3, [f('preparation', 'proposal_feasibility', '2021-02-20')]),
      ],
      ROUND,
      AS_OF,
    );
    expect(rate).toMatchObject({ planned: 3, achieved: 1, rate: '33.3' });
    expect(rate.achievedOn.get(1)).toBe('2021-04-02');
    expect(rate.achievedOn.get(2)).toBeNull();
    expect(rate.achievedOn.get(3)).toBeNull();
  });

  it('counts the planned starts that started on or before the date', () => {
    const started = (n: number, on: string) => project(n, [f('reserve', null, '2021-01-04'), f('started', null, on)]);
    const rate = batchRate(
      'start',
      [started(1, '2021-03-10'), started(2, '2021-04-20'), started(3, '2021-05-20'), started(4, '2021-05-21')],
      ROUND,
      AS_OF,
    );
    expect(rate).toMatchObject({ planned: 4, achieved: 3, rate: '75.0' });
    expect(rate.achievedOn.get(4)).toBeNull();
  });

  it('counts productions, and an empty batch has no rate', () => {
    const building = project(1, [f('started', null, '2020-04-01'), f('construction', null, '2020-04-01')]);
    const completed = project(2, [f('started', null, '2020-04-01'), f('completed', null, '2021-04-01')]);
    expect(batchRate('production', [building, completed], ROUND, AS_OF)).toMatchObject({
      planned: 2,
      achieved: 0,
      rate: '0.0',
    });
    expect(batchRate('production', [], ROUND, AS_OF)).toMatchObject({ planned: 0, achieved: 0, rate: null });
  });
});
