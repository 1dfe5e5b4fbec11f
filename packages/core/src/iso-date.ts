/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD` strings) for the dispatch rules: day numbers, adding days and
 * months, month indexes. Pure and clock-free: every "today" comes in as an argument (the application's date), never
 * from the computer's clock. Dates are civil dates without a time zone; UTC is used only as a proleptic calendar.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The parts of an ISO date; throws a RangeError on anything that is not a real calendar date. */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not an ISO date: ${iso}`);
  }
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before): lets dates be compared and subtracted as integers. */
export function dayNumber(iso: string): number {
  const { year, month, day } = dateParts(iso);
  // Days from civil (H. Hinnant): counts in 400-year eras of 146,097 days, the year starting in March.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The ISO date of a day number. */
export function fromDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date.getUTCDay`). */
export function dayOfWeek(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number of days of a month (month 1–12), by the Gregorian leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

/** The last day of a month (month 1–12) as an ISO date. */
export function monthEnd(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month))}`;
}

/** True when the date is the last day of its month. */
export function isMonthEnd(iso: string): boolean {
  const { year, month, day } = dateParts(iso);
  return day === daysInMonth(year, month);
}

/** A month as one integer (year × 12 + month − 1), so that months subtract. Takes an ISO date or a `YYYY-MM` period. */
export function monthIndex(isoOrPeriod: string): number {
  const { year, month } = dateParts(isoOrPeriod.length === 7 ? `${isoOrPeriod}-01` : isoOrPeriod);
  return year * 12 + month - 1;
}

/** The `YYYY-MM` period of a month index. */
export function periodOfMonthIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The same day `months` months later; a day that the target month lacks becomes its last day
 * (2021-01-31 plus one month is 2021-02-28), as a person counts "a month after".
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = dateParts(iso);
  const target = year * 12 + month - 1 + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
