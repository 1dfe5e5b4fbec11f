/**
 * The statistics' default as-of date, one rule for the server (a dashboard asked without a date) and the web (the
 * other pages' default period): the latest plan year, and in it the latest period cut-off on or before the
 * application's date, else the year's end or that date.
 */

/** The plan year statistics default to: the latest year with a plan, else the application date's year. */
export function defaultPlanYear(planYears: readonly number[], today: string): number {
  return planYears.length > 0 ? Math.max(...planYears) : Number(today.slice(0, 4));
}

/** The latest cut-off of `year`'s periods on or before `today`, else the year's end or `today`, whichever is earlier. */
export function defaultAsOf(year: number, periods: readonly { cutoffDate: string }[], today: string): string {
  const passed = periods.filter((p) => p.cutoffDate <= today).at(-1);
  if (passed) return passed.cutoffDate;
  const yearEnd = `${year}-12-31`;
  return yearEnd < today ? yearEnd : today;
}
