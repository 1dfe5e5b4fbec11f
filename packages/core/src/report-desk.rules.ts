/**
 * The review desk's rules over plain rows: which report states count as filed, approved and confirmed for the
 * per-district filing progress, when a filing is late, and the cap on one batch decision. The SQL aggregate of the
 * progress panel (report-desk.repository.ts) is tested to agree with `filingProgress` on the same rows.
 */
import { effectiveDate } from './app-time.ts';
import type { ReportListState } from './report.contract.ts';

/** The most reports one batch decision takes (a filter matching more is refused with a 400). */
export const REPORT_BATCH_MAX = 500;

/** States of a report that has been filed (submitted, and not sent back): what the owner owed for the period. */
export const FILED_REPORT_STATES: readonly ReportListState[] = ['submitted', 'approved', 'confirmed', 'locked'];
/** States of a report the district has approved (or that went further). */
export const APPROVED_REPORT_STATES: readonly ReportListState[] = ['approved', 'confirmed', 'locked'];
/** States in which a report's city confirmation still stands (a locked report keeps its confirmation time). */
export const CONFIRMED_REPORT_STATES: readonly ReportListState[] = ['confirmed', 'locked'];

/** One project on the period's list: its region, report state, submission date and whether the city confirmed it. */
export interface FilingRow {
  regionCode: string;
  state: ReportListState;
  /** The local date (YYYY-MM-DD) of the last submission, or null when never submitted. */
  submittedOn: string | null;
  confirmed: boolean;
}

/** The panel's figures for a region or the total. */
export interface FilingCounts {
  expected: number;
  filed: number;
  approved: number;
  confirmed: number;
  /** On the list but not filed (not started, draft, or returned and not resubmitted). */
  missing: number;
  /**
   * Filed after the period's deadline. A submission counts at the earlier of its date and the application's date:
   * in a replayed year (the demo runs on 2021-05-20) a report filed now is stored with the real time, and must not
   * count as filed years after the deadline.
   */
  late: number;
}

const zero = (): FilingCounts => ({ expected: 0, filed: 0, approved: 0, confirmed: 0, missing: 0, late: 0 });

/** Adds one project to the counts. */
function count(counts: FilingCounts, row: FilingRow, deadline: string, today: string): void {
  const filed = FILED_REPORT_STATES.includes(row.state);
  counts.expected += 1;
  if (!filed) counts.missing += 1;
  if (filed) counts.filed += 1;
  if (APPROVED_REPORT_STATES.includes(row.state)) counts.approved += 1;
  if (row.confirmed && CONFIRMED_REPORT_STATES.includes(row.state)) counts.confirmed += 1;
  const submittedOn = row.submittedOn === null ? null : effectiveDate(row.submittedOn, today);
  if (filed && submittedOn !== null && submittedOn > deadline) counts.late += 1;
}

/** Filing progress per region (by region code) and in total, for the period whose deadline is given, as of `today`. */
export function filingProgress(
  rows: readonly FilingRow[],
  deadline: string,
  today: string,
): { regions: Map<string, FilingCounts>; total: FilingCounts } {
  const regions = new Map<string, FilingCounts>();
  const total = zero();
  for (const row of rows) {
    let counts = regions.get(row.regionCode);
    if (!counts) regions.set(row.regionCode, (counts = zero()));
    count(counts, row, deadline, today);
    count(total, row, deadline, today);
  }
  return { regions, total };
}

/** The sum of several regions' counts (the panel's total row). */
export function sumFilingCounts(parts: readonly FilingCounts[]): FilingCounts {
  const total = zero();
  for (const part of parts) {
    for (const key of Object.keys(total) as (keyof FilingCounts)[]) total[key] += part[key];
  }
  return total;
}
