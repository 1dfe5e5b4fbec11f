/** Display formatting: money from the API's 万元 decimal strings, dates and times. */
import dayjs from 'dayjs';
import { formatWanRounded, formatYi, groupThousands, parseWan } from '@keyprojects/core';

export { groupThousands };

/** The unit investment figures are shown in. */
export type MoneyUnit = 'wan' | 'yi';

/**
 * A 万元 amount from the API (a decimal string) shown in 万元 or 亿元, rounded to two places, exact
 * (through bigint fen, never a float). Empty for null; the raw text when it is not an amount.
 */
export function formatMoney(value: string | null | undefined, unit: MoneyUnit): string {
  if (value === null || value === undefined || value === '') return '';
  const fen = parseWan(value);
  if (fen === null) return value;
  return groupThousands(unit === 'yi' ? formatYi(fen, 2) : formatWanRounded(fen, 2));
}

/** An ISO timestamp as local `YYYY-MM-DD HH:mm`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm') : iso;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).startOf('day').diff(dayjs(from).startOf('day'), 'day');
}
