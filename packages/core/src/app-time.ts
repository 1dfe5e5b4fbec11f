/**
 * When an action was taken, on the application's calendar. Timestamps are stored as the real instant; an
 * application running on a fixed date (TODAY, the demo's 2021-05-20) takes its actions "today" while the computer's
 * clock says 2026, so an instant whose China Standard Time date lies after the application's date is shown on the
 * application's date at its real time of day. Earlier instants (seeded history, a real year's actions) stay as they
 * are. Every presenter gives these next to the real timestamps (`effectiveAt`); the web shows them, the real
 * time in a tooltip.
 */
import { z } from 'zod';

// China Standard Time is UTC+8 all year (no daylight saving time), so no time-zone database is needed.
const CST_OFFSET_MS = 8 * 3_600_000;

/** The instant in China Standard Time as `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function chinaTime(instant: Date | string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A day on the application's calendar: a day after `today` (an action taken now in a replayed year) is `today`. */
export function effectiveDate(day: string, today: string): string {
  return day > today ? today : day;
}

/** The instant on the application's calendar: moved to `today` at its time of day when its date lies after it. */
export function effectiveInstant(instant: Date | string, today: string): string {
  const local = chinaTime(instant);
  return `${effectiveDate(local.slice(0, 10), today)}${local.slice(10)}`;
}

/** An entity's timestamps on the application's calendar (null stays null): a presenter's `effectiveAt`. */
export function effectiveTimes<K extends string>(
  today: string,
  stamps: Record<K, Date | string | null | undefined>,
): Record<K, string | null> {
  const entries = Object.entries<Date | string | null | undefined>(stamps).map(([key, value]) => [
    key,
    value == null ? null : effectiveInstant(value, today),
  ]);
  return Object.fromEntries(entries) as Record<K, string | null>;
}

/** The contract of an `effectiveAt` object holding the named timestamps on the application's calendar. */
export function effectiveTimesSchema<K extends string>(...keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.string().nullable()])) as Record<
    K,
    z.ZodNullable<z.ZodString>
  >;
  return z
    .object(shape)
    .describe('The timestamps on the application’s calendar (TODAY): a real date after it is shown on it');
}
