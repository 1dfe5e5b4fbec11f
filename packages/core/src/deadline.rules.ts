/**
 * Deadline clocks of problems and tasks: a configurable rule ("13710" by default) says, step by step, within how
 * many working or calendar days of the assignment something must be reported; from it come the due date of every
 * step, the clock's state as of a date (on time, due today, overdue, with a countdown in working days) and the
 * escalation level of an overdue item (one level per overdue step). Pure: the calendar and the date come in.
 */
import { z } from 'zod';
import type { Label } from './codelists.ts';
import { addDays, dayNumber } from './iso-date.ts';
import { addWorkingDays, nextWorkingDay, workingDaysBetween, type WorkCalendar } from './workday.ts';

/** How a step's days are counted. Calendar days whose last day is not a working day end on the next working day. */
export const DEADLINE_UNITS = ['working_days', 'calendar_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** How much an item takes: ordinary items close within the short steps, complex ones by their own (longer) step. */
export const PROBLEM_COMPLEXITIES = ['ordinary', 'complex'] as const;
export type ProblemComplexity = (typeof PROBLEM_COMPLEXITIES)[number];

const labelSchema = z.strictObject({ zh: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(120) });

/** One step of a deadline rule: a key, what is due, within how many days of the assignment, for which items. */
export const deadlineStepSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: labelSchema,
  days: z.number().int().min(0).max(365),
  unit: z.enum(DEADLINE_UNITS),
  appliesTo: z.array(z.enum(PROBLEM_COMPLEXITIES)).min(1),
});
export type DeadlineStep = z.output<typeof deadlineStepSchema>;

/** One escalation level: who takes over an item overdue at that many steps. */
export const escalationLevelSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: labelSchema,
});
export type EscalationLevel = z.output<typeof escalationLevelSchema>;

/** A versioned deadline rule: its steps (in order) and the escalation ladder. */
export const deadlineRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
    version: z.number().int().min(1),
    label: labelSchema,
    steps: z.array(deadlineStepSchema).min(1).max(20),
    escalation: z.array(escalationLevelSchema).min(1).max(10),
  })
  .superRefine((rule, ctx) => {
    const keys = new Set<string>();
    rule.steps.forEach((step, index) => {
      if (keys.has(step.key))
        ctx.addIssue({ code: 'custom', message: 'deadline.duplicateStep', path: ['steps', index] });
      keys.add(step.key);
    });
  });
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

/**
 * The default "13710" rule (DOMAIN.md): within 1 day report how the item was assigned, within 3 days the measures
 * and progress, within 7 days the result of an ordinary item with the application to close it; complex items
 * within 10 working days (or at agreed nodes, which replace that date). The rule names working days only for the
 * complex step; the 1/3/7 are calendar days, and one that ends on a weekend or holiday ends on the next working day
 * (as statutory periods do in Chinese procedure law), so nothing falls due on a day nobody works.
 */
export const RULE_13710: DeadlineRule = {
  id: '13710',
  version: 1,
  label: { zh: '“13710”工作制度', en: '"13710" rule' },
  steps: [
    {
      key: 'assignment',
      label: { zh: '1日内报告交办情况', en: 'Report how it was assigned (1 day)' },
      days: 1,
      unit: 'calendar_days',
      appliesTo: ['ordinary', 'complex'],
    },
    {
      key: 'progress',
      label: { zh: '3日内报告措施和进展', en: 'Report measures and progress (3 days)' },
      days: 3,
      unit: 'calendar_days',
      appliesTo: ['ordinary', 'complex'],
    },
    {
      key: 'result',
      label: { zh: '7日内报告办理结果并申请销号', en: 'Report the result and apply to close (7 days)' },
      days: 7,
      unit: 'calendar_days',
      appliesTo: ['ordinary'],
    },
    {
      key: 'complex_result',
      label: { zh: '复杂事项10个工作日内办结', en: 'Complex item: result within 10 working days' },
      days: 10,
      unit: 'working_days',
      appliesTo: ['complex'],
    },
  ],
  escalation: [
    { key: 'owner_on_site', label: { zh: '业主现场协调', en: 'Owner on site' } },
    { key: 'cross_department', label: { zh: '跨部门会商', en: 'Cross-department consultation' } },
    { key: 'government', label: { zh: '提请县（市）政府协调', en: 'County/city government' } },
  ],
};

/** A step's due date for an item. */
export interface StepDue {
  step: string;
  dueOn: string;
}

/**
 * The due date of every step that applies to an item assigned on `assignedOn`. For a complex item an agreed date
 * (约定节点) replaces the computed date of its last step.
 */
