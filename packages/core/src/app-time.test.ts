/** The application's calendar for timestamps: real instants after TODAY move to it, earlier ones stay. */
import { describe, expect, it } from 'vitest';
import { chinaTime, effectiveInstant, effectiveTimes, effectiveTimesSchema } from './app-time.ts';

describe('effective timestamps', () => {
  it('writes an instant in China Standard Time, across the UTC date line', () => {
    expect(chinaTime('2026-12-05T02:02:03.456Z')).toBe('2026-12-05T10:02:03+08:00');
    expect(chinaTime(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05T00:30:00+08:00');
    expect(() => chinaTime('yesterday')).toThrow(RangeError);
  });

  it('moves an instant after the application date to that date, keeping the time of day', () => {
    expect(effectiveInstant('2026-12-05T02:02:00Z', '2021-05-20')).toBe('2021-05-20T10:02:00+08:00');
    // 2021-05-20 23:30 UTC is already the 21st in China: after the application date.
    expect(effectiveInstant('2021-05-20T16:30:00Z', '2021-05-20')).toBe('2021-05-20T00:30:00+08:00');
  });

  it('keeps an instant on or before the application date', () => {
    expect(effectiveInstant('2021-05-20T01:00:00Z', '2021-05-20')).toBe('2021-05-20T09:00:00+08:00');
    expect(effectiveInstant('2021-04-10T01:00:00Z', '2021-05-20')).toBe('2021-04-10T09:00:00+08:00');
  });

  it('maps an entity’s timestamps, nulls kept, and its contract accepts the result', () => {
    const times = effectiveTimes('2021-05-20', {
      submittedAt: new Date('2026-12-05T02:02:00Z'),
      reviewedAt: null,
      confirmedAt: undefined,
    });
    expect(times).toEqual({ submittedAt: '2021-05-20T10:02:00+08:00', reviewedAt: null, confirmedAt: null });
    const schema = effectiveTimesSchema('submittedAt', 'reviewedAt', 'confirmedAt');
    expect(schema.parse(times)).toEqual(times);
    expect(schema.safeParse({ submittedAt: 1 }).success).toBe(false);
  });
});
