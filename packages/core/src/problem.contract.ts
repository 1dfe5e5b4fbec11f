/**
 * The problem list's (问题清单) API contract: raising a problem, acting on it (one body for every workflow action),
 * the list with its filters and views (全部 / 任务清单 by due date / 责任清单 by unit), the detail with its clock
 * (core clockState), history, attachments and the viewer's actions, the league table of responsible units, and
 * the dispatch configuration (working-day calendar, deadline rule) as the city administrator edits it.
 */
import { z } from 'zod';
import { DEADLINE_UNITS, PROBLEM_COMPLEXITIES, deadlineRuleSchema } from './deadline.rules.ts';
import { idParam, idSchema } from './id.ts';
import { PROBLEM_ACTIONS, PROBLEM_CATEGORIES, PROBLEM_GRADES, PROBLEM_STATES } from './problem.workflow.ts';
import { isoDate } from './project.contract.ts';
import { workCalendarSchema } from './workday.ts';

export const PROBLEM_SOURCES = ['raised', 'meeting_decision', 'inspection'] as const;
export type ProblemSourceKind = (typeof PROBLEM_SOURCES)[number];

const text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(max, { error: 'text.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'text.tooLong' }).nullish();

/** POST /problems: raise a problem on a project (staff may assign it in the same step). */
export const problemCreateBody = z.strictObject({
  projectId: idSchema,
  title: text(200),
  category: z.enum(PROBLEM_CATEGORIES),
  description: text(4000),
  complexity: z.enum(PROBLEM_COMPLEXITIES).default('ordinary'),
  assignedUnitId: idSchema.nullish(),
  assigneeName: optionalText(50),
  agreedFinalDueOn: isoDate.nullish(),
});
export type ProblemCreateBody = z.output<typeof problemCreateBody>;
export type ProblemCreateBodyJson = z.input<typeof problemCreateBody>;

/** The actions taken on an existing problem (raising is POST /problems). */
export const PROBLEM_ACT_ACTIONS = [
  'assign',
  'accept',
  'return',
  'progress',
  'resolve',
  'verify',
  'reject',
  'reopen',
] as const satisfies readonly (typeof PROBLEM_ACTIONS)[number][];

/**
 * POST /problems/:id/actions: one body for every action; what each needs (a unit to assign, a reason to return,
 * reject or reopen, a grade to verify) is checked by core's nextState. `step` names the clock step a progress
 * report completes (the current one when left out).
 */
export const problemActionBody = z.strictObject({
  action: z.enum(PROBLEM_ACT_ACTIONS),
  reason: optionalText(1000),
  grade: z.enum(PROBLEM_GRADES).nullish(),
  note: optionalText(2000),
  unitId: idSchema.nullish(),
  assigneeName: optionalText(50),
  agreedFinalDueOn: isoDate.nullish(),
  complexity: z.enum(PROBLEM_COMPLEXITIES).nullish(),
  step: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .nullish(),
});
export type ProblemActionBody = z.output<typeof problemActionBody>;
export type ProblemActionBodyJson = z.input<typeof problemActionBody>;

export const PROBLEM_VIEWS = ['all', 'tasks', 'responsibilities'] as const;
export type ProblemView = (typeof PROBLEM_VIEWS)[number];

/** GET /problems (and its export): filters, the view deciding the order, paging. */
export const problemListQuery = z.strictObject({
  view: z.enum(PROBLEM_VIEWS).default('all'),
  state: z.enum(PROBLEM_STATES).optional(),
  category: z.enum(PROBLEM_CATEGORIES).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  unitId: idParam.optional(),
  projectId: idParam.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, { error: 'region.unknown' })
    .optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ProblemListQuery = z.output<typeof problemListQuery>;
export type ProblemListQueryJson = z.input<typeof problemListQuery>;

const clockStateEnum = z.enum(['done', 'done_late', 'on_time', 'due_today', 'overdue']);

/** One step of a problem's clock as of the application's date. */
export const problemClockStep = z.object({
  step: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  unit: z.enum(DEADLINE_UNITS),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: clockStateEnum,
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int(),
});

/** A problem's clock (null until it is assigned). */
export const problemClock = z.object({
  ruleLabel: z.object({ zh: z.string(), en: z.string() }),
  steps: z.array(problemClockStep),
  current: z.string().nullable(),
  state: clockStateEnum,
  overdueSteps: z.number().int(),
  escalation: z
    .object({ key: z.string(), level: z.number().int(), label: z.object({ zh: z.string(), en: z.string() }) })
    .nullable(),
});
export type ProblemClock = z.output<typeof problemClock>;

/** A problem on the lists. */
export const problemListItem = z.object({
  id: z.number().int(),
  title: z.string(),
  category: z.enum(PROBLEM_CATEGORIES),
  state: z.enum(PROBLEM_STATES),
  source: z.enum(PROBLEM_SOURCES),
  complexity: z.enum(PROBLEM_COMPLEXITIES),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  raisedOn: z.string(),
  assignedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  grade: z.enum(PROBLEM_GRADES).nullable(),
  /** The clock as a whole (null until assigned), working days left on the current step or overdue. */
  clockState: clockStateEnum.nullable(),
  workingDaysLeft: z.number().int().nullable(),
  workingDaysOverdue: z.number().int(),
  escalationLevel: z.number().int(),
});
export type ProblemListItem = z.output<typeof problemListItem>;

export const problemList = z.object({ items: z.array(problemListItem), total: z.number().int() });
export type ProblemList = z.output<typeof problemList>;

/** One line of a problem's history. */
export const problemEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.enum(PROBLEM_STATES).nullable(),
  toState: z.enum(PROBLEM_STATES),
  onDate: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});
export type ProblemEvent = z.output<typeof problemEvent>;

/** A file attached to a problem. */
export const problemAttachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdOn: z.string(),
});
export type ProblemAttachment = z.output<typeof problemAttachment>;

