/**
 * Monthly reports: the owner's figures for one project and period, their review workflow, and the API
 * contracts. Year-to-date and since-start totals are derived from the monthly amounts, never typed.
 */
import { z } from 'zod';
import type { Role } from './roles.ts';
import { effectiveTimesSchema } from './app-time.ts';
import { idParam } from './id.ts';
import { isoDate, moneyWanSchema, regionCode } from './project.contract.ts';

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved', 'confirmed', 'locked'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** A report's state as the lists show it: a workflow state, or 'not_started' when nothing was filed. */
export const REPORT_LIST_STATES = [...REPORT_STATES, 'not_started'] as const;
/** A report's state as the lists show it. */
export type ReportListState = (typeof REPORT_LIST_STATES)[number];
/** The states whose figures count in statistics: reviewed by the district or later. */
export const COUNTED_REPORT_STATES: readonly ReportState[] = ['approved', 'confirmed', 'locked'];

export const REPORT_STATE_LABELS: Record<ReportState | 'not_started', { zh: string; en: string }> = {
  not_started: { zh: '未填报', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '县区已审核', en: 'Approved by district' },
  confirmed: { zh: '市级已确认', en: 'Confirmed by city' },
  locked: { zh: '已锁定', en: 'Locked' },
};

export type ReportAction = 'save' | 'submit' | 'withdraw' | 'approve' | 'return' | 'confirm';

/** Who may take each action, and from which states. Locking is done by the system when a period's deadline passes. */
const TRANSITIONS: Record<
  ReportAction,
  { roles: readonly Role[]; from: readonly (ReportState | null)[]; to: ReportState }
> = {
  save: { roles: ['owner', 'district_staff', 'city_admin'], from: [null, 'draft', 'returned'], to: 'draft' },
  submit: { roles: ['owner', 'district_staff', 'city_admin'], from: [null, 'draft', 'returned'], to: 'submitted' },
  // Back to a draft before anyone reviewed it (report-withdraw.service: only whoever may file it, not a reviewer's).
  withdraw: { roles: ['owner', 'district_staff', 'city_admin'], from: ['submitted'], to: 'draft' },
  approve: { roles: ['district_staff', 'city_admin'], from: ['submitted'], to: 'approved' },
  return: { roles: ['district_staff', 'city_admin'], from: ['submitted', 'approved'], to: 'returned' },
  confirm: { roles: ['city_admin'], from: ['approved'], to: 'confirmed' },
};

/** The state an action leads to, or why it may not be taken: 'forbidden' (role) or 'state' (wrong current state). */
export function reportTransition(
  current: ReportState | null,
  action: ReportAction,
  role: Role,
): { ok: true; next: ReportState } | { ok: false; reason: 'forbidden' | 'state' } {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(current)) return { ok: false, reason: 'state' };
  return { ok: true, next: rule.to };
}

/** Roles that may record a correction to a report of a locked period (always with a reason). */
export const REPORT_CORRECTION_ROLES: readonly Role[] = ['district_staff', 'city_admin'];

/**
 * The year-to-date after each month when `month`'s amount is replaced by `amount`; the first month whose
 * running total would fall below zero, or null when none does.
 */
export function firstNegativeYtdMonth(
  monthly: ReadonlyMap<number, bigint>,
  month: number,
  amount: bigint,
): number | null {
  let running = 0n;
  for (let m = 1; m <= 12; m += 1) {
    running += m === month ? amount : (monthly.get(m) ?? 0n);
    if (running < 0n) return m;
  }
  return null;
}

export const reportInput = z
  .strictObject({
    /** May be negative to correct an earlier month, as long as the year-to-date stays at or above zero. */
    completedThisMonth: moneyWanSchema({ allowNegative: true }),
    progressText: z.string().trim().max(1000, { error: 'text.tooLong' }).nullish(),
    progressPercent: z.number().min(0).max(100).nullish(),
    workers: z.number().int().min(0).max(100_000).nullish(),
    machines: z.number().int().min(0).max(100_000).nullish(),
    stage: z.string().trim().min(1).max(40).nullish(),
    started: z.boolean().default(false),
    startedOn: isoDate.nullish(),
    /** Submit for review now (true) or keep as a draft (false). */
    submit: z.boolean().default(false),
    /** Required when the period is locked: the change is then recorded as a correction. */
    correctionReason: z.string().trim().min(2, { error: 'text.empty' }).max(500, { error: 'text.tooLong' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.started && !value.startedOn) ctx.addIssue({ code: 'custom', message: 'required', path: ['startedOn'] });
  });
export type ReportInput = z.output<typeof reportInput>;
/** A report as a client sends it (the amount as a 万元 string or number, defaults not yet applied). */
export type ReportInputJson = z.input<typeof reportInput>;

export const reviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'return', 'confirm']),
    reason: z.string().trim().max(500, { error: 'text.tooLong' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'return' && !value.reason)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['reason'] });
  });
