/**
 * How a bulletin (通报) writes its numbers and dates: money in 亿元 to one decimal, rates as percentages to one
 * decimal, year-on-year changes with 增加 / 减少 / 持平 by sign, dates in Chinese form (5月20日, 2021年5月20日).
 * Pure functions over exact values; nothing here touches floating point.
 */
import { rateFigure, yiFigure } from './figure.format.ts';
import { formatYi, type Fen } from './money.ts';
import type { RegionLevel } from './region.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** '2021-05-20' → '5月20日' (month and day without leading zeros), as a bulletin opens: 截至5月20日. */
export function chineseMonthDay(iso: string): string {
  const { month, day } = dateParts(iso);
  return `${month}月${day}日`;
}

/** '2021-05-20' → '2021年5月20日'. */
export function chineseDate(iso: string): string {
  const { year, month, day } = dateParts(iso);
  return `${year}年${month}月${day}日`;
}

/** Money in the reporting unit: fen → '1528.2亿元' (one decimal, rounded half away from zero). */
export function yiText(fen: Fen): string {
  return `${yiFigure(fen)}亿元`;
}

/** A rate numerator / denominator as '77.3%' (one decimal, half up); '—' when the denominator is 0. */
export function rateText(numerator: bigint, denominator: bigint): string {
  const value = rateFigure(numerator, denominator);
  return value === null ? '—' : `${value}%`;
}

/** A year-on-year change of a count: '增加2个', '减少3个' or '持平'. */
export function countChangeText(change: number, unit = '个'): string {
  if (change === 0) return '持平';
  return `${change > 0 ? '增加' : '减少'}${Math.abs(change)}${unit}`;
}

/**
 * A year-on-year change of money in 亿元: '增加100亿元', '减少12.5亿元' or '持平'. Rounded to one decimal like
 * every amount of the bulletin, with a trailing '.0' dropped (the seed writes 增加236亿元); a change that rounds
 * to 0.0亿元 reads 持平, since the bulletin cannot show it.
 */
export function yiChangeText(change: Fen): string {
  const magnitude = formatYi(change < 0n ? -change : change, 1).replace(/\.0$/, '');
  if (magnitude === '0') return '持平';
  return `${change > 0n ? '增加' : '减少'}${magnitude}亿元`;
}

const TENTHS = /^(-)?(\d+)\.(\d)$/;

function tenths(rate: string): bigint {
  const match = TENTHS.exec(rate);
  if (!match) throw new RangeError(`not a one-decimal rate: ${rate}`);
  const value = BigInt(match[2] ?? '0') * 10n + BigInt(match[3] ?? '0');
  return match[1] ? -value : value;
}

/**
 * The change between two one-decimal rates (percent(…, 1) strings) in percentage points: '提高2.2个百分点',
 * '下降0.4个百分点' or '持平'; '' when either rate is unknown (a denominator of 0). The difference of the two
 * rates as printed, so the text agrees with itself.
 */
export function rateChangeText(current: string | null, previous: string | null): string {
  if (current === null || previous === null) return '';
  const change = tenths(current) - tenths(previous);
  if (change === 0n) return '持平';
  const magnitude = change < 0n ? -change : change;
  return `${change > 0n ? '提高' : '下降'}${(magnitude / 10n).toString()}.${(magnitude % 10n).toString()}个百分点`;
}

/**
 * The word a bulletin uses for the whole of its area: 全市 for a prefecture-level city, 全省 for a province, and
 * for a county-level region 全 + the last character of its name (萨尔图区 → 全区, 肇州县 → 全县, 肇东市 → 全市,
 * 杜尔伯特蒙古族自治县 → 全县); '' when the bulletin has no region (an owner's own projects).
 */
export function scopeWord(regionName: string, level: RegionLevel | null): string {
  if (level === null || regionName === '') return '';
  if (level === 'province') return '全省';
  if (level === 'prefecture') return '全市';
  const last = regionName.slice(-1);
  return ['区', '县', '市', '旗'].includes(last) ? `全${last}` : '全区';
}
