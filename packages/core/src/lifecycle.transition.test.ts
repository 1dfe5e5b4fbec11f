import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_TEMPLATE } from './lifecycle.contract.ts';
import { checkTransition, currentTransition, derivedActualDates, type TransitionFact } from './lifecycle.transition.ts';

const definition = DEFAULT_LIFECYCLE_TEMPLATE.definition;
const rules = { today: '2021-05-20', backdateWindowDays: 90 };
const fact = (id: number, stageCode: string, occurredOn: string, stepCode: string | null = null): TransitionFact => ({
  id,
  stageCode,
  stepCode,
  phase: definition.stages.find((s) => s.code === stageCode)?.phase ?? 'reserve',
  occurredOn,
});

describe('lifecycle transitions', () => {
  const history = [fact(1, 'reserve', '2021-03-01'), fact(2, 'preparation', '2021-04-01', 'proposal_feasibility')];

  it('accepts the next step and derives the current stage and dates', () => {
    const next = { stageCode: 'started', stepCode: null, occurredOn: '2021-05-10' };
    expect(checkTransition(definition, history, next, rules)).toBeNull();
    const facts = [...history, { ...next, phase: 'started' as const, id: 3 }];
    expect(currentTransition(facts)?.stageCode).toBe('started');
    expect(currentTransition(facts, '2021-04-15')?.stepCode).toBe('proposal_feasibility');
    expect(derivedActualDates(facts)).toEqual({
      actualStartDate: '2021-05-10',
      actualCompletionDate: null,
      actualProductionDate: null,
    });
  });

  it('refuses completion before start, a foreign step, the future and a date past the window', () => {
    const at = (stageCode: string, occurredOn: string, stepCode: string | null = null) =>
      checkTransition(definition, history, { stageCode, stepCode, occurredOn }, rules)?.code;
    expect(at('completed', '2021-05-01')).toBe('lifecycle.notStarted');
    expect(at('preparation', '2021-05-01', 'land_use')).toBe('lifecycle.stepUnknown');
    expect(at('planning', '2021-05-01')).toBe('lifecycle.stageUnknown');
    expect(at('started', '2021-05-21')).toBe('lifecycle.future');
    expect(at('started', '2021-01-01')).toBe('lifecycle.backdateWindow');
    expect(at('reserve', '2021-05-01', 'investment_agreement')).toBe('lifecycle.afterLater');
    expect(at('preparation', '2021-03-15', 'approval_land_planning')).toBe('lifecycle.beforeEarlier');
    expect(at('reserve', '2021-03-01')).toBe('lifecycle.alreadyEntered');
  });
});
