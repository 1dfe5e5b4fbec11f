/**
 * A project's monthly-report history (GET /projects/:id/report-history): a year's curve against the plan's pace,
 * every filed report with its state, figures, photos and corrections, and what the reader may still undo; the
 * withdraw and photo-delete routes' parameters.
 */
import { z } from 'zod';
import { idParam } from './id.ts';
import { REPORT_STATES, reportOutput, reportPhoto } from './report.contract.ts';

/** The year of the history (the application's year when absent). */
export const reportHistoryQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
/** The history's query after parsing. */
export type ReportHistoryQuery = z.output<typeof reportHistoryQuery>;
/** The history's query as a client sends it. */
export type ReportHistoryQueryJson = z.input<typeof reportHistoryQuery>;

/** One filed report of the year (万元 strings). */
export const reportHistoryItem = z.object({
  id: z.number().int(),
  month: z.number().int(),
  state: z.enum(REPORT_STATES),
  periodLocked: z.boolean(),
  completedThisMonth: z.string(),
  progressText: z.string().nullable(),
  progressPercent: z.number().nullable(),
  stage: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The three on the application's calendar, as the report itself gives them. */
  effectiveAt: reportOutput.shape.effectiveAt,
  version: z.number().int(),
  photos: z.array(reportPhoto),
  corrections: reportOutput.shape.corrections,
  /** The reader may withdraw it now (submitted, not yet decided, and theirs to withdraw). */
  canWithdraw: z.boolean(),
  /** The reader may delete its photos now (may file it, not yet confirmed, period open). */
  canDeletePhotos: z.boolean(),
});
/** One filed report of the history. */
export type ReportHistoryItem = z.output<typeof reportHistoryItem>;

/** A month of the curve: the plan's pace and the counted cumulative completion (万元; null where none). */
export const reportHistoryPoint = z.object({
  month: z.number().int(),
  planCumulative: z.string().nullable(),
  actualCumulative: z.string().nullable(),
});
/** A month of the curve. */
export type ReportHistoryPoint = z.output<typeof reportHistoryPoint>;

/** A project's year of reports. */
export const reportHistoryOutput = z.object({
  projectId: z.number().int(),
  year: z.number().int(),
  annualPlan: z.string().nullable(),
  /** The last month of the year that has begun by the application's date (12 for a past year). */
  throughMonth: z.number().int(),
  curve: z.array(reportHistoryPoint),
  reports: z.array(reportHistoryItem),
});
/** A project's year of reports. */
export type ReportHistoryOutput = z.output<typeof reportHistoryOutput>;

/** A photo of a project's report in a path (DELETE /projects/:id/reports/:year/:month/photos/:photoId). */
export const reportPhotoDeleteParams = z.strictObject({
  id: idParam,
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1, { error: 'report.period' }).max(12, { error: 'report.period' }),
  photoId: idParam,
});
/** A photo of a report in a path. */
export type ReportPhotoDeleteParams = z.output<typeof reportPhotoDeleteParams>;
