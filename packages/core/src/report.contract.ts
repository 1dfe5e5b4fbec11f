/**
 * Monthly reports: the owner's figures for one project and period, their review workflow, and the API
 * contracts. Year-to-date and since-start totals are derived from the monthly amounts, never typed.
 */
import { z } from 'zod';
import type { Role } from './roles.ts';
import { isoDate, moneyWanSchema } from './project.contract.ts';

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved', 'confirmed', 'locked'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
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

export type ReportAction = 'save' | 'submit' | 'approve' | 'return' | 'confirm';

/** Who may take each action, and from which states. Locking is done by the system when a period's deadline passes. */
const TRANSITIONS: Record<
  ReportAction,
  { roles: readonly Role[]; from: readonly (ReportState | null)[]; to: ReportState }
> = {
  save: { roles: ['owner', 'district_staff', 'city_admin'], from: [null, 'draft', 'returned'], to: 'draft' },
  submit: { roles: ['owner', 'district_staff', 'city_admin'], from: [null, 'draft', 'returned'], to: 'submitted' },
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
export type ReportInput = z.infer<typeof reportInput>;

export const reviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'return', 'confirm']),
    reason: z.string().trim().max(500, { error: 'text.tooLong' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'return' && !value.reason)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['reason'] });
  });
export type ReviewInput = z.infer<typeof reviewInput>;

export const periodParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1, { error: 'report.period' }).max(12, { error: 'report.period' }),
});

const moneyOut = z.string();
export const reportOutput = z.object({
  id: z.number().int().nullable(),
  projectId: z.number().int(),
  projectName: z.string(),
  projectCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  state: z.enum([...REPORT_STATES, 'not_started']),
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
  version: z.number().int(),
  photos: z.array(
    z.object({ id: z.number().int(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }),
  ),
  corrections: z.array(
    z.object({
      at: z.string(),
      userName: z.string().nullable(),
      reason: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type ReportOutput = z.infer<typeof reportOutput>;
