/**
 * Progress against plan (issue #11 item 6): a project's planned investment curve for a year — the annual plan's
 * planned investment spread evenly over the months the project's current milestone plan covers — against the
 * investment it reported (earned value), and the schedule performance index SPI = earned to date / planned to date.
 *
 * The rules, exactly (the SQL of the region breakdown in modules/spi repeats them and is tested to agree):
 * - Months spread over: the current (approved) plan's first planned start to its last planned end, clipped to the
 *   year. Without an approved plan, or with one that lies wholly outside the year, the whole year (January to
 *   December): the annual plan is still the year's commitment, so the year is the fairest default.
 * - The spread is in exact fen: each month gets floor(plan / n), the last month also the remainder, so the months
 *   add up to the plan to the fen.
 * - Earned: the completions of the months the statistics count as of the date (project_year_progress as read by
 *   the statistics' progressQuery), cumulated month by month.
 * - To date: the months counted (k). Planned to date is the planned cumulative through month k, so both sides
 *   cover the same months.
 * - SPI = earned to date / planned to date with two decimals rounded half up (as the house rounds rates); null
 *   when planned to date is 0.
 */
import { percent, type Fen } from './money.ts';

/** A plan's date span (ISO dates). */
export interface PlanSpan {
  start: string;
  end: string;
}

/** The months (1–12, inclusive) a year's planned investment is spread over. */
export interface SpreadMonths {
  first: number;
  last: number;
}

/** What a project's S-curve for a year is computed from. */
export interface SCurveInput {
  year: number;
  /** The annual plan's planned investment for the year (0 when the project has no annual plan). */
  annualPlan: Fen;
  /** The current plan's first planned start and last planned end; null without an approved plan. */
  planSpan: PlanSpan | null;
  /** The months the statistics count as of the date (k, 0–12: from the reporting calendar, the same for all). */
  monthsCounted: number;
  /** The counted months' completions, January first (a project without reports has none: 0 each). */
  monthlyEarned: readonly Fen[];
}

export interface SCurveMonth {
  month: number;
  planned: Fen;
  plannedCumulative: Fen;
  /** Null for the months not counted yet. */
  earnedCumulative: Fen | null;
}

export interface SCurve {
  spread: SpreadMonths;
  monthsCounted: number;
  months: SCurveMonth[];
  plannedToDate: Fen;
  earnedToDate: Fen;
  spi: string | null;
}

const WHOLE_YEAR: SpreadMonths = { first: 1, last: 12 };

/** The months of `year` the plan span covers, clipped to the year; the whole year without a span or an overlap. */
export function spreadMonths(year: number, span: PlanSpan | null): SpreadMonths {
  if (!span) return WHOLE_YEAR;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (span.end < yearStart || span.start > yearEnd || span.end < span.start) return WHOLE_YEAR;
  const first = span.start < yearStart ? 1 : Number(span.start.slice(5, 7));
  const last = span.end > yearEnd ? 12 : Number(span.end.slice(5, 7));
  return { first, last };
}

/** The planned investment of each month (index 0 = January): floor(plan / n) per month, the remainder to the last. */
export function plannedMonthly(annualPlan: Fen, spread: SpreadMonths): Fen[] {
  const n = BigInt(spread.last - spread.first + 1);
  const share = annualPlan / n;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    if (month < spread.first || month > spread.last) return 0n;
    return month === spread.last ? annualPlan - share * (n - 1n) : share;
  });
}

/** The planned cumulative through month k (0: nothing planned to date yet). */
export function plannedThrough(annualPlan: Fen, spread: SpreadMonths, k: number): Fen {
  const n = spread.last - spread.first + 1;
  const covered = Math.max(0, Math.min(k - spread.first + 1, n));
  return covered === n ? annualPlan : (annualPlan / BigInt(n)) * BigInt(covered);
}

/** SPI = earned / planned as a decimal with two places (half up); null when nothing is planned. */
export function spiOf(earned: Fen, planned: Fen): string | null {
  // percent() gives n / d × 100; a denominator a hundred times larger gives the plain ratio, rounded the same way.
  return planned === 0n ? null : percent(earned, planned * 100n, 2);
}

/** A project's S-curve for the year: planned and earned cumulative by month, and the SPI to date. */
export function sCurve(input: SCurveInput): SCurve {
  const spread = spreadMonths(input.year, input.planSpan);
  const planned = plannedMonthly(input.annualPlan, spread);
  const k = Math.max(0, Math.min(12, input.monthsCounted));
  let plannedCumulative = 0n;
  let earnedCumulative = 0n;
  const months = planned.map((amount, i): SCurveMonth => {
    plannedCumulative += amount;
    const counted = i < k;
    if (counted) earnedCumulative += input.monthlyEarned[i] ?? 0n;
    return { month: i + 1, planned: amount, plannedCumulative, earnedCumulative: counted ? earnedCumulative : null };
  });
  const plannedToDate = plannedThrough(input.annualPlan, spread, k);
  return {
    spread,
    monthsCounted: k,
    months,
    plannedToDate,
    earnedToDate: earnedCumulative,
    spi: spiOf(earnedCumulative, plannedToDate),
  };
}

/** One project's figures to date, as a region breakdown adds them up. */
export interface SpiToDate {
  regionKey: string;
  plannedToDate: Fen;
  earnedToDate: Fen;
  hasPlan: boolean;
}

export interface SpiGroup {
  key: string;
  projects: number;
  withPlan: number;
  /** Projects whose earned to date is below their planned to date. */
  behind: number;
  plannedToDate: Fen;
  earnedToDate: Fen;
  spi: string | null;
}

/** SPI per group: sum earned / sum planned to date, with the counts; groups sorted by key. */
export function spiByGroup(rows: readonly SpiToDate[]): SpiGroup[] {
  const groups = new Map<string, Omit<SpiGroup, 'spi'>>();
  for (const row of rows) {
    const g = groups.get(row.regionKey) ?? {
      key: row.regionKey,
      projects: 0,
      withPlan: 0,
      behind: 0,
      plannedToDate: 0n,
      earnedToDate: 0n,
    };
    g.projects += 1;
    if (row.hasPlan) g.withPlan += 1;
    if (row.earnedToDate < row.plannedToDate) g.behind += 1;
    g.plannedToDate += row.plannedToDate;
    g.earnedToDate += row.earnedToDate;
    groups.set(row.regionKey, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => ({ ...g, spi: spiOf(g.earnedToDate, g.plannedToDate) }));
}
