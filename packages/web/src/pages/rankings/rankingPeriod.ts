/**
 * The periods a ranking can be asked for, as the API names them (2021-05, 2021-Q2, 2021-H1, 2021), and how they read.
 * The picker offers the periods of the application's year and the year before, up to the one the application's
 * date falls in (a later period has no data yet), newest first.
 */
import { rankingPeriod, type RankingPeriodKind } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';

const PER_YEAR: Record<RankingPeriodKind, number> = { month: 12, quarter: 4, half_year: 2, year: 1 };

function code(kind: RankingPeriodKind, year: number, n: number): string {
  switch (kind) {
    case 'month':
      return `${String(year)}-${String(n).padStart(2, '0')}`;
    case 'quarter':
      return `${String(year)}-Q${String(n)}`;
    case 'half_year':
      return `${String(year)}-H${String(n)}`;
    case 'year':
      return String(year);
  }
}

/** The period of the kind that the date (YYYY-MM-DD) falls in. */
export function periodOfDate(kind: RankingPeriodKind, date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return code(kind, year, Math.ceil((month * PER_YEAR[kind]) / 12));
}

/** The periods to pick from, newest first: this year's up to the current one, then all of last year's. */
export function periodChoices(kind: RankingPeriodKind, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const current = periodOfDate(kind, today);
  const choices: string[] = [];
  for (const y of [year, year - 1])
    for (let n = PER_YEAR[kind]; n >= 1; n -= 1) {
      const candidate = code(kind, y, n);
      if (y < year || candidate <= current) choices.push(candidate);
    }
  return choices;
}

/** A period code as read: 2021年5月, 2021年第2季度, 2021年上半年, 2021年 (the code itself when it is not one). */
export function periodLabel(code: string, t: Translate): string {
  const period = rankingPeriod(code);
  if (!period) return code;
  const { year, firstMonth } = period;
  switch (period.kind) {
    case 'month':
      return t('ranking.periodCode.month', { year, n: firstMonth, mm: String(firstMonth).padStart(2, '0') });
    case 'quarter':
      return t('ranking.periodCode.quarter', { year, n: (firstMonth + 2) / 3 });
    case 'half_year':
      return t('ranking.periodCode.half_year', {
        year,
        half: t(firstMonth === 1 ? 'ranking.half.1' : 'ranking.half.2'),
      });
    case 'year':
      return t('ranking.periodCode.year', { year });
  }
}
