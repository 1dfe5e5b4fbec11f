/**
 * The figures leaders quote (DOMAIN.md "Monthly reporting and the figures everybody quotes"), defined once. Pure
 * functions over `StatProject`s; the server's SQL path must give the same answers, so every rule is written down
 * in the doc comment of the function that applies it. Dates are ISO `YYYY-MM-DD` strings compared as text.
 *
 * Counted report: a report whose `cutoff` lies in `options.year` and is on or before `options.asOf`.
 */
import { FEN_PER_YI, percent, sumFen, type Fen } from './money.ts';
import type {
  BreakdownDimension,
  BreakdownRow,
  CountAndInvestment,
  Figures,
  FiguresDiff,
  SizeTier,
  StatOptions,
  StatProject,
  StatReport,
} from './statistics.types.ts';

/** Decimal places of every rate in `Figures` and `FiguresDiff`. */
export const RATE_DECIMALS = 2;

/** The size tiers from largest to smallest. */
export const SIZE_TIERS: readonly SizeTier[] = ['ge50yi', 'ge10yi', 'ge1yi', 'lt1yi'];

/** The breakdown key of a project without a value for the dimension (no industry section, no level). */
export const BREAKDOWN_NONE_KEY = 'none';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertOptions(options: StatOptions): void {
  if (!Number.isInteger(options.year) || !ISO_DATE.test(options.asOf) || !options.asOf.startsWith(`${options.year}-`)) {
    throw new RangeError(`as-of date ${options.asOf} is not a YYYY-MM-DD date in ${options.year}`);
  }
}

/** The counted reports of a project: cut-off in `options.year` and on or before `options.asOf`. */
export function countedReports(project: StatProject, options: StatOptions): StatReport[] {
  assertOptions(options);
  return project.reports.filter((r) => r.cutoff.startsWith(`${options.year}-`) && r.cutoff <= options.asOf);
}

/**
 * The day a project started (new) or resumed (continuing) as of `options.asOf`: the earliest non-null `startedOn`
 * on or before `asOf` among its counted reports; null when there is none. Reserve projects never count as started
 * (always null).
 */
export function startedAsOf(project: StatProject, options: StatOptions): string | null {
  if (project.nature === 'reserve') return null;
  let earliest: string | null = null;
  for (const report of countedReports(project, options)) {
    const day = report.startedOn;
    if (day !== null && day <= options.asOf && (earliest === null || day < earliest)) earliest = day;
  }
  return earliest;
}

/** Investment completed year to date as of `options.asOf`: the sum of `completed` over the counted reports. */
export function completedAsOf(project: StatProject, options: StatOptions): Fen {
  return sumFen(countedReports(project, options).map((r) => r.completed));
}

/** True when the project was completed (竣工投产) on or before `asOf`, in any year. */
function completedBy(project: StatProject, asOf: string): boolean {
  return project.completedOn !== null && project.completedOn <= asOf;
}

const rate = (numerator: bigint, denominator: bigint): string | null => percent(numerator, denominator, RATE_DECIMALS);

/**
 * The headline figures of `projects` (the caller passes only projects on `options.year`'s list) as of `asOf`:
 * - projects, newProjects, continuingProjects, reserveProjects: counts by `nature`; totalInvestment and
 *   annualPlan: sums over all projects, reserve included.
 * - startedNew / resumedContinuing: new / continuing projects with `startedAsOf` non-null; startedOrResumed is
 *   their sum; startRate (开复工率) = startedOrResumed / projects (all projects, reserve included).
 * - plannedNewStarts: projects with `plannedNewStart`; startedPlannedNew: those of them with `startedAsOf`
 *   non-null; newStartRate (新开工率) = startedPlannedNew / plannedNewStarts.
 * - completedYtd: sum of `completedAsOf`; completionRate (投资完成率) = completedYtd / annualPlan.
 * - completedInProduction: projects with `completedOn` in [year-01-01, asOf]: count and sum of totalInvestment.
 * - expectedCompletionByYearEnd: projects not completed by asOf (`completedOn` null or after asOf) whose
 *   `plannedCompletionDate` is in (asOf, year-12-31]: count and sum of totalInvestment.
 * - overPlan150: projects with annualPlan > 0 and completedAsOf > 1.5 × annualPlan (strictly).
 * Rates are `percent(n, d, 2)`: two decimals rounded half up, null when the denominator is 0.
 */
