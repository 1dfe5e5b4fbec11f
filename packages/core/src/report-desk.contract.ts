/**
 * The review desk's contracts beyond the list: batch approval or confirmation of selected or filtered reports,
 * the per-district filing progress of a period, and reminders to owners that have not filed.
 */
import { z } from 'zod';
import { idSchema } from './id.ts';
import { regionCode } from './project.contract.ts';
import { REPORT_LIST_STATES } from './report.contract.ts';
import { REPORT_BATCH_MAX } from './report-desk.rules.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const month = z.coerce.number().int().min(1, { error: 'report.period' }).max(12, { error: 'report.period' });

/** The desk's filter a batch applies to (the state follows from the decision: submitted to approve, approved to confirm). */
export const reportBatchFilter = z.strictObject({
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
});

/**
 * A batch decision (POST /reports/batch-review): the selected reports (each with the version the reviewer saw,
 * when known) or every report matching the filter; exactly one of the two.
 */
export const reportBatchInput = z
  .strictObject({
    year,
    month,
    decision: z.enum(['approve', 'confirm']),
    items: z
      .array(z.strictObject({ projectId: idSchema, version: z.number().int().min(1).optional() }))
      .min(1, { error: 'report.batchTarget' })
      .max(REPORT_BATCH_MAX, { error: 'report.batchTooLarge' })
      .optional(),
    filter: reportBatchFilter.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.items === undefined) === (value.filter === undefined))
      ctx.addIssue({ code: 'custom', message: 'report.batchTarget', path: ['items'] });
  });
/** A batch decision after parsing. */
export type ReportBatchInput = z.output<typeof reportBatchInput>;
/** A batch decision as a client sends it. */
export type ReportBatchInputJson = z.input<typeof reportBatchInput>;

/** What became of one report of a batch: decided (its new state) or refused (the reason, as a single decision says it). */
export const reportBatchItem = z.object({
  /** The item's place in the batch, from 1 (the selection's order; a filter's in project order). */
  position: z.number().int(),
  /** Null for a project the reviewer may not see or that does not exist: the answer names nothing outside the scope. */
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  outcome: z.enum(['decided', 'refused']),
  state: z.enum(REPORT_LIST_STATES).nullable(),
  /** The refusal's error code (conflict, forbidden, notFound, validation). */
  code: z.string().nullable(),
  reason: z.string().nullable(),
});
/** One report of a batch's answer. */
export type ReportBatchItem = z.output<typeof reportBatchItem>;

/** A batch's answer: every report with its outcome, and the counts. */
export const reportBatchResult = z.object({
  decision: z.enum(['approve', 'confirm']),
  total: z.number().int(),
  decided: z.number().int(),
  refused: z.number().int(),
  items: z.array(reportBatchItem),
});
/** A batch's answer. */
export type ReportBatchResult = z.output<typeof reportBatchResult>;

/** A period's filing progress (GET /reports/progress), optionally within one region. */
export const filingProgressQuery = z.strictObject({ year, month, regionCode: regionCode.optional() });
/** The progress query after parsing. */
export type FilingProgressQuery = z.output<typeof filingProgressQuery>;

const counts = {
  expected: z.number().int(),
  filed: z.number().int(),
  approved: z.number().int(),
  confirmed: z.number().int(),
  missing: z.number().int(),
  late: z.number().int(),
};

/** One region's row of the progress panel. */
export const filingProgressRow = z.object({ regionCode: z.string(), regionName: z.string(), ...counts });
/** One region's row of the progress panel. */
export type FilingProgressRow = z.output<typeof filingProgressRow>;

/** The progress panel: per region of the reviewer's scope, and in total, for one period. */
export const filingProgressOutput = z.object({
  year: z.number().int(),
  month: z.number().int(),
  deadline: z.string(),
  /** The application's date is past the deadline: what is still missing is overdue. */
  deadlinePassed: z.boolean(),
  regions: z.array(filingProgressRow),
  total: z.object(counts),
});
/** The progress panel. */
export type FilingProgressOutput = z.output<typeof filingProgressOutput>;

/** Reminders to the owners that have not filed a period (POST /reports/reminders), in one region or all in scope. */
export const reportReminderInput = z.strictObject({ year, month, regionCode: regionCode.optional() });
/** A reminder request after parsing. */
export type ReportReminderInput = z.output<typeof reportReminderInput>;
/** A reminder request as a client sends it. */
export type ReportReminderInputJson = z.input<typeof reportReminderInput>;

/** What the reminders did: owners reminded now, already reminded today, without an account to remind. */
export const reportReminderResult = z.object({
  owners: z.number().int(),
  sent: z.number().int(),
  skipped: z.number().int(),
  noAccount: z.number().int(),
  /** Inbox notices written (one per account of each reminded owner). */
  notices: z.number().int(),
});
/** What the reminders did. */
export type ReportReminderResult = z.output<typeof reportReminderResult>;
