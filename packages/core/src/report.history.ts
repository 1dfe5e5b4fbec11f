/**
 * A project's year of monthly reports as a curve: the counted cumulative completion month by month against the
 * annual plan's time-elapsed pace (序时进度: by the end of month m, m/12 of the plan — the same pace the warnings
 * and bulletins quote, warning.measure.ts). Amounts in fen; the contract turns them into 万元 at the edge.
 * Also what may still be undone on a report before review: deleting a photo, withdrawing a submission.
 */
import type { Fen } from './money.ts';
import { reportTransition, type ReportState } from './report.contract.ts';
import type { Role } from './roles.ts';

/** States whose photos may still be deleted: not yet confirmed by the city (nor locked). */
export const PHOTO_DELETABLE_STATES: readonly ReportState[] = ['draft', 'submitted', 'returned', 'approved'];

/** Whether a report's photos may still be deleted (by whoever may file it): before confirmation, period open. */
export function photosDeletable(state: ReportState, periodLocked: boolean): boolean {
  return !periodLocked && PHOTO_DELETABLE_STATES.includes(state);
}

/**
 * Whether `actor` may withdraw a report (back to a draft): a submitted report nobody has decided on yet, by its
 * owner's users or by whoever submitted it — a reviewer who did not submit it returns it instead.
 */
export function withdrawCheck(
  report: { state: ReportState; submittedBy: number | null },
  actor: { id: number; role: Role },
): 'ok' | 'forbidden' | 'notSubmitter' | 'reviewed' {
  const transition = reportTransition(report.state, 'withdraw', actor.role);
  if (!transition.ok) return transition.reason === 'forbidden' ? 'forbidden' : 'reviewed';
  if (actor.role !== 'owner' && report.submittedBy !== actor.id) return 'notSubmitter';
  return 'ok';
}

/** One month of the curve. */
export interface HistoryCurvePoint {
  month: number;
  /** The plan's pace by the end of the month (null without an annual plan). */
  planCumulative: Fen | null;
  /** Counted completions of the year through the month (null for months after `throughMonth`). */
  actualCumulative: Fen | null;
}

/**
 * The twelve months of a year: the plan's pace and the cumulative counted completions through `throughMonth` (the
 * last month that has begun; later months have no actual point, so the line stops instead of falling flat).
 * The pace is rounded down to the fen per month, the twelfth month being the whole plan exactly.
 */
export function historyCurve(
  countedByMonth: ReadonlyMap<number, Fen>,
  annualPlan: Fen | null,
  throughMonth: number,
): HistoryCurvePoint[] {
  const points: HistoryCurvePoint[] = [];
  let running = 0n;
  for (let month = 1; month <= 12; month += 1) {
    running += countedByMonth.get(month) ?? 0n;
    points.push({
      month,
      planCumulative: annualPlan === null ? null : (annualPlan * BigInt(month)) / 12n,
      actualCumulative: month <= throughMonth ? running : null,
    });
  }
  return points;
}
