/**
 * The application's calendar date in Asia/Shanghai. Periods, deadlines and "future period" checks use it,
 * so a demo of a past year (or a test) can fix the date while production follows the real one.
 */
export interface Clock {
  /** Today as YYYY-MM-DD in China Standard Time. */
  today(): string;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const systemClock: Clock = { today: () => SHANGHAI_DATE.format(new Date()) };

export function fixedClock(date: string): Clock {
  return { today: () => date };
}
