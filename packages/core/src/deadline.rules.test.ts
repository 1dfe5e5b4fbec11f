import { describe, expect, it } from 'vitest';
import { RULE_13710, clockState, parseDeadlineRule, stepDueDates, type ClockInput } from './deadline.rules.ts';
import { CHINA_2021_CALENDAR, workCalendar } from './workday.ts';

const calendar = workCalendar(CHINA_2021_CALENDAR);

function clock(input: Partial<ClockInput>, asOf: string) {
  return clockState(
    RULE_13710,
    calendar,
    { assignedOn: '2021-04-30', complexity: 'ordinary', doneOn: {}, ...input },
    asOf,
  );
}

describe('13710 due dates', () => {
  it('on an ordinary weekday: 1, 3 and 7 calendar days', () => {
    expect(stepDueDates(RULE_13710, calendar, '2021-03-09', 'ordinary')).toEqual([
      { step: 'assignment', dueOn: '2021-03-10' },
      { step: 'progress', dueOn: '2021-03-12' },
      { step: 'result', dueOn: '2021-03-16' },
    ]);
  });

  it('across a weekend: a step ending on Saturday ends on Monday', () => {
    expect(stepDueDates(RULE_13710, calendar, '2021-03-12', 'ordinary')).toEqual([
      { step: 'assignment', dueOn: '2021-03-15' },
      { step: 'progress', dueOn: '2021-03-15' },
      { step: 'result', dueOn: '2021-03-19' },
    ]);
  });

  it('across May Day: holiday ends move to 05-06; the complex step counts 10 working days with 05-08 worked', () => {
    expect(stepDueDates(RULE_13710, calendar, '2021-04-30', 'ordinary')).toEqual([
      { step: 'assignment', dueOn: '2021-05-06' },
      { step: 'progress', dueOn: '2021-05-06' },
      { step: 'result', dueOn: '2021-05-07' },
    ]);
    expect(stepDueDates(RULE_13710, calendar, '2021-04-30', 'complex')).toEqual([
      { step: 'assignment', dueOn: '2021-05-06' },
      { step: 'progress', dueOn: '2021-05-06' },
      { step: 'complex_result', dueOn: '2021-05-18' },
    ]);
    // Assigned on the worked Sunday before the holiday: 10 working days are 04-26..30, 05-06, 07, 08, 10, 11.
    expect(stepDueDates(RULE_13710, calendar, '2021-04-25', 'complex').at(-1)).toEqual({
      step: 'complex_result',
      dueOn: '2021-05-11',
    });
  });

  it('lets an agreed node replace the last step of a complex item only', () => {
    expect(stepDueDates(RULE_13710, calendar, '2021-04-30', 'complex', '2021-06-30').at(-1)?.dueOn).toBe('2021-06-30');
    expect(stepDueDates(RULE_13710, calendar, '2021-04-30', 'ordinary', '2021-06-30').at(-1)?.dueOn).toBe('2021-05-07');
  });
});

describe('the clock as of a date', () => {
  it('counts down in working days before the first due date', () => {
    const state = clock({}, '2021-04-30');
    expect(state.state).toBe('on_time');
    expect(state.current).toMatchObject({ step: 'assignment', dueOn: '2021-05-06', workingDaysLeft: 1 });
    expect(state.escalation).toBeNull();
  });

  it('is due today on the due date, and one level up for each overdue step', () => {
    const dueDay = clock({ doneOn: { assignment: '2021-05-06', progress: '2021-05-06' } }, '2021-05-07');
    expect(dueDay.state).toBe('due_today');
    expect(dueDay.current).toMatchObject({ step: 'result', workingDaysLeft: 0, workingDaysOverdue: 0 });
    expect(dueDay.escalation).toBeNull();

    const twoLate = clock({}, '2021-05-07');
    expect(twoLate.state).toBe('overdue');
    expect(twoLate.current).toMatchObject({ step: 'assignment', workingDaysOverdue: 1 });
    expect(twoLate.overdueSteps).toBe(2);
    expect(twoLate.escalation).toMatchObject({ level: 2, key: 'cross_department' });
  });

  it('counts overdue working days over the worked Saturday and caps escalation at the top level', () => {
    const state = clock({}, '2021-05-10');
    // Due 05-07 (Fri); 05-08 (worked Saturday) and 05-10 have passed since.
    expect(state.steps.at(-1)).toMatchObject({ step: 'result', state: 'overdue', workingDaysOverdue: 2 });
    expect(state.overdueSteps).toBe(3);
    expect(state.escalation).toMatchObject({ level: 3, key: 'government' });
  });

  it('tells done on time from done late, and ignores a report dated after the as-of date', () => {
    const done = clock(
      { doneOn: { assignment: '2021-05-06', progress: '2021-05-08', result: '2021-05-07' } },
      '2021-05-20',
    );
    expect(done.current).toBeNull();
    expect(done.state).toBe('done_late');
    expect(done.steps.map((step) => step.state)).toEqual(['done', 'done_late', 'done']);
    const early = clock({ doneOn: { assignment: '2021-05-06' } }, '2021-05-05');
    expect(early.current).toMatchObject({ step: 'assignment', state: 'on_time' });
  });

  it('is overdue (at least one day) the day after a Friday deadline, though no working day has passed', () => {
    const state = clockState(
      RULE_13710,
      calendar,
      {
        assignedOn: '2021-03-09',
        complexity: 'ordinary',
        doneOn: { assignment: '2021-03-10', progress: '2021-03-12' },
      },
      '2021-03-17',
    );
    expect(state.current).toMatchObject({ step: 'result', state: 'overdue', workingDaysOverdue: 1 });
    const saturday = clockState(
      RULE_13710,
      calendar,
      {
        assignedOn: '2021-03-05',
        complexity: 'ordinary',
        doneOn: { assignment: '2021-03-06', progress: '2021-03-08' },
      },
      '2021-03-13',
    );
    expect(saturday.current).toMatchObject({
      step: 'result',
      dueOn: '2021-03-12',
      state: 'overdue',
      workingDaysOverdue: 1,
    });
  });
});

describe('rule configuration', () => {
  it('accepts the default rule and refuses a bad one whole, naming the field', () => {
    expect(parseDeadlineRule(RULE_13710).success).toBe(true);
    const bad = parseDeadlineRule({ ...RULE_13710, steps: [{ ...RULE_13710.steps[0], days: -1, unit: 'hours' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['steps.0.days', 'steps.0.unit']);
    const duplicate = parseDeadlineRule({ ...RULE_13710, steps: [RULE_13710.steps[0], RULE_13710.steps[0]] });
    expect(duplicate.error?.issues[0]).toMatchObject({ message: 'deadline.duplicateStep', path: ['steps', 1] });
  });
});