export function computeFigures(projects: readonly StatProject[], options: StatOptions): Figures {
  assertOptions(options);
  const yearStart = `${options.year}-01-01`;
  const yearEnd = `${options.year}-12-31`;
  let newProjects = 0;
  let continuingProjects = 0;
  let reserveProjects = 0;
  let startedNew = 0;
  let resumedContinuing = 0;
  let plannedNewStarts = 0;
  let startedPlannedNew = 0;
  let overPlan150 = 0;
  let completedYtd = 0n;
  const inProduction: StatProject[] = [];
  const expected: StatProject[] = [];
  for (const project of projects) {
    const started = startedAsOf(project, options) !== null;
    const completed = completedAsOf(project, options);
    switch (project.nature) {
      case 'new':
        newProjects += 1;
        if (started) startedNew += 1;
        break;
      case 'continuing':
        continuingProjects += 1;
        if (started) resumedContinuing += 1;
        break;
      case 'reserve':
        reserveProjects += 1;
        break;
    }
    if (project.plannedNewStart) {
      plannedNewStarts += 1;
      if (started) startedPlannedNew += 1;
    }
    completedYtd += completed;
    if (project.annualPlan > 0n && completed * 2n > project.annualPlan * 3n) overPlan150 += 1;
    if (project.completedOn !== null && project.completedOn >= yearStart && project.completedOn <= options.asOf) {
      inProduction.push(project);
    }
    const planned = project.plannedCompletionDate;
    if (!completedBy(project, options.asOf) && planned !== null && planned > options.asOf && planned <= yearEnd) {
      expected.push(project);
    }
  }
  const totalInvestment = sumFen(projects.map((p) => p.totalInvestment));
  const annualPlan = sumFen(projects.map((p) => p.annualPlan));
  return withRates({
    projects: projects.length,
    newProjects,
    continuingProjects,
    reserveProjects,
    totalInvestment,
    annualPlan,
    startedOrResumed: startedNew + resumedContinuing,
    startedNew,
    resumedContinuing,
    plannedNewStarts,
    startedPlannedNew,
    completedYtd,
    completedInProduction: countAndInvestment(inProduction),
    expectedCompletionByYearEnd: countAndInvestment(expected),
    overPlan150,
  });
}

/** The figures without their rates: what an aggregate (the core loop or the server's SQL) produces. */
export type FigureTotals = Omit<Figures, 'startRate' | 'newStartRate' | 'completionRate'>;

/**
 * Adds the rates to counted totals — the one definition of each rate: startRate = startedOrResumed / projects,
 * newStartRate = startedPlannedNew / plannedNewStarts, completionRate = completedYtd / annualPlan.
 */
export function withRates(totals: FigureTotals): Figures {
  return {
    ...totals,
    startRate: rate(BigInt(totals.startedOrResumed), BigInt(totals.projects)),
    newStartRate: rate(BigInt(totals.startedPlannedNew), BigInt(totals.plannedNewStarts)),
    completionRate: rate(totals.completedYtd, totals.annualPlan),
  };
}

/**
 * The totals of two disjoint sets of projects (`sign` 1), or of the first without the second (`sign` -1): every
 * figure of FigureTotals is a count or a sum, so totals add and subtract field by field.
 */
export function combineTotals(a: FigureTotals, b: FigureTotals, sign: 1 | -1 = 1): FigureTotals {
  const n = (x: number, y: number) => x + sign * y;
  const fen = (x: Fen, y: Fen) => x + BigInt(sign) * y;
  const pair = (x: CountAndInvestment, y: CountAndInvestment) => ({
    count: n(x.count, y.count),
    totalInvestment: fen(x.totalInvestment, y.totalInvestment),
  });
  return {
    projects: n(a.projects, b.projects),
    newProjects: n(a.newProjects, b.newProjects),
    continuingProjects: n(a.continuingProjects, b.continuingProjects),
    reserveProjects: n(a.reserveProjects, b.reserveProjects),
    totalInvestment: fen(a.totalInvestment, b.totalInvestment),
    annualPlan: fen(a.annualPlan, b.annualPlan),
    startedOrResumed: n(a.startedOrResumed, b.startedOrResumed),
    startedNew: n(a.startedNew, b.startedNew),
    resumedContinuing: n(a.resumedContinuing, b.resumedContinuing),
    plannedNewStarts: n(a.plannedNewStarts, b.plannedNewStarts),
    startedPlannedNew: n(a.startedPlannedNew, b.startedPlannedNew),
    completedYtd: fen(a.completedYtd, b.completedYtd),
    completedInProduction: pair(a.completedInProduction, b.completedInProduction),
    expectedCompletionByYearEnd: pair(a.expectedCompletionByYearEnd, b.expectedCompletionByYearEnd),
    overPlan150: n(a.overPlan150, b.overPlan150),
  };
}

