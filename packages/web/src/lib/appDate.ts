/**
 * The web's one source of "today": the application's date from the session (`/auth/me`; the demo runs on
 * 2021-05-20), never the computer's clock. SessionProvider sets it; a dayjs plugin makes `dayjs()` (no argument)
 * the application's now — its date at the real time of day — so Ant Design's pickers (今天/此刻, the highlighted
 * day) and every default period follow it too. Timestamps of actions are shown on the application's calendar
 * (`effectiveAt` from the server), the real time in a tooltip.
 */
import dayjs, { type Dayjs, type PluginFunc } from 'dayjs';
import { chinaTime } from '@keyprojects/core';

let appToday: string | undefined;

/** Sets the application's date (YYYY-MM-DD), or clears it (signed out: the real date then). */
export function setAppToday(today: string | undefined): void {
  appToday = today;
}

/** The application's date as YYYY-MM-DD (the real local date until the session says otherwise). */
export function appTodayIso(): string {
  return appToday ?? realNow().format('YYYY-MM-DD');
}

/** The application's now: its date at the real time of day. */
export function appNow(): Dayjs {
  return dayjs();
}

// The computer's clock, for what truly is clock time (the time of day, timers); never for a business date.
// eslint-disable-next-line no-restricted-syntax -- the one read of the real clock
const realDate = (): Date => new Date();
const realNow = (): Dayjs => dayjs(realDate().toISOString());

/** The real now moved onto the application's date (the instant dayjs() stands for). */
function appNowDate(): Date {
  const real = realDate();
  if (!appToday) return real;
  const [year, month, day] = appToday.split('-').map(Number);
  const moved = new Date(real);
  moved.setFullYear(year ?? real.getFullYear(), (month ?? 1) - 1, day ?? 1);
  return moved;
}

/** The dayjs plugin: a dayjs without a date (dayjs(), a picker's getNow) is the application's now. */
export const appDatePlugin: PluginFunc = (_option, dayjsClass) => {
  type Parse = (this: unknown, cfg: { date?: unknown }) => void;
  const proto = dayjsClass.prototype as unknown as { parse: Parse };
  const parse = proto.parse;
  proto.parse = function parseOnAppDate(cfg) {
    parse.call(this, cfg.date === undefined ? { ...cfg, date: appNowDate() } : cfg);
  };
};
dayjs.extend(appDatePlugin);

/**
 * How a timestamp reads: on the application's calendar, with the real time when it differs (for a tooltip such
 * as "系统时间 2026-12-05 10:02"). `effective` is the server's `effectiveAt` for it (absent: the real time).
 */
export function appTime(
  real: string | null | undefined,
  effective?: string | null,
): { shown: string; real: string | null } | null {
  if (!real) return null;
  const realText = formatLocal(chinaTime(real));
  const shown = effective ? formatLocal(effective) : realText;
  return { shown, real: shown === realText ? null : realText };
}

/** `YYYY-MM-DD HH:mm` of a China Standard Time ISO string, read as written (not moved to the browser's zone). */
function formatLocal(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
