import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  dayOfWeek,
  daysBetween,
  isMonthEnd,
  monthIndex,
  periodOfMonthIndex,
} from './iso-date.ts';
import {
  CHINA_2021_CALENDAR,
  CHINA_2022_CALENDAR,
  CHINA_CALENDAR,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workCalendar,
  workCalendarSchema,
  workingDaysBetween,
} from './workday.ts';

const calendar = workCalendar(CHINA_2021_CALENDAR);

describe('ISO date arithmetic', () => {
  it('adds days across months and years and knows the weekday', () => {
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(daysBetween('2021-01-01', '2021-12-31')).toBe(364);
    expect(dayOfWeek('2021-05-01')).toBe(6);
    expect(dayOfWeek('2021-02-07')).toBe(0);
  });

  it('adds months clamping to the month end, and indexes months', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2021-11-15', 2)).toBe('2022-01-15');
    expect(isMonthEnd('2021-02-28')).toBe(true);
    expect(isMonthEnd('2020-02-28')).toBe(false);
    expect(monthIndex('2021-05') - monthIndex('2020-12-31')).toBe(5);
    expect(periodOfMonthIndex(monthIndex('2021-12-01') + 1)).toBe('2022-01');
  });

  it('refuses dates that do not exist', () => {
    expect(() => addDays('2021-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2021-5-1', 1)).toThrow(RangeError);
  });
});

describe('the official 2021 calendar', () => {
  it('works the adjusted weekend days and rests on the holidays', () => {
    for (const date of [
      '2021-02-07',
      '2021-02-20',
      '2021-04-25',
      '2021-05-08',
      '2021-09-18',
      '2021-09-26',
      '2021-10-09',
    ]) {
      expect(isWorkingDay(calendar, date), date).toBe(true);
    }
    for (const date of [
      '2021-01-01',
      '2021-02-11',
      '2021-02-17',
      '2021-04-05',
      '2021-05-03',
      '2021-06-14',
      '2021-10-07',
    ]) {
      expect(isWorkingDay(calendar, date), date).toBe(false);
    }
    expect(isWorkingDay(calendar, '2021-05-06')).toBe(true);
    expect(isWorkingDay(calendar, '2021-05-09')).toBe(false);
  });

  it('has 250 working days in 2021: 261 weekdays − 18 weekday holidays + 7 adjusted working days', () => {
    expect(workingDaysBetween(calendar, '2020-12-31', '2021-12-31')).toBe(250);
  });

  it('puts every adjusted working day on a weekend and every 2022 list in 2022', () => {
    for (const config of [CHINA_2021_CALENDAR, CHINA_2022_CALENDAR]) {
      for (const date of config.workingDays) expect([0, 6], date).toContain(dayOfWeek(date));
    }
    expect(CHINA_2022_CALENDAR.holidays.every((date) => date.startsWith('2022-'))).toBe(true);
    // 2022: 260 weekdays − 18 weekday holidays + 7 adjusted working days.
    const both = workCalendar(CHINA_CALENDAR);
    expect(workingDaysBetween(both, '2021-12-31', '2022-12-31')).toBe(249);
    // A clock started on 2021-12-31 runs past the New Year holiday (1–3 January 2022).
    expect(addWorkingDays(both, '2021-12-31', 1)).toBe('2022-01-04');
    expect(workCalendarSchema.safeParse(CHINA_CALENDAR).success).toBe(true);
  });

  it('is valid against its own contract, and refuses a date both holiday and working day', () => {
    expect(workCalendarSchema.safeParse(CHINA_2021_CALENDAR).success).toBe(true);
    const bad = workCalendarSchema.safeParse({
      weekendDays: [0, 6],
      holidays: ['2021-05-01'],
      workingDays: ['2021-05-01'],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ message: 'calendar.conflict', path: ['workingDays', 0] });
  });
});

describe('working days', () => {
  it('skips a weekend: one working day after Friday is Monday', () => {
    expect(addWorkingDays(calendar, '2021-03-12', 1)).toBe('2021-03-15');
    expect(addWorkingDays(calendar, '2021-03-12', 0)).toBe('2021-03-12');
    expect(addWorkingDays(calendar, '2021-03-13', 0)).toBe('2021-03-15');
    expect(addWorkingDays(calendar, '2021-03-15', -1)).toBe('2021-03-12');
  });

  it('crosses May Day: the holiday rests, the adjusted Saturday works', () => {
    // Assigned Friday 2021-04-30; 05-01..05 rest; 05-06 Thu, 05-07 Fri, 05-08 Sat (worked), 05-10 Mon.
    expect(addWorkingDays(calendar, '2021-04-30', 1)).toBe('2021-05-06');
    expect(addWorkingDays(calendar, '2021-04-30', 3)).toBe('2021-05-08');
    expect(addWorkingDays(calendar, '2021-04-30', 4)).toBe('2021-05-10');
    expect(addWorkingDays(calendar, '2021-04-30', 10)).toBe('2021-05-18');
    // Sunday 2021-04-25 is worked: one working day after Saturday 04-24 is that Sunday.
    expect(addWorkingDays(calendar, '2021-04-24', 1)).toBe('2021-04-25');
  });

  it('counts working days between dates, either way round', () => {
    expect(workingDaysBetween(calendar, '2021-04-30', '2021-05-08')).toBe(3);
    expect(workingDaysBetween(calendar, '2021-05-08', '2021-04-30')).toBe(-3);
    expect(workingDaysBetween(calendar, '2021-03-12', '2021-03-12')).toBe(0);
    expect(workingDaysBetween(calendar, '2021-03-12', '2021-03-14')).toBe(0);
    expect(nextWorkingDay(calendar, '2021-10-01')).toBe('2021-10-08');
  });

  it('refuses a calendar without working days instead of looping', () => {
    const never = workCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [], workingDays: [] });
    expect(() => addWorkingDays(never, '2021-03-12', 1)).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('agree with the JavaScript calendar on every day from 1899 to 2101', () => {
    for (let days = Date.UTC(1899, 0, 1) / 86_400_000; days <= Date.UTC(2101, 11, 31) / 86_400_000; days += 1) {
      const iso = new Date(days * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== days) throw new Error(`${iso}: ${dayNumber(iso)} ≠ ${days}`);
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-02-29')).toBe(11_016);
    expect(() => dayNumber('1900-02-29')).toThrow(RangeError);
  });
});