function countAndInvestment(projects: readonly StatProject[]): CountAndInvestment {
  return { count: projects.length, totalInvestment: sumFen(projects.map((p) => p.totalInvestment)) };
}

/** The size tier of a total investment: ≥ 50亿 'ge50yi', else ≥ 10亿 'ge10yi', else ≥ 1亿 'ge1yi', else 'lt1yi'. */
export function sizeTierOf(totalInvestment: Fen): SizeTier {
  if (totalInvestment >= 50n * FEN_PER_YI) return 'ge50yi';
  if (totalInvestment >= 10n * FEN_PER_YI) return 'ge10yi';
  if (totalInvestment >= FEN_PER_YI) return 'ge1yi';
  return 'lt1yi';
}

/**
 * The keys a project is grouped under for a breakdown:
 * - region: its county code, or with regionLevel 'prefecture' the first four digits of it + '00';
 * - level: each distinct level it has ('none' when it has none), so a multi-level project is in several rows;
 * - category, nature: the value; industry: the section or 'none'; sizeTier: `sizeTierOf(totalInvestment)`.
 */
export function breakdownKeys(
  project: StatProject,
  dimension: BreakdownDimension,
  regionLevel: 'prefecture' | 'county' = 'county',
): string[] {
  switch (dimension) {
    case 'region':
      return [regionLevel === 'prefecture' ? `${project.regionCode.slice(0, 4)}00` : project.regionCode];
    case 'level':
      return project.levels.length === 0 ? [BREAKDOWN_NONE_KEY] : [...new Set(project.levels)];
    case 'category':
      return [project.category];
    case 'industry':
      return [project.industry ?? BREAKDOWN_NONE_KEY];
    case 'nature':
      return [project.nature];
    case 'sizeTier':
      return [sizeTierOf(project.totalInvestment)];
  }
}

/**
 * `computeFigures` per group of `breakdownKeys`: one row per key that has at least one project, sorted by key
 * (code-unit order). Rows of 'level' may overlap; rows of every other dimension partition the projects.
 */
export function breakdown(
  projects: readonly StatProject[],
  options: StatOptions,
  dimension: BreakdownDimension,
  opts: { regionLevel?: 'prefecture' | 'county' } = {},
): BreakdownRow[] {
  const groups = new Map<string, StatProject[]>();
  for (const project of projects) {
    for (const key of breakdownKeys(project, dimension, opts.regionLevel)) {
      const group = groups.get(key);
      if (group) group.push(project);
      else groups.set(key, [project]);
    }
  }
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, figures: computeFigures(groups.get(key) ?? [], options) }));
}

const HUNDREDTHS = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

function parseHundredths(text: string): bigint {
  const match = HUNDREDTHS.exec(text);
  if (!match) throw new RangeError(`not a rate with at most two decimals: ${text}`);
  const [, sign, whole = '0', decimals = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return sign ? -value : value;
}

function formatHundredths(value: bigint): string {
  const abs = value < 0n ? -value : value;
  const body = `${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
  return value < 0n ? `-${body}` : body;
}

/** current − previous in percentage points with two decimals ('1.25', '-0.40', '0.00'); null if either is null. */
function rateDiff(current: string | null, previous: string | null): string | null {
  if (current === null || previous === null) return null;
  return formatHundredths(parseHundredths(current) - parseHundredths(previous));
}

/**
 * Year-on-year (同比) differences current − previous: counts and money subtract exactly; startRate and
 * completionRate are the difference of the two published two-decimal rates, in percentage points (null when
 * either rate is null).
 */
export function diffFigures(current: Figures, previous: Figures): FiguresDiff {
  return {
    projects: current.projects - previous.projects,
    newProjects: current.newProjects - previous.newProjects,
    continuingProjects: current.continuingProjects - previous.continuingProjects,
    reserveProjects: current.reserveProjects - previous.reserveProjects,
    totalInvestment: current.totalInvestment - previous.totalInvestment,
    annualPlan: current.annualPlan - previous.annualPlan,
    startedOrResumed: current.startedOrResumed - previous.startedOrResumed,
    startedNew: current.startedNew - previous.startedNew,
    resumedContinuing: current.resumedContinuing - previous.resumedContinuing,
    startRate: rateDiff(current.startRate, previous.startRate),
    completedYtd: current.completedYtd - previous.completedYtd,
    completionRate: rateDiff(current.completionRate, previous.completionRate),
  };
}