export function stepDueDates(
  rule: DeadlineRule,
  calendar: WorkCalendar,
  assignedOn: string,
  complexity: ProblemComplexity,
  agreedFinalDueOn?: string | null,
): StepDue[] {
  const steps = rule.steps.filter((step) => step.appliesTo.includes(complexity));
  return steps.map((step, index) => {
    const isLast = index === steps.length - 1;
    if (isLast && complexity === 'complex' && agreedFinalDueOn) return { step: step.key, dueOn: agreedFinalDueOn };
    return { step: step.key, dueOn: stepDueOn(step, calendar, assignedOn) };
  });
}

function stepDueOn(step: DeadlineStep, calendar: WorkCalendar, assignedOn: string): string {
  switch (step.unit) {
    case 'working_days':
      return addWorkingDays(calendar, assignedOn, step.days);
    case 'calendar_days':
      return nextWorkingDay(calendar, addDays(assignedOn, step.days));
  }
}

/** Where a step stands as of a date. */
export type StepClockState = 'done' | 'done_late' | 'on_time' | 'due_today' | 'overdue';

/** One step of a clock as of a date: its due date, when it was done, and the working days left or overdue. */
export interface StepClock {
  step: string;
  dueOn: string;
  doneOn: string | null;
  state: StepClockState;
  /** Working days from the as-of date to the due date (0 on the day, negative when overdue); null when done. */
  workingDaysLeft: number | null;
  /** Working days past the due date, 0 unless overdue. */
  workingDaysOverdue: number;
}

/** The state of an item's clock as of a date: every step, the current one, and the escalation level. */
export interface ClockState {
  steps: StepClock[];
  /** The first step not done yet; null when all are done. */
  current: StepClock | null;
  /** The clock as a whole: the current step's state, or 'done' / 'done_late' when every step is done. */
  state: StepClockState;
  /** How many steps are overdue now (not done, due date passed). */
  overdueSteps: number;
  /** The escalation level reached (one per overdue step, capped at the ladder's top), null when none is overdue. */
  escalation: (EscalationLevel & { level: number }) | null;
}

/** The inputs of a clock: when the item was assigned, how complex it is, and when each step was reported done. */
export interface ClockInput {
  assignedOn: string;
  complexity: ProblemComplexity;
  agreedFinalDueOn?: string | null;
  /** The date each step was reported done, by step key. */
  doneOn: Readonly<Record<string, string | undefined>>;
}

/** The clock of an item as of a date (the application's date). */
export function clockState(rule: DeadlineRule, calendar: WorkCalendar, input: ClockInput, asOf: string): ClockState {
  const dues = stepDueDates(rule, calendar, input.assignedOn, input.complexity, input.agreedFinalDueOn);
  const steps = dues.map(({ step, dueOn }) => stepClock(calendar, step, dueOn, input.doneOn[step] ?? null, asOf));
  const current = steps.find((step) => step.doneOn === null) ?? null;
  const overdueSteps = steps.filter((step) => step.state === 'overdue').length;
  const late = steps.some((step) => step.state === 'done_late');
  const topLevel = Math.min(overdueSteps, rule.escalation.length);
  const ladder = rule.escalation[topLevel - 1];
  return {
    steps,
    current,
    state: current ? current.state : late ? 'done_late' : 'done',
    overdueSteps,
    escalation: ladder ? { ...ladder, level: topLevel } : null,
  };
}

function stepClock(
  calendar: WorkCalendar,
  step: string,
  dueOn: string,
  doneOn: string | null,
  asOf: string,
): StepClock {
  // A step reported after the as-of date is not done yet as of that date.
  const done = doneOn !== null && doneOn <= asOf ? doneOn : null;
  if (done !== null) {
    const state = dayNumber(done) > dayNumber(dueOn) ? 'done_late' : 'done';
    return { step, dueOn, doneOn: done, state, workingDaysLeft: null, workingDaysOverdue: 0 };
  }
  const left = workingDaysBetween(calendar, asOf, dueOn);
  const state: StepClockState = asOf === dueOn ? 'due_today' : asOf > dueOn ? 'overdue' : 'on_time';
  // Overdue by at least one day even when the days past were holidays: the deadline has passed.
  const workingDaysOverdue = state === 'overdue' ? Math.max(1, -left) : 0;
  return { step, dueOn, doneOn: null, state, workingDaysLeft: left, workingDaysOverdue };
}

/** A deadline rule's configuration checked against the contract; the parsed rule or the zod issues. */
export function parseDeadlineRule(input: unknown): z.ZodSafeParseResult<DeadlineRule> {
  return deadlineRuleSchema.safeParse(input);
}

/** Labels of the clock states, for lists and the countdown. */
export const STEP_CLOCK_STATE_LABELS: Record<StepClockState, Label> = {
  done: { zh: '已按期完成', en: 'Done on time' },
  done_late: { zh: '逾期完成', en: 'Done late' },
  on_time: { zh: '未到期', en: 'On time' },
  due_today: { zh: '今日到期', en: 'Due today' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};
