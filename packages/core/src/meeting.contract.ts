/**
 * Dispatch meetings (调度会): kinds, the API's contract (create with a generated agenda, edit agenda and minutes,
 * decisions that become problems with a clock, the previous meeting's decisions) shared by the server and the web.
 */
import { z } from 'zod';
import type { Codelist } from './codelists.ts';
import { idParam } from './id.ts';
import { PROBLEM_CATEGORIES, PROBLEM_STATES } from './problem.workflow.ts';
import { PROBLEM_COMPLEXITIES, type StepClockState } from './deadline.rules.ts';
import { asOfDate, regionCode } from './project.contract.ts';
import { WARNING_LEVELS } from './warning.contract.ts';

export const MEETING_KINDS = ['weekly_dispatch', 'monthly_review', 'quarterly_tour'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Codelist<MeetingKind> = {
  weekly_dispatch: { zh: '周调度会', en: 'Weekly dispatch' },
  monthly_review: { zh: '月度点评会', en: 'Monthly review' },
  quarterly_tour: { zh: '季度观摩', en: 'Quarterly site tour' },
};

export const MEETING_STATES = ['planned', 'held'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Codelist<MeetingState> = {
  planned: { zh: '待召开', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
};

/** The longest minutes accepted, in characters. */
export const MEETING_MINUTES_MAX_LENGTH = 20_000;
/** The most agenda items a meeting may have. */
export const MEETING_AGENDA_MAX_ITEMS = 200;

/** The clock states (deadline.rules.ts's StepClockState) as a list for the schema. */
const CLOCK_STATES = [
  'done',
  'done_late',
  'on_time',
  'due_today',
  'overdue',
] as const satisfies readonly StepClockState[];

const text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(max, { error: 'text.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'text.tooLong' }).nullable().optional();

/** GET /meetings/agenda-preview: the agenda a meeting of this scope and date would open with. */
export const meetingAgendaQuery = z.strictObject({ regionCode, heldOn: asOfDate });
export type MeetingAgendaQuery = z.output<typeof meetingAgendaQuery>;

/** POST /meetings. */
export const meetingCreateInput = z.strictObject({
  kind: z.enum(MEETING_KINDS, { error: 'meeting.kind' }),
  regionCode,
  heldOn: asOfDate,
  title: text(200),
  location: optionalText(200),
  chair: optionalText(100),
  attendees: optionalText(2000),
});
export type MeetingCreateInput = z.output<typeof meetingCreateInput>;
export type MeetingCreateInputJson = z.input<typeof meetingCreateInput>;

/** PATCH /meetings/:id: what may change, with the version read (a stale one is refused with 409). */
export const meetingUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  title: text(200).optional(),
  location: optionalText(200),
  chair: optionalText(100),
  attendees: optionalText(2000),
  minutes: optionalText(MEETING_MINUTES_MAX_LENGTH),
  state: z.enum(MEETING_STATES).optional(),
});
export type MeetingUpdateInput = z.output<typeof meetingUpdateInput>;
export type MeetingUpdateInputJson = z.input<typeof meetingUpdateInput>;

/** One agenda item as the client sends it back: an existing one by id (keeping its links), or a new free item. */
export const meetingAgendaItemInput = z.strictObject({
  id: idParam.optional(),
  title: text(500),
  note: optionalText(2000),
});

/** PUT /meetings/:id/agenda: the whole agenda in its new order (adding, removing, reordering, noting at once). */
export const meetingAgendaInput = z.strictObject({
  version: z.number().int().min(1),
  items: z.array(meetingAgendaItemInput).max(MEETING_AGENDA_MAX_ITEMS, { error: 'text.tooLong' }),
});
export type MeetingAgendaInput = z.output<typeof meetingAgendaInput>;
export type MeetingAgendaInputJson = z.input<typeof meetingAgendaInput>;

/** POST /meetings/:id/decisions: a decision, raised and assigned as a problem (source meeting_decision). */
export const meetingDecisionInput = z.strictObject({
  projectId: idParam,
  title: text(200),
  description: text(5000),
  category: z.enum(PROBLEM_CATEGORIES, { error: 'problem.category' }),
  complexity: z.enum(PROBLEM_COMPLEXITIES).optional(),
  assignedUnitId: idParam,
  assigneeName: optionalText(100),
  agreedFinalDueOn: asOfDate.nullable().optional(),
});
export type MeetingDecisionInput = z.output<typeof meetingDecisionInput>;
export type MeetingDecisionInputJson = z.input<typeof meetingDecisionInput>;

/** GET /meetings filters. */
export const meetingListQuery = z.strictObject({
  kind: z.enum(MEETING_KINDS).optional(),
  regionCode: regionCode.optional(),
});
export type MeetingListQuery = z.output<typeof meetingListQuery>;

/** An agenda item: what it is about (a warning, a problem, or free text), and the note taken. */
export const meetingAgendaItemOutput = z.object({
  id: z.number().int().nullable().meta({ description: '预览中的议题尚未保存，为空' }),
  position: z.number().int(),
  source: z.enum(['warning', 'problem', 'free']),
  level: z.enum(WARNING_LEVELS).nullable().meta({ description: '预警级别；逾期问题视同红色' }),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  warningId: z.string().nullable(),
  problemId: z.number().int().nullable(),
  title: z.string(),
  note: z.string().nullable(),
});
export type MeetingAgendaItemOutput = z.output<typeof meetingAgendaItemOutput>;

export const meetingAgendaOutput = z.object({ items: z.array(meetingAgendaItemOutput) });
export type MeetingAgendaOutput = z.output<typeof meetingAgendaOutput>;

/** A decision (a problem the meeting raised) with its state and clock as of today. */
export const meetingDecisionOutput = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  title: z.string(),
  category: z.enum(PROBLEM_CATEGORIES),
  state: z.enum(PROBLEM_STATES),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assignedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  clock: z
    .object({
      state: z.enum(CLOCK_STATES),
      currentStep: z.string().nullable(),
      workingDaysLeft: z.number().int().nullable(),
      workingDaysOverdue: z.number().int(),
    })
    .nullable(),
});
export type MeetingDecisionOutput = z.output<typeof meetingDecisionOutput>;

/** A meeting's own fields. */
export const meetingOutput = z.object({
  id: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  heldOn: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  chair: z.string().nullable(),
  attendees: z.string().nullable(),
  minutes: z.string().nullable(),
  state: z.enum(MEETING_STATES),
  previousMeetingId: z.number().int().nullable(),
  version: z.number().int(),
  decisionCount: z.number().int(),
});
export type MeetingOutput = z.output<typeof meetingOutput>;

export const meetingListOutput = z.object({ items: z.array(meetingOutput) });
export type MeetingListOutput = z.output<typeof meetingListOutput>;

/** GET /meetings/:id: the meeting, its agenda and decisions, and the previous meeting's decisions as they stand. */
export const meetingDetailOutput = z.object({
  meeting: meetingOutput,
  agenda: z.array(meetingAgendaItemOutput),
  decisions: z.array(meetingDecisionOutput),
  previous: z
    .object({
      id: z.number().int(),
      title: z.string(),
      heldOn: z.string(),
      decisions: z.array(meetingDecisionOutput),
    })
    .nullable(),
});
export type MeetingDetailOutput = z.output<typeof meetingDetailOutput>;
