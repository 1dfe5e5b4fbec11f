/**
 * The one way a monthly report becomes JSON: the report of a period with its project, totals, photos and
 * corrections to the contract's `reportOutput`; a review-desk row to `reportListItem`; a period row to
 * `reportingPeriod`; and the figures the audit trail and the corrections keep (`reportFiguresOf`).
 */
import type { Insertable, Selectable } from 'kysely';
import {
  REPORT_LIST_STATES,
  effectiveTimes,
  formatWan,
  type ReportListItem,
  type ReportListState,
  type ReportOutput,
  type ReportPhoto,
  type ReportingPeriod,
} from '@keyprojects/core';
import type { MonthlyReportTable, ReportingPeriodTable } from '../../db/schema.ts';

/** A report's stored figures as the monthly_reports table holds them. */
export type ReportValues = Pick<
  Insertable<MonthlyReportTable>,
  | 'completed_this_month'
  | 'progress_text'
  | 'progress_percent'
  | 'workers'
  | 'machines'
  | 'stage'
  | 'started'
  | 'started_on'
>;

/** What the audit trail and corrections keep of a report's figures (also the ReportInput of those figures). */
export const reportFiguresOf = (r: ReportValues) => ({
  completedThisMonth: formatWan(r.completed_this_month),
  progressText: r.progress_text ?? null,
  progressPercent: r.progress_percent == null ? null : Number(r.progress_percent),
  workers: r.workers ?? null,
  machines: r.machines ?? null,
  stage: r.stage ?? null,
  started: r.started ?? false,
  startedOn: r.started_on ?? null,
});

/** A correction as the repositories read it: when (the real instant), who, why, the figures before and after. */
export interface CorrectionRow {
  at: Date;
  userName: string | null;
  reason: string;
  before: unknown;
  after: unknown;
}

/** A correction as the report and the project's report history show it, its time also on the application's date. */
export function correctionOutput(row: CorrectionRow, today: string): ReportOutput['corrections'][number] {
  return {
    at: row.at.toISOString(),
    effectiveAt: effectiveTimes(today, { at: row.at }),
    userName: row.userName,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
}

/** Everything a report of a period is shown from (the report row is absent when nothing was filed). */
export interface ReportParts {
  project: { id: number; name: string; code: string; regionName: string };
  year: number;
  month: number;
  period: Pick<Selectable<ReportingPeriodTable>, 'locked_at'> | undefined;
  report: Selectable<MonthlyReportTable> | undefined;
  totals: { ytd: bigint; sinceStart: bigint };
  annualPlan: bigint | undefined;
  photos: ReportPhoto[];
  corrections: CorrectionRow[];
  /** The application's date, for the timestamps' `effectiveAt`. */
  today: string;
}

/** The report of a project for a period as the API shows it (state 'not_started' when none was filed). */
export function toReportOutput(parts: ReportParts): ReportOutput {
  const { project, report, period, totals } = parts;
  return {
    id: report?.id ?? null,
    projectId: project.id,
    projectName: project.name,
    projectCode: project.code,
    regionName: project.regionName,
    year: parts.year,
    month: parts.month,
    state: report?.state ?? 'not_started',
    periodLocked: period?.locked_at != null,
    completedThisMonth: formatWan(report?.completed_this_month ?? 0n),
    completedYtd: formatWan(totals.ytd),
    completedSinceStart: formatWan(totals.sinceStart),
    annualPlan: parts.annualPlan === undefined ? null : formatWan(parts.annualPlan),
    progressText: report?.progress_text ?? null,
    progressPercent: report?.progress_percent == null ? null : Number(report.progress_percent),
    workers: report?.workers ?? null,
    machines: report?.machines ?? null,
    stage: report?.stage ?? null,
    started: report?.started ?? false,
    startedOn: report?.started_on ?? null,
    returnReason: report?.return_reason ?? null,
    submittedAt: report?.submitted_at?.toISOString() ?? null,
    reviewedAt: report?.reviewed_at?.toISOString() ?? null,
    confirmedAt: report?.confirmed_at?.toISOString() ?? null,
    effectiveAt: effectiveTimes(parts.today, {
      submittedAt: report?.submitted_at,
      reviewedAt: report?.reviewed_at,
      confirmedAt: report?.confirmed_at,
    }),
    version: report?.version ?? 0,
    photos: parts.photos,
    corrections: parts.corrections.map((row) => correctionOutput(row, parts.today)),
  };
}

/** A review-desk row as the repository selects it (amounts in fen, the state as text). */
export interface ReportListRow {
  projectId: number;
  projectName: string;
  projectCode: string;
  ownerName: string;
  regionName: string;
  state: string;
  completed: bigint | null;
  annualPlan: bigint;
  submittedAt: Date | null;
  version: number | null;
}

const isListState = (state: string): state is ReportListState =>
  (REPORT_LIST_STATES as readonly string[]).includes(state);

/** A review-desk row as the API shows it, its time also on the application's date `today`. */
export function toReportListItem(
  { completed, annualPlan, submittedAt, state, ...row }: ReportListRow,
  today: string,
): ReportListItem {
  if (!isListState(state)) throw new Error(`report of project ${row.projectId} has an unknown state ${state}`);
  return {
    ...row,
    state,
    completedThisMonth: completed === null ? null : formatWan(completed),
    annualPlan: formatWan(annualPlan),
    submittedAt: submittedAt?.toISOString() ?? null,
    effectiveAt: effectiveTimes(today, { submittedAt }),
  };
}

/** A reporting period as the API shows it. */
export function toReportingPeriod(row: Selectable<ReportingPeriodTable>): ReportingPeriod {
  return {
    year: row.year,
    month: row.month,
    cutoffDate: row.cutoff_date,
    deadline: row.deadline,
    locked: row.locked_at !== null,
  };
}
