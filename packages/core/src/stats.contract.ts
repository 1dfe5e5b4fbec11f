/**
 * The statistics API's contract (GET /stats/figures, /stats/dashboard, /stats/projects), shared by the server
 * (validation, OpenAPI) and the web (typed client): core's Figures with money as 万元 decimal strings and rates as
 * percentage strings with two decimals. The formulas live in statistics.ts.
 */
import { z } from 'zod';
import { asOfDate, regionCode } from './project.contract.ts';
import { DRILL_ORDERS, DRILL_SORTS } from './drill.ts';
import { parseMapBox } from './map-box.ts';
import { DRILL_METRICS } from './statistics.types.ts';

/** An amount in a response: 万元 as a decimal string. */
const wan = z.string().meta({ description: '万元' });
const count = z.number().int();
const rate = z.string().nullable();

export const countAndInvestmentOutput = z.object({ count, totalInvestment: wan });
export type CountAndInvestmentOutput = z.output<typeof countAndInvestmentOutput>;

/** The headline figures of a scope as of a date. */
export const figuresOutput = z.object({
  projects: count,
  newProjects: count,
  continuingProjects: count,
  reserveProjects: count,
  totalInvestment: wan,
  annualPlan: wan,
  startedOrResumed: count,
  startedNew: count,
  resumedContinuing: count,
  startRate: rate,
  plannedNewStarts: count,
  startedPlannedNew: count,
  newStartRate: rate,
  completedYtd: wan,
  completionRate: rate,
  completedInProduction: countAndInvestmentOutput,
  expectedCompletionByYearEnd: countAndInvestmentOutput,
  overPlan150: count,
});
export type FiguresOutput = z.output<typeof figuresOutput>;

/** Current − a year earlier, for the figures that have a year-on-year comparison (rates in percentage points). */
export const figuresDiffOutput = figuresOutput.pick({
  projects: true,
  newProjects: true,
  continuingProjects: true,
  reserveProjects: true,
  totalInvestment: true,
  annualPlan: true,
  startedOrResumed: true,
  startedNew: true,
  resumedContinuing: true,
  startRate: true,
  completedYtd: true,
  completionRate: true,
});
export type FiguresDiffOutput = z.output<typeof figuresDiffOutput>;

/** One bar of a breakdown: the key (region code, level, category …) and its figures. */
export const breakdownRowOutput = z.object({ key: z.string(), figures: figuresOutput });
export type BreakdownRowOutput = z.output<typeof breakdownRowOutput>;

/** The dimensions a breakdown groups by and a drill-down narrows to ('prefecture': a county's prefecture). */
export const STAT_DIMENSIONS = ['region', 'prefecture', 'category', 'nature', 'industry', 'sizeTier', 'level'] as const;
export const statDimension = z.enum(STAT_DIMENSIONS);
export type StatDimension = z.output<typeof statDimension>;

/** The scope of every statistics request: a date and, optionally, a region inside the user's scope. */
export const statsQuery = z.strictObject({ asOf: asOfDate, regionCode: regionCode.optional() });
export type StatsQuery = z.output<typeof statsQuery>;

/**
 * GET /stats/dashboard's scope: without a date the server takes the default one (defaultAsOf) and names it in the
 * answer's `asOf`, so a first visit needs no reference data before it can ask for the figures.
 */
export const dashboardQuery = z.strictObject({ asOf: asOfDate.optional(), regionCode: regionCode.optional() });
export type DashboardQuery = z.output<typeof dashboardQuery>;

/** GET /stats/figures: the headline figures, the same a year earlier, and the differences. */
export const headlineOutput = z.object({
  asOf: z.string(),
  previousAsOf: z.string(),
  figures: figuresOutput,
  previous: figuresOutput,
  yearOnYear: figuresDiffOutput,
});
export type HeadlineOutput = z.output<typeof headlineOutput>;

export const MAP_POINT_STATES = ['completed', 'started', 'notStarted'] as const;
export type MapPointState = (typeof MAP_POINT_STATES)[number];

/** A project on the dashboard's map. */
export const mapPointOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Its district or county. */
  regionCode: z.string(),
  longitude: z.number(),
  latitude: z.number(),
  totalInvestment: wan,
  state: z.enum(MAP_POINT_STATES),
});
export type MapPointOutput = z.output<typeof mapPointOutput>;

/**
 * A district's projects with coordinates, as the dashboard's map needs them before any point is fetched: how many,
 * and their mean position (the pin of a district or zone that has no area or configured centre on the map).
 */
export const mapRegionOutput = z.object({
  regionCode: z.string(),
  located: count,
  longitude: z.number(),
  latitude: z.number(),
});
export type MapRegionOutput = z.output<typeof mapRegionOutput>;

