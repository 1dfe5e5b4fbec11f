/** Arithmetic on the API's decimal strings (万元 amounts, percentages), exact through bigint. */
import { formatWan, formatYi, parseWan } from '@keyprojects/core';

/** a − b for two 万元 amounts, as a 万元 decimal string; null when either is not an amount. */
export function diffWan(a: string, b: string): string | null {
  const x = parseWan(a);
  const y = parseWan(b);
  return x === null || y === null ? null : formatWan(x - y);
}

/** a − b for two percentages with up to six decimals (percentage points), two decimals; null when either is missing. */
export function diffPercent(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  // parseWan reads any decimal with up to six places exactly; the unit does not matter for a difference.
  const x = parseWan(a);
  const y = parseWan(b);
  return x === null || y === null ? null : formatWan(x - y, 2);
}

/** −1, 0 or 1: the sign of a count or of a decimal string. */
export function signOf(value: number | string | null): -1 | 0 | 1 {
  if (value === null) return 0;
  if (typeof value === 'number') return value > 0 ? 1 : value < 0 ? -1 : 0;
  const fen = parseWan(value);
  if (fen === null || fen === 0n) return 0;
  return fen > 0n ? 1 : -1;
}

/** The absolute value of a decimal string. */
export function absDecimal(value: string): string {
  return value.startsWith('-') ? value.slice(1) : value;
}

/** A 万元 amount in 亿元 as a number with two decimals: for chart geometry only, never for sums. */
export function yiNumber(value: string): number {
  const fen = parseWan(value);
  return fen === null ? 0 : Number(formatYi(fen, 2));
}

/** A 万元 amount as a number: for chart geometry only. */
export function wanNumber(value: string): number {
  const fen = parseWan(value);
  return fen === null ? 0 : Number(formatWan(fen, 2));
}

/** A percentage string as a number: for chart geometry only. */
export function percentNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}
