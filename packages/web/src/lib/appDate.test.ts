/** The web's application date: dayjs() and the pickers' now follow the session's date; timestamps read on it. */
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { appNow, appTime, appTodayIso, setAppToday } from './appDate.ts';

afterEach(() => setAppToday(undefined));

describe('the application date in the web', () => {
  it('makes dayjs() and appNow() the application date at the real time of day', () => {
    setAppToday('2021-05-20');
    expect(dayjs().format('YYYY-MM-DD')).toBe('2021-05-20');
    expect(appNow().format('YYYY-MM-DD')).toBe('2021-05-20');
    expect(appTodayIso()).toBe('2021-05-20');
    // The real time of day is kept (within the test's run).
    const real = new Date(Date.now());
    expect(Math.abs(dayjs().hour() * 60 + dayjs().minute() - (real.getHours() * 60 + real.getMinutes()))).toBeLessThan(
      2,
    );
    // "Is this day after today" as a picker's disabledDate asks it: today itself is allowed.
    expect(dayjs('2021-05-20').isAfter(dayjs(), 'day')).toBe(false);
    expect(dayjs('2021-05-21').isAfter(dayjs(), 'day')).toBe(true);
  });

  it('leaves dates given explicitly, and clones, alone', () => {
    setAppToday('2021-05-20');
    expect(dayjs('2026-12-05').format('YYYY-MM-DD')).toBe('2026-12-05');
    expect(dayjs('2021-03-01').add(1, 'month').format('YYYY-MM-DD')).toBe('2021-04-01');
    expect(dayjs().startOf('month').format('YYYY-MM-DD')).toBe('2021-05-01');
  });

  it('uses the real date until the session gives one', () => {
    expect(appTodayIso()).toBe(dayjs(new Date(Date.now()).toISOString()).format('YYYY-MM-DD'));
  });

  it('shows a timestamp on the application calendar with the real time when they differ', () => {
    expect(appTime('2026-12-05T02:02:00.000Z', '2021-05-20T10:02:00+08:00')).toEqual({
      shown: '2021-05-20 10:02',
      real: '2026-12-05 10:02',
    });
    expect(appTime('2021-04-10T01:00:00.000Z', '2021-04-10T09:00:00+08:00')).toEqual({
      shown: '2021-04-10 09:00',
      real: null,
    });
    expect(appTime('2021-04-10T01:00:00.000Z')).toEqual({ shown: '2021-04-10 09:00', real: null });
    expect(appTime(null)).toBeNull();
  });
});