export type ReviewInput = z.output<typeof reviewInput>;
/** A review decision as a client sends it. */
export type ReviewInputJson = z.input<typeof reviewInput>;

export const periodParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1, { error: 'report.period' }).max(12, { error: 'report.period' }),
});
/** A period in a path (/periods/:year/:month). */
export type PeriodParams = z.output<typeof periodParams>;

/** A project's report of a period in a path (/projects/:id/reports/:year/:month). */
export const reportParams = periodParams.extend({ id: idParam });
/** A report in a path. */
export type ReportParams = z.output<typeof reportParams>;

/** A site photo in a path (/report-photos/:photoId). */
export const reportPhotoParams = z.strictObject({ photoId: idParam });
/** A site photo in a path. */
export type ReportPhotoParams = z.output<typeof reportPhotoParams>;

/** A site photo of a report (without its bytes). */
export const reportPhoto = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
/** A site photo of a report. */
export type ReportPhoto = z.output<typeof reportPhoto>;

const moneyOut = z.string();
export const reportOutput = z.object({
  id: z.number().int().nullable(),
  projectId: z.number().int(),
  projectName: z.string(),
  projectCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  state: z.enum(REPORT_LIST_STATES),
  periodLocked: z.boolean(),
  completedThisMonth: moneyOut,
  completedYtd: moneyOut,
  completedSinceStart: moneyOut,
  annualPlan: moneyOut.nullable(),
  progressText: z.string().nullable(),
  progressPercent: z.number().nullable(),
  workers: z.number().int().nullable(),
  machines: z.number().int().nullable(),
  stage: z.string().nullable(),
  started: z.boolean(),
  startedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  effectiveAt: effectiveTimesSchema('submittedAt', 'reviewedAt', 'confirmedAt'),
  version: z.number().int(),
  photos: z.array(reportPhoto),
  corrections: z.array(
    z.object({
      at: z.string(),
      effectiveAt: effectiveTimesSchema('at'),
      userName: z.string().nullable(),
      reason: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type ReportOutput = z.output<typeof reportOutput>;

/** The review desk's query (GET /reports): a month of the year's list, by state, region and text, paged. */
export const reportListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  state: z.enum(REPORT_LIST_STATES).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
/** The review desk's query after parsing. */
export type ReportListQuery = z.output<typeof reportListQuery>;
/** The review desk's query as a client sends it. */
export type ReportListQueryJson = z.input<typeof reportListQuery>;

/** One project of the review desk: its state and amount for the month. */
export const reportListItem = z.object({
  projectId: z.number().int(),
  projectName: z.string(),
  projectCode: z.string(),
  ownerName: z.string(),
  regionName: z.string(),
  state: z.enum(REPORT_LIST_STATES),
  completedThisMonth: z.string().nullable(),
  annualPlan: z.string(),
  submittedAt: z.string().nullable(),
  effectiveAt: effectiveTimesSchema('submittedAt'),
  /** The report's version (null when nothing was filed): a batch decision sends it back as If-Match does. */
  version: z.number().int().nullable(),
});
/** One project of the review desk. */
export type ReportListItem = z.output<typeof reportListItem>;

/** The review desk's page, with how many projects are in each state (for its tabs). */
export const reportListOutput = z.object({
  items: z.array(reportListItem),
  total: z.number().int(),
  stateCounts: z.partialRecord(z.enum(REPORT_LIST_STATES), z.number().int()),
});
/** The review desk's page. */
export type ReportListOutput = z.output<typeof reportListOutput>;

/** A reporting period: the statistical cut-off, the filing deadline and whether it is locked. */
export const reportingPeriod = z.object({
  year: z.number().int(),
  month: z.number().int(),
  cutoffDate: z.string(),
  deadline: z.string(),
  locked: z.boolean(),
});
/** A reporting period. */
export type ReportingPeriod = z.output<typeof reportingPeriod>;

/** The periods of a year (GET /periods?year=). */
export const periodListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
/** The periods' query after parsing. */
export type PeriodListQuery = z.output<typeof periodListQuery>;

/** The periods of a year. */
export const periodList = z.object({ items: z.array(reportingPeriod) });
/** The periods of a year. */
export type PeriodList = z.output<typeof periodList>;

/** A period's cut-off and deadline as the city sets them (PUT /periods/:year/:month). */
export const periodInput = z
  .strictObject({ cutoffDate: isoDate, deadline: isoDate })
  .refine((b) => b.deadline >= b.cutoffDate, { error: 'dates.order', path: ['deadline'] });
/** A period's cut-off and deadline. */
export type PeriodInput = z.output<typeof periodInput>;
