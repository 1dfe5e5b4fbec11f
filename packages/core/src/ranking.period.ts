/**
 * A ranking's period as the code officials write it: a month `2021-05`, a quarter `2021-Q2`, a half-year `2021-H1`
 * or a year `2021`. A scheme ranks one kind of period (ranking.contract.ts `period`); these helpers give a code's
 * kind, its first and last day (the facts' window) and the period before it (the movement's comparison).
 */
import type { Codelist } from './codelists.ts';
import type { RankingPeriodKind } from './ranking.contract.ts';

/** The period kinds in words. */
export const RANKING_PERIOD_LABELS: Codelist<RankingPeriodKind> = {
  month: { zh: '月度', en: 'Monthly' },
  quarter: { zh: '季度', en: 'Quarterly' },
  half_year: { zh: '半年', en: 'Half-yearly' },
  year: { zh: '年度', en: 'Yearly' },
};

export const RANKING_PERIOD_CODE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

export interface RankingPeriodRange {
  code: string;
  kind: RankingPeriodKind;
  year: number;
  /** First and last month of the period (1–12). */
  firstMonth: number;
  lastMonth: number;
  /** First and last day, ISO dates. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a code names, or null when it is not one of the four shapes. */
export function rankingPeriod(code: string): RankingPeriodRange | null {
  const match = RANKING_PERIOD_CODE.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  const [kind, firstMonth, months]: [RankingPeriodKind, number, number] = match[2]
    ? ['month', Number(match[2]), 1]
    : match[3]
      ? ['quarter', Number(match[3]) * 3 - 2, 3]
      : match[4]
        ? ['half_year', Number(match[4]) * 6 - 5, 6]
        : ['year', 1, 12];
  const lastMonth = firstMonth + months - 1;
  return {
    code,
    kind,
    year,
    firstMonth,
    lastMonth,
    from: `${String(year)}-${pad(firstMonth)}-01`,
    to: `${String(year)}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
  };
}

/** The code of the period just before (same kind): 2021-01 → 2020-12, 2021-Q1 → 2020-Q4, 2021 → 2020. */
export function previousRankingPeriod(code: string): string | null {
  const period = rankingPeriod(code);
  if (!period) return null;
  const { year, firstMonth } = period;
  switch (period.kind) {
    case 'month':
      return firstMonth === 1 ? `${String(year - 1)}-12` : `${String(year)}-${pad(firstMonth - 1)}`;
    case 'quarter':
      return firstMonth === 1 ? `${String(year - 1)}-Q4` : `${String(year)}-Q${String((firstMonth - 1) / 3)}`;
    case 'half_year':
      return firstMonth === 1 ? `${String(year - 1)}-H2` : `${String(year)}-H1`;
    case 'year':
      return String(year - 1);
  }
}
