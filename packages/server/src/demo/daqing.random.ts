/**
 * Deterministic helpers of the demo generator: a seeded PRNG (mulberry32), day arithmetic on ISO dates, and the
 * exact fitting of integer amounts to a required total.
 */

/** A small seeded pseudo-random generator (mulberry32); the same seed always gives the same sequence. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, w] of items) {
      roll -= w;
      if (roll < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of n random decimal digits. */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 1) out += String(this.int(0, 9));
    return out;
  }
}

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
