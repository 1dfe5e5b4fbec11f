/**
 * Deterministic helpers of the demo generator: day arithmetic on ISO dates and the exact fitting of integer
 * amounts to a required total. The seeded generator itself is core's `Rng`.
 */
import { Rng } from '@keyprojects/core';

export { Rng };

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A uniformly random day between two ISO dates, both included. */
export function randomDay(rng: Rng, from: string, to: string): number {
  return rng.int(dayOf(from), dayOf(to));
}

/** An integer amount with bounds, to be fitted to a total. */
export interface FitItem {
  value: number;
  min: number;
  max: number;
}

/** The item at `i`; throws when there is none (keeps index access checked without assertions). */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new RangeError(`no item at ${i}`);
  return item;
}

/**
 * Returns integer amounts close to the items' values that sum to `target` exactly, each within its bounds:
 * the movable items are rescaled proportionally (and rounded with `round`) a few times, then what is left is
 * put on the largest items. Throws when the bounds make the target unreachable.
 */
export function fitToTotal(items: readonly FitItem[], target: number, round: (value: number) => number): number[] {
  const clamp = (item: FitItem, value: number): number => Math.min(item.max, Math.max(item.min, value));
  const rows = items.map((item) => ({ item, value: clamp(item, round(item.value)) }));
  const residualOf = () => target - rows.reduce((sum, r) => sum + r.value, 0);
  for (let pass = 0; pass < 8; pass += 1) {
    const residual = residualOf();
    if (residual === 0) break;
    const free = rows.filter((r) => (residual > 0 ? r.value < r.item.max : r.value > r.item.min));
    const freeSum = free.reduce((sum, r) => sum + r.value, 0);
    if (freeSum <= 0) break;
    const factor = 1 + residual / freeSum;
    for (const r of free) r.value = clamp(r.item, round(r.value * factor));
  }
  let residual = residualOf();
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.value - a.r.value || a.i - b.i);
  for (const { r } of order) {
    if (residual === 0) break;
    const delta = residual > 0 ? Math.min(residual, r.item.max - r.value) : Math.max(residual, r.item.min - r.value);
    r.value += delta;
    residual -= delta;
  }
  if (residual !== 0) throw new RangeError(`cannot fit amounts to ${target}: ${residual} left`);
  return rows.map((r) => r.value);
}

/** Rounds an amount in 万元 to a round-looking figure: 10万 below 1亿, 100万 below 10亿, 1000万 above. */
export function roundWan(value: number): number {
  const step = value < 10_000 ? 10 : value < 100_000 ? 100 : 1000;
  return Math.max(step, Math.round(value / step) * step);
}

/** Rounds to a "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k). */
export function nice(value: number): number {
  if (value <= 0) return 0;
  const exponent = Math.floor(Math.log10(value));
  const scale = 10 ** exponent;
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  let best = 1;
  for (const step of steps)
    if (Math.abs(Math.log(value / (step * scale))) < Math.abs(Math.log(value / (best * scale)))) best = step;
  return Number((best * scale).toPrecision(3));
}