/** The most points one map-points request returns, and how many unless asked. */
export const MAP_POINTS_LIMIT_MAX = 1000;

/**
 * GET /stats/map-points: the largest projects of the scope's year list inside the map's visible box (all of the
 * scope's located projects without one), at most `limit`.
 */
export const mapPointsQuery = statsQuery.extend({
  bbox: z
    .string()
    .max(100)
    .transform((text, ctx) => {
      const box = parseMapBox(text);
      if (box) return box;
      ctx.addIssue({ code: 'custom', message: 'mapBox.invalid' });
      return z.NEVER;
    })
    .optional()
    .meta({ description: '可见范围：最小经度,最小纬度,最大经度,最大纬度（度）；不带时为全部有坐标的项目' }),
  limit: z.coerce.number().int().min(1).max(MAP_POINTS_LIMIT_MAX).default(MAP_POINTS_LIMIT_MAX),
});
export type MapPointsQuery = z.output<typeof mapPointsQuery>;
export type MapPointsQueryJson = z.input<typeof mapPointsQuery>;

/** The points, largest total investment first (ties by id); `truncated` when the box holds more than the limit. */
export const mapPointsOutput = z.object({
  items: z.array(mapPointOutput),
  truncated: z.boolean(),
});
export type MapPointsOutput = z.output<typeof mapPointsOutput>;

/** One month of the completion curve: cumulative completions at its cut-off beside the plan line (序时进度). */
export const monthlyCompletionOutput = z.object({
  month: z.number().int(),
  cutoff: z.string(),
  completedCumulative: wan,
  planLine: wan.meta({ description: '序时进度：年度计划 × 已过月数 / 12（万元）' }),
});
export type MonthlyCompletionOutput = z.output<typeof monthlyCompletionOutput>;

const breakdownRows = z.array(breakdownRowOutput);

/** The breakdowns of the dashboard, one list of bars each. */
export const dashboardBreakdownsOutput = z.object({
  byRegion: breakdownRows,
  byCategory: breakdownRows,
  byLevel: breakdownRows,
  byNature: breakdownRows,
  byIndustry: breakdownRows,
  bySizeTier: breakdownRows,
});
export type DashboardBreakdownsOutput = z.output<typeof dashboardBreakdownsOutput>;

/** GET /stats/dashboard: everything the leaders' dashboard shows, in one answer. */
export const dashboardOutput = headlineOutput.extend({
  year: z.number().int(),
  breakdowns: dashboardBreakdownsOutput,
  regionNames: z.record(z.string(), z.string()),
  monthly: z.array(monthlyCompletionOutput),
  /**
   * The districts with located projects (their points are fetched for the visible area: GET /stats/map-points);
   * empty for a province-wide account, which has no city map.
   */
  mapRegions: z.array(mapRegionOutput),
  /** Projects of the scope without coordinates: not on the map, counted in its note. */
  unlocatedProjects: count,
  /**
   * Read from a replica (DATABASE_READ_URL): how far behind the primary it was (seconds; 0 when it had replayed
   * all it received) and the time of its last replayed commit (数据截至). Absent when read from the primary.
   */
  replica: z.object({ lagSeconds: z.number().min(0), asOf: z.iso.datetime({ offset: true }).nullable() }).optional(),
});
export type DashboardOutput = z.output<typeof dashboardOutput>;

/** The most projects a drill-down lists, and how many unless asked. */
export const DRILL_LIMIT_MAX = 2000;
export const DRILL_LIMIT_DEFAULT = 500;

/** GET /stats/projects: a figure (metric), optionally within one bar (dimension + key) of a breakdown. */
export const drillQuery = statsQuery.extend({
  metric: z.enum(DRILL_METRICS).default('all'),
  dimension: statDimension.optional(),
  key: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(DRILL_LIMIT_MAX).default(DRILL_LIMIT_DEFAULT),
  /** The column to order by; without it, the figure's own measure (core's drillOrder). Ties by id. */
  sort: z.enum(DRILL_SORTS).optional(),
  order: z.enum(DRILL_ORDERS).optional(),
});
export type DrillQuery = z.output<typeof drillQuery>;
export type DrillQueryJson = z.input<typeof drillQuery>;

/** A project behind a figure: what the drill list shows of it (the project presenter's fields, named alike). */
export const drillProjectOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  regionName: z.string(),
  totalInvestment: wan,
  annualPlan: wan,
  completedYtd: wan,
  startedOn: z.string().nullable(),
});
export type DrillProjectOutput = z.output<typeof drillProjectOutput>;

/** The projects behind a figure in the order asked (by default the figure's measure, largest first), and how many in all. */
export const drillListOutput = z.object({ total: z.number().int(), items: z.array(drillProjectOutput) });
export type DrillListOutput = z.output<typeof drillListOutput>;
