/** Reporting periods: which one is current, the default as-of date of the statistics, and period labels. */
import type { ReportingPeriod } from '@keyprojects/core';

export interface PeriodRef {
  year: number;
  month: number;
}

const monthStart = (p: PeriodRef) => `${p.year}-${String(p.month).padStart(2, '0')}-01`;

/**
 * The period owners file now: the earliest open period that has begun, else the latest period whose cut-off has
 * passed, else (no periods yet) today's month in the plan year, clamped into it.
 */
export function currentPeriod(year: number, periods: readonly ReportingPeriod[], today: string): PeriodRef {
  const begun = periods.filter((p) => monthStart(p) <= today);
  const open = begun.find((p) => !p.locked);
  if (open) return { year: open.year, month: open.month };
  const passed = begun.filter((p) => p.cutoffDate <= today).at(-1) ?? begun.at(-1);
  if (passed) return { year: passed.year, month: passed.month };
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return { year, month: 12 };
  if (year > thisYear) return { year, month: 1 };
  return { year, month: Number(today.slice(5, 7)) };
}

/** The statistics' default as-of date: one rule in core, which the dashboard's server answer follows too. */
export { defaultAsOf } from '@keyprojects/core';

/** True when `month` of `year` comes after the `limit` period. */
export function isAfter(year: number, month: number, limit: PeriodRef): boolean {
  return year > limit.year || (year === limit.year && month > limit.month);
}

/** The period in a URL's `year` and `month`, or null when they are missing or malformed. */
export function periodFromSearch(search: URLSearchParams): PeriodRef | null {
  const year = Number(search.get('year'));
  const month = Number(search.get('month'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return { year, month };
}
