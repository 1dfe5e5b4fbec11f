/**
 * The responsible units' league table (责任单位排行): per unit, the problems assigned to it in a period (received),
 * those closed, those closed on time (resolved by their clock's last due date and verified), the median working
 * days from assignment to resolution over the calendar, the problems overdue now, and the grades given. Ranked by
 * the on-time rate, then fewer overdue now, then the faster median. Pure: the rows and the calendar come in.
 */
import { PROBLEM_GRADES, type ProblemGrade, type ProblemState } from './problem.workflow.ts';
import { workingDaysBetween, type WorkCalendar } from './workday.ts';

/** What the league needs of one assigned problem. */
export interface LeagueProblem {
  unitId: number;
  unitName: string;
  assignedOn: string;
  dueOn: string | null;
  state: ProblemState;
  resolvedOn: string | null;
  grade: ProblemGrade | null;
  /** Whether its clock is overdue as of the table's date (core clockState). */
  overdueNow: boolean;
}

/** One unit's figures. */
export interface LeagueFigures {
  rank: number;
  unitId: number;
  unitName: string;
  received: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  medianWorkingDaysToClose: number | null;
  overdueNow: number;
  grades: Record<ProblemGrade, number>;
}

/** The median of numbers (the mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? 0;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** Whether a problem counts as closed on time: verified, and resolved no later than its last due date. */
export function closedOnTime(problem: LeagueProblem): boolean {
  return (
    problem.state === 'verified_closed' &&
    problem.resolvedOn !== null &&
    problem.dueOn !== null &&
    problem.resolvedOn <= problem.dueOn
  );
}

/** The league table of the problems assigned in [from, to] (the caller selects them), ranked. */
export function leagueTable(
  problems: readonly LeagueProblem[],
  calendar: WorkCalendar,
  period: { from: string; to: string },
): LeagueFigures[] {
  const byUnit = new Map<number, { unitName: string; items: LeagueProblem[] }>();
  for (const problem of problems) {
    if (problem.assignedOn < period.from || problem.assignedOn > period.to) continue;
    const unit = byUnit.get(problem.unitId) ?? { unitName: problem.unitName, items: [] };
    unit.items.push(problem);
    byUnit.set(problem.unitId, unit);
  }
  const rows = [...byUnit.entries()].map(([unitId, { unitName, items }]): LeagueFigures => {
    const closed = items.filter((p) => p.state === 'verified_closed');
    const onTime = items.filter(closedOnTime).length;
    const days = items.flatMap((p) =>
      p.resolvedOn !== null && (p.state === 'resolved' || p.state === 'verified_closed')
        ? [workingDaysBetween(calendar, p.assignedOn, p.resolvedOn)]
        : [],
    );
    const grades = Object.fromEntries(PROBLEM_GRADES.map((g) => [g, 0])) as Record<ProblemGrade, number>;
    for (const p of closed) if (p.grade) grades[p.grade] += 1;
    return {
      rank: 0,
      unitId,
      unitName,
      received: items.length,
      closed: closed.length,
      closedOnTime: onTime,
      onTimeRate: items.length === 0 ? null : onTime / items.length,
      medianWorkingDaysToClose: median(days),
      overdueNow: items.filter((p) => p.overdueNow).length,
      grades,
    };
  });
  rows.sort(
    (a, b) =>
      (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) ||
      a.overdueNow - b.overdueNow ||
      (a.medianWorkingDaysToClose ?? Infinity) - (b.medianWorkingDaysToClose ?? Infinity) ||
      a.unitName.localeCompare(b.unitName, 'zh'),
  );
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}
