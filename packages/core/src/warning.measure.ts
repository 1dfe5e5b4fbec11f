/**
 * The measures the warning rules compare with their thresholds, exactly (bigint fractions, never floats): the
 * time-elapsed pace (序时进度, defined here once), months elapsed, the most overdue of dated items, and how the
 * figures are written in a warning's sentence.
 */
import { addMonths, dateParts, dayNumber, daysBetween, isMonthEnd, monthIndex } from './iso-date.ts';
import { formatWanRounded, percent, type Fen } from './money.ts';
import type { Threshold, WarningLevel } from './warning.contract.ts';

/** An exact measure num/den (den > 0), compared with thresholds without floating point. */
export interface WarningMeasure {
  num: bigint;
  den: bigint;
}

/** A whole-number measure (months, days, reports). */
export const wholeMeasure = (value: number): WarningMeasure => ({ num: BigInt(value), den: 1n });

/** Whether a measure meets a threshold (whose value has at most two decimals). */
export function meetsThreshold(threshold: Threshold, measure: WarningMeasure): boolean {
  const hundredths = BigInt(Math.round(threshold.value * 100));
  const scaled = measure.num * 100n;
  const bound = hundredths * measure.den;
  switch (threshold.op) {
    case 'at_least':
      return scaled >= bound;
    case 'over':
      return scaled > bound;
  }
}

/** The level a measure reaches under a yellow and a red threshold, or null below yellow. */
export function warningLevelOf(
  config: { yellow: Threshold; red: Threshold },
  measure: WarningMeasure,
): WarningLevel | null {
  if (meetsThreshold(config.red, measure)) return 'red';
  return meetsThreshold(config.yellow, measure) ? 'yellow' : null;
}

/** Fen as 万元 for a sentence: rounded to two decimals, trailing zeros dropped ('120', '310.5'). */
export function wanText(fen: Fen): string {
  const text = formatWanRounded(fen, 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A measure's value (num/den) as decimal text with `decimals` places, rounded half away from zero. */
export function measureText(measure: WarningMeasure, decimals: number): string {
  return percent(measure.num, measure.den * 100n, decimals) ?? '0';
}

/** '2021-04' → '2021年4月'. */
export function chinesePeriod(period: string): string {
  const { year, month } = dateParts(`${period}-01`);
  return `${year}年${month}月`;
}

/**
 * The time-elapsed pace (序时进度) as of a date: the months of the year that have ended, out of twelve. Counted by
 * months, not days, because investment is reported monthly (a month's figure exists only once the month is over)
 * and bulletins quote the pace so ("1-4月序时进度33.3%"); a daily job then does not raise a warning merely because
 * a day passed. A month counts from its last day on: as of 2021-05-20 the pace is 4/12, as of 2021-05-31 5/12.
 */
export function timeElapsedPace(asOf: string): { months: number; share: WarningMeasure } {
  const { month } = dateParts(asOf);
  const months = isMonthEnd(asOf) ? month : month - 1;
  return { months, share: { num: BigInt(months), den: 12n } };
}

/** The most overdue of dated items: how many are past due and the worst, in calendar days. */
export function mostOverdueItem<T extends { dueOn: string | null }>(items: readonly T[], asOf: string) {
  let count = 0;
  let worst: { item: T; days: number } | null = null;
  const today = dayNumber(asOf);
  for (const item of items) {
    if (item.dueOn === null || item.dueOn >= asOf) continue;
    count += 1;
    const days = today - dayNumber(item.dueOn);
    if (!worst || days > worst.days) worst = { item, days };
  }
  return worst ? { count, worst } : null;
}

/** Months from `from` to `to` as an exact fraction: whole months by the same day, then the part of the next. */
export function monthsElapsed(from: string, to: string): WarningMeasure {
  let months = monthIndex(to) - monthIndex(from);
  if (addMonths(from, months) > to) months -= 1;
  const anniversary = addMonths(from, months);
  const span = BigInt(daysBetween(anniversary, addMonths(from, months + 1)));
  return { num: BigInt(months) * span + BigInt(daysBetween(anniversary, to)), den: span };
}