/** GET /problems/:id. */
export const problemDetail = problemListItem.extend({
  description: z.string(),
  meetingId: z.number().int().nullable(),
  inspectionId: z.number().int().nullable(),
  raisedByName: z.string().nullable(),
  agreedFinalDueOn: z.string().nullable(),
  lastReason: z.string().nullable(),
  version: z.number().int(),
  clock: problemClock.nullable(),
  events: z.array(problemEvent),
  attachments: z.array(problemAttachment),
  /** The actions the viewer may take now (the buttons); requirements are checked again on submit. */
  actions: z.array(z.enum(PROBLEM_ACTIONS)),
});
export type ProblemDetail = z.output<typeof problemDetail>;

/** GET /problems/league: the period whose assignments count (default: the year to the application's date). */
export const problemLeagueQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'problem.leaguePeriod', path: ['from'] });
export type ProblemLeagueQuery = z.output<typeof problemLeagueQuery>;
export type ProblemLeagueQueryJson = z.input<typeof problemLeagueQuery>;

/** One responsible unit's row of the league table. */
export const problemLeagueRow = z.object({
  rank: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  /** Closed on time / received, 0..1 (null with nothing received). */
  onTimeRate: z.number().nullable(),
  medianWorkingDaysToClose: z.number().nullable(),
  overdueNow: z.number().int(),
  grades: z.object({
    excellent: z.number().int(),
    good: z.number().int(),
    pass: z.number().int(),
    fail: z.number().int(),
  }),
});
export type ProblemLeagueRow = z.output<typeof problemLeagueRow>;

export const problemLeague = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  rows: z.array(problemLeagueRow),
});
export type ProblemLeague = z.output<typeof problemLeague>;

/** GET/PUT /dispatch/calendar and /dispatch/deadline-rule: the value, its version (PUT sends it back), who saved. */
export const calendarConfig = z.object({
  calendar: workCalendarSchema,
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type CalendarConfig = z.output<typeof calendarConfig>;
export const calendarUpdate = z.strictObject({ calendar: workCalendarSchema, version: z.number().int().min(0) });
export type CalendarUpdate = z.output<typeof calendarUpdate>;
export type CalendarUpdateJson = z.input<typeof calendarUpdate>;

export const deadlineRuleConfig = z.object({
  rule: deadlineRuleSchema,
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type DeadlineRuleConfig = z.output<typeof deadlineRuleConfig>;
export const deadlineRuleUpdate = z.strictObject({ rule: deadlineRuleSchema, version: z.number().int().min(0) });
export type DeadlineRuleUpdate = z.output<typeof deadlineRuleUpdate>;
export type DeadlineRuleUpdateJson = z.input<typeof deadlineRuleUpdate>;

/** Path parameters of an attachment download. */
export const problemAttachmentParams = z.strictObject({ id: idParam, attachmentId: idParam });
export type ProblemAttachmentParams = z.output<typeof problemAttachmentParams>;
