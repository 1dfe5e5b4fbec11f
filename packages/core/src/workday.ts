/**
 * The working-day calendar as data: which weekdays are the weekend, the official holidays, and the adjusted working
 * days (调休) on which a weekend day is worked. Deadline clocks count working days over it. Ships the official 2021
 * and 2022 calendars of China (the demo replays 2021); a city edits the lists (a zod contract validates them) for later years.
 */
import { z } from 'zod';
import { addDays, dateParts, dayNumber, dayOfWeek } from './iso-date.ts';
import { isoDate } from './project.contract.ts';

/** A working-day calendar: weekend weekdays (0 = Sunday … 6 = Saturday), holidays, and worked weekend days. */
export const workCalendarSchema = z
  .strictObject({
    weekendDays: z.array(z.number().int().min(0).max(6)).max(6),
    holidays: z.array(isoDate).max(1000),
    workingDays: z.array(isoDate).max(1000),
  })
  .superRefine((value, ctx) => {
    const holidays = new Set(value.holidays);
    value.workingDays.forEach((date, index) => {
      if (holidays.has(date))
        ctx.addIssue({ code: 'custom', message: 'calendar.conflict', path: ['workingDays', index] });
    });
  });
/** A working-day calendar as configured (JSON). */
export type WorkCalendarConfig = z.output<typeof workCalendarSchema>;

/** A calendar ready for look-ups: the lists as sets. Build it once with `workCalendar` and reuse it. */
export interface WorkCalendar {
  readonly weekendDays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly workingDays: ReadonlySet<string>;
}

/** Builds the look-up form of a calendar configuration. */
export function workCalendar(config: WorkCalendarConfig): WorkCalendar {
  return {
    weekendDays: new Set(config.weekendDays),
    holidays: new Set(config.holidays),
    workingDays: new Set(config.workingDays),
  };
}

/** The dates from `first` to `last` inclusive (for writing holiday ranges). */
function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * China's official 2021 calendar. Source: 国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号,
 * 2020-11-25): 元旦 1月1日至3日; 春节 2月11日至17日, 2月7日（星期日）、2月20日（星期六）上班; 清明节 4月3日至5日;
 * 劳动节 5月1日至5日, 4月25日（星期日）、5月8日（星期六）上班; 端午节 6月12日至14日; 中秋节 9月19日至21日,
 * 9月18日（星期六）上班; 国庆节 10月1日至7日, 9月26日（星期日）、10月9日（星期六）上班.
 */
export const CHINA_2021_CALENDAR: WorkCalendarConfig = {
  weekendDays: [0, 6],
  holidays: [
    ...dateRange('2021-01-01', '2021-01-03'),
    ...dateRange('2021-02-11', '2021-02-17'),
    ...dateRange('2021-04-03', '2021-04-05'),
    ...dateRange('2021-05-01', '2021-05-05'),
    ...dateRange('2021-06-12', '2021-06-14'),
    ...dateRange('2021-09-19', '2021-09-21'),
    ...dateRange('2021-10-01', '2021-10-07'),
  ],
  workingDays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
};

/**
 * China's official 2022 calendar, so that clocks started late in 2021 run into January correctly. Source:
 * 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）: 元旦 1月1日至3日; 春节 1月31日至2月6日,
 * 1月29日（星期六）、1月30日（星期日）上班; 清明节 4月3日至5日, 4月2日（星期六）上班; 劳动节 4月30日至5月4日,
 * 4月24日（星期日）、5月7日（星期六）上班; 端午节 6月3日至5日; 中秋节 9月10日至12日; 国庆节 10月1日至7日,
 * 10月8日（星期六）、10月9日（星期日）上班.
 */
export const CHINA_2022_CALENDAR: WorkCalendarConfig = {
  weekendDays: [0, 6],
  holidays: [
    ...dateRange('2022-01-01', '2022-01-03'),
    ...dateRange('2022-01-31', '2022-02-06'),
    ...dateRange('2022-04-03', '2022-04-05'),
    ...dateRange('2022-04-30', '2022-05-04'),
    ...dateRange('2022-06-03', '2022-06-05'),
    ...dateRange('2022-09-10', '2022-09-12'),
    ...dateRange('2022-10-01', '2022-10-07'),
  ],
  workingDays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
};

/** One calendar of several years' lists (the weekend days of the first); e.g. the default CHINA_CALENDAR. */
export function combineCalendars(
  first: WorkCalendarConfig,
  ...rest: readonly WorkCalendarConfig[]
): WorkCalendarConfig {
  return {
    weekendDays: first.weekendDays,
    holidays: [first, ...rest].flatMap((config) => config.holidays),
    workingDays: [first, ...rest].flatMap((config) => config.workingDays),
  };
}

/** The default calendar: the official 2021 and 2022 lists (the demo replays 2021). */
export const CHINA_CALENDAR: WorkCalendarConfig = combineCalendars(CHINA_2021_CALENDAR, CHINA_2022_CALENDAR);

/** True when people work on the date: an adjusted working day, or a weekday that is not a holiday. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.workingDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !calendar.weekendDays.has(dayOfWeek(date));
}

/** Guards the loops below against a calendar without working days. */
function assertHasWorkingDays(calendar: WorkCalendar): void {
  if (calendar.weekendDays.size >= 7 && calendar.workingDays.size === 0) {
    throw new RangeError('the calendar has no working days');
  }
}

/**
 * The date `days` working days after `date` (the start date itself never counts: one working day after Friday
 * is Monday). With 0, the date itself when it is a working day, else the next working day. Negative counts go back.
 */
export function addWorkingDays(calendar: WorkCalendar, date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of working days: ${days}`);
  assertHasWorkingDays(calendar);
  dateParts(date);
  if (days === 0) return nextWorkingDay(calendar, date);
  const step = days > 0 ? 1 : -1;
  let current = date;
  for (let remaining = Math.abs(days); remaining > 0;) {
    current = addDays(current, step);
    if (isWorkingDay(calendar, current)) remaining -= 1;
  }
  return current;
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(calendar: WorkCalendar, date: string): string {
  assertHasWorkingDays(calendar);
  let current = date;
  while (!isWorkingDay(calendar, current)) current = addDays(current, 1);
  return current;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to` (so Friday to the next
 * Monday is 1). Negative, counted the same way backwards, when `to` is earlier; 0 for the same date.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDay(calendar, addDays(from, day - start))) count += 1;
  }
  return count;
}
