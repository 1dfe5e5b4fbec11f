/**
 * The one way a problem row becomes the contract's list item or detail: its clock computed by core's clockState
 * over the rule snapshot it was assigned under and the calendar in force, as of the application's date. The
 * export, the league and the escalation job start from the same clock.
 */
import {
  RULE_13710,
  availableProblemActions,
  clockState,
  deadlineRuleSchema,
  type Actor,
  type ClockState,
  type DeadlineRule,
  type ProblemAction,
  type ProblemClock,
  type ProblemDetail,
  type ProblemListItem,
  type ProblemState,
  type WorkCalendar,
} from '@keyprojects/core';
import type { ProblemDetailRow, ProblemRow } from './problem.repository.ts';

/** States in which the clock runs against the unit (a returned problem waits for the office to reassign it). */
const CLOCK_RUNS: readonly ProblemState[] = ['open', 'accepted', 'in_progress'];

/** The rule a problem was assigned under (its snapshot), or the default when the snapshot is missing or unreadable. */
export function ruleOf(snapshot: unknown): DeadlineRule {
  if (snapshot === null || snapshot === undefined) return RULE_13710;
  const parsed = deadlineRuleSchema.safeParse(snapshot);
  return parsed.success ? parsed.data : RULE_13710;
}

/** What the clock needs of a problem row. */
export interface ClockFields {
  assignedOn: string | null;
  complexity: 'ordinary' | 'complex';
  deadlineRule: unknown;
  agreedFinalDueOn: string | null;
  stepsDone: Record<string, string>;
}

/** A problem's clock as of a date (core clockState), or null before it is assigned. */
export function problemClockState(row: ClockFields, calendar: WorkCalendar, asOf: string): ClockState | null {
  if (row.assignedOn === null) return null;
  return clockState(
    ruleOf(row.deadlineRule),
    calendar,
    {
      assignedOn: row.assignedOn,
      complexity: row.complexity,
      agreedFinalDueOn: row.agreedFinalDueOn,
      doneOn: row.stepsDone,
    },
    asOf,
  );
}

/** Whether a problem is overdue now: its clock runs and a step is overdue. */
export function isOverdue(state: ProblemState, clock: ClockState | null): boolean {
  return CLOCK_RUNS.includes(state) && clock !== null && clock.overdueSteps > 0;
}

/** A problem on the lists. */
export function toProblemListItem(row: ProblemRow, calendar: WorkCalendar, asOf: string): ProblemListItem {
  const clock = problemClockState(row, calendar, asOf);
  const running = clock !== null && (CLOCK_RUNS.includes(row.state) || clock.current === null) ? clock : null;
  const current = running?.current ?? null;
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    state: row.state,
    source: row.source,
    complexity: row.complexity,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionCode: row.regionCode,
    unitId: row.unitId,
    unitName: row.unitName,
    assigneeName: row.assigneeName,
    raisedOn: row.raisedOn,
    assignedOn: row.assignedOn,
    dueOn: row.dueOn,
    resolvedOn: row.resolvedOn,
    verifiedOn: row.verifiedOn,
    grade: row.grade,
    clockState: running?.state ?? null,
    workingDaysLeft: current?.workingDaysLeft ?? null,
    workingDaysOverdue: current && running ? Math.max(...running.steps.map((s) => s.workingDaysOverdue)) : 0,
    escalationLevel: row.escalationLevel,
  };
}

/** The clock as the detail shows it: every step with its label, the current step, the escalation level. */
export function toProblemClock(row: ClockFields, calendar: WorkCalendar, asOf: string): ProblemClock | null {
  const clock = problemClockState(row, calendar, asOf);
  if (!clock) return null;
  const rule = ruleOf(row.deadlineRule);
  return {
    ruleLabel: rule.label,
    steps: clock.steps.map((step) => {
      const definition = rule.steps.find((s) => s.key === step.step);
      return {
        ...step,
        label: definition?.label ?? { zh: step.step, en: step.step },
        unit: definition?.unit ?? 'calendar_days',
      };
    }),
    current: clock.current?.step ?? null,
    state: clock.state,
    overdueSteps: clock.overdueSteps,
    escalation: clock.escalation
      ? { key: clock.escalation.key, level: clock.escalation.level, label: clock.escalation.label }
      : null,
  };
}

/** The actions the viewer may take: the role's actions in this state, a unit's only on problems assigned to it. */
export function viewerActions(row: ProblemDetailRow, actor: Actor): ProblemAction[] {
  return availableProblemActions(row.state, actor.role).filter((action) => {
    if (actor.role === 'responsible_unit') return row.unitId !== null && row.unitId === actor.organizationId;
    if (action === 'verify') return row.resolvedBy !== actor.id;
    return true;
  });
}

/** The detail of a problem. */
export function toProblemDetail(
  row: ProblemDetailRow,
  extras: Pick<ProblemDetail, 'events' | 'attachments'>,
  actor: Actor,
  calendar: WorkCalendar,
  asOf: string,
): ProblemDetail {
  return {
    ...toProblemListItem(row, calendar, asOf),
    description: row.description,
    meetingId: row.meetingId,
    inspectionId: row.inspectionId,
    raisedByName: row.raisedByName,
    agreedFinalDueOn: row.agreedFinalDueOn,
    lastReason: row.lastReason,
    version: row.version,
    clock: toProblemClock(row, calendar, asOf),
    events: extras.events,
    attachments: extras.attachments,
    actions: viewerActions(row, actor),
  };
}
