/**
 * The reserve library's counting rule on hand-made histories: the latest transition on or before the date decides
 * whether a project is in the reserve, its latest step transition decides the step, and a project with no
 * transition by then is not counted.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_TEMPLATE } from './lifecycle.contract.ts';
import type { TransitionFact } from './lifecycle.transition.ts';
import { countReserve, reserveStanding, reserveStepsOf } from './reserve.ts';

let id = 0;
const fact = (
  stageCode: string,
  stepCode: string | null,
  occurredOn: string,
  phase = stageCode as TransitionFact['phase'],
): TransitionFact => ({ stageCode, stepCode, phase, occurredOn, id: (id += 1) });

const steps = reserveStepsOf(DEFAULT_LIFECYCLE_TEMPLATE.definition);

describe('the reserve library', () => {
  it('lists the default template’s five preparation steps in order', () => {
    expect(steps.map((s) => s.label.zh)).toEqual([
      '签订投资协议',
      '项目建议书及可研',
      '立项用地规划许可',
      '初步设计及施工图',
      '施工准备',
    ]);
  });

  it('keeps the latest step when a stage transition without a step follows it', () => {
    const facts = [
      fact('reserve', null, '2021-01-05'),
      fact('reserve', 'investment_agreement', '2021-02-01'),
      fact('preparation', null, '2021-03-01'),
    ];
    expect(reserveStanding(facts, '2021-03-15')).toEqual({ stepCode: 'investment_agreement', since: '2021-02-01' });
    expect(reserveStanding(facts, '2021-01-31')).toEqual({ stepCode: null, since: '2021-01-05' });
    expect(reserveStanding(facts, '2021-01-04')).toBeNull();
  });

  it('counts by step as of a date, leaving out started projects and those not yet registered', () => {
    const projects = [
      [fact('reserve', null, '2021-01-05'), fact('reserve', 'investment_agreement', '2021-02-01')],
      [
        fact('reserve', null, '2021-01-05'),
        fact('reserve', 'investment_agreement', '2021-02-01'),
        fact('preparation', 'proposal_feasibility', '2021-04-01'),
      ],
      [fact('reserve', null, '2021-01-05')],
      // Started on 2021-04-10: in the reserve on 2021-04-01, not on 2021-05-01.
      [
        fact('preparation', 'site_preparation', '2021-03-01'),
        fact('started', null, '2021-04-10'),
        fact('construction', null, '2021-04-10'),
      ],
      // Registered after both dates.
      [fact('reserve', null, '2021-06-01')],
    ];
    const may = countReserve(projects, '2021-05-01', steps);
    expect(may.total).toBe(3);
    expect(may.buckets.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 1]);
    expect(may.buckets.at(-1)?.stepCode).toBeNull();
    const march = countReserve(projects, '2021-03-15', steps);
    // On 2021-03-15: two signed, one without a step, one at site preparation.
    expect(march.total).toBe(4);
    expect(march.buckets.map((b) => b.count)).toEqual([2, 0, 0, 0, 1, 1]);
  });
});
