/**
 * The one place meeting rows become the contract's output: the meeting, its agenda items (stored or proposed),
 * and its decisions with their clock as of the application's date (core clockState on the problem's own rule
 * snapshot, over the working-day calendar in force).
 */
import {
  clockState,
  deadlineRuleSchema,
  type MeetingAgendaItemOutput,
  type MeetingDecisionOutput,
  type MeetingOutput,
  type WorkCalendar,
} from '@keyprojects/core';
import type { AgendaRow, DecisionRow, MeetingRow } from './meeting.repository.ts';

export function toMeetingOutput(row: MeetingRow): MeetingOutput {
  return {
    id: row.id,
    kind: row.kind,
    regionCode: row.region_code,
    regionName: row.region_name,
    heldOn: row.held_on,
    title: row.title,
    location: row.location,
    chair: row.chair,
    attendees: row.attendees,
    minutes: row.minutes,
    state: row.state,
    previousMeetingId: row.previous_meeting_id,
    version: row.version,
    decisionCount: Number(row.decision_count),
  };
}

export function toAgendaItemOutput(row: AgendaRow): MeetingAgendaItemOutput {
  const source = row.warning_id !== null ? 'warning' : row.problem_id !== null ? 'problem' : 'free';
  return {
    id: row.id,
    position: row.position,
    source,
    // A problem on the agenda is there because its clock ran out: as urgent as a red warning.
    level: source === 'warning' ? row.warning_level : source === 'problem' ? 'red' : null,
    projectId: row.project_id,
    projectName: row.project_name,
    warningId: row.warning_id,
    problemId: row.problem_id,
    title: row.title,
    note: row.note,
  };
}

/** A decision with its clock as of `today`; no clock when it was never assigned or its rule no longer parses. */
export function toDecisionOutput(row: DecisionRow, calendar: WorkCalendar, today: string): MeetingDecisionOutput {
  const rule = row.deadline_rule === null ? null : deadlineRuleSchema.safeParse(row.deadline_rule);
  const clock =
    rule?.success && row.assigned_on
      ? clockState(
          rule.data,
          calendar,
          {
            assignedOn: row.assigned_on,
            complexity: row.complexity,
            agreedFinalDueOn: row.agreed_final_due_on,
            doneOn: row.steps_done,
          },
          today,
        )
      : null;
  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name ?? '',
    title: row.title,
    category: row.category,
    state: row.state,
    unitId: row.assigned_unit_id,
    unitName: row.unit_name,
    assigneeName: row.assignee_name,
    assignedOn: row.assigned_on,
    dueOn: row.due_on,
    resolvedOn: row.resolved_on,
    verifiedOn: row.verified_on,
    clock: clock && {
      // A verified problem's clock has stopped whatever its steps say.
      state: row.state === 'verified_closed' && clock.current ? 'done' : clock.state,
      currentStep: clock.current?.step ?? null,
      workingDaysLeft: clock.current?.workingDaysLeft ?? null,
      workingDaysOverdue: clock.current?.workingDaysOverdue ?? 0,
    },
  };
}
