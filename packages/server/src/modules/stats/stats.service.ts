/**
 * The statistics leaders quote, for one scope and date: headline figures with year-on-year differences,
 * breakdowns, the month-by-month completion against the plan line, the map's districts and its points in a box,
 * and the projects behind any figure (drill-down). SQL totals; rates and differences from core.
 */
import type { Kysely } from 'kysely';
import {
  cityOfRegion,
  defaultAsOf,
  defaultPlanYear,
  diffFigures,
  drillOrder,
  formatWan,
  projectScopeKind,
  withRates,
  type DashboardBreakdownsOutput,
  type DashboardOutput,
  type DashboardQuery,
  type DrillListOutput,
  type DrillQuery,
  type HeadlineOutput,
  type MapPointsOutput,
  type MapPointsQuery,
  type StatOptions,
  type StatsQuery,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { planYears } from '../meta/meta.repository.ts';
import { findProjects } from '../project/project.repository.ts';
import { listPeriods } from '../report/period.repository.ts';
import { diffJson, drillRow, figuresJson } from './stats.presenter.ts';
import { projectsBehind, regionNamesOf, type SqlDimension, type StatScope } from './stats.repository.ts';
import { mapPoints, mapRegionsQuery } from './stats-map.repository.ts';
import { dashboardStatistics, totalsAsOf } from './stats-rollup.repository.ts';
import { monthlySeries } from './stats-series.repository.ts';

/** The same calendar day a year earlier (29 February becomes the 28th). */
export function sameDayLastYear(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** Headline figures of the scope as of the date, with the same figures a year earlier and the differences. */
export async function headline(db: Kysely<DB>, scope: StatScope, asOf: string) {
  const options: StatOptions = { year: Number(asOf.slice(0, 4)), asOf };
  const previousAsOf = sameDayLastYear(asOf);
  const [current, previous] = await Promise.all([
    totalsAsOf(db, scope, options).then(withRates),
    totalsAsOf(db, scope, { year: options.year - 1, asOf: previousAsOf }).then(withRates),
  ]);
  return { options, previousAsOf, current, previous, diff: diffFigures(current, previous) };
}

/** GET /stats/figures: the headline figures of the actor's scope (narrowed to a region if asked), a year before, and the differences. */
export async function headlineFigures(db: Kysely<DB>, actor: Actor, query: StatsQuery): Promise<HeadlineOutput> {
  requirePermission(actor, 'stats.read');
  const result = await headline(db, { actor, regionCode: query.regionCode }, query.asOf);
  return {
    asOf: query.asOf,
    previousAsOf: result.previousAsOf,
    figures: figuresJson(result.current),
    previous: figuresJson(result.previous),
    yearOnYear: diffJson(result.diff),
  };
}

const BREAKDOWNS = {
  byRegion: 'region',
  byCategory: 'category',
  byLevel: 'level',
  byNature: 'nature',
  byIndustry: 'industry',
  bySizeTier: 'sizeTier',
} as const satisfies Record<string, SqlDimension>;
type BreakdownName = keyof typeof BREAKDOWNS;

/** The date of a dashboard asked without one: core's default over the latest plan year's reporting periods. */
async function dashboardAsOf(db: Kysely<DB>, today: string): Promise<string> {
  const year = defaultPlanYear(await planYears(db), today);
  const periods = await listPeriods(db, year);
  return defaultAsOf(
    year,
    periods.map((period) => ({ cutoffDate: period.cutoff_date })),
    today,
  );
}

/**
 * Everything the leaders' dashboard shows, in one answer: for a region as of a month's end one statement over the
 * rollup for both years (stats-rollup.repository.ts), else one statement for the year and one for the year before.
 * Without a date it is as of the default one (named in the answer), so the first visit asks at once.
 */
export async function dashboard(
  db: Kysely<DB>,
  actor: Actor,
  query: DashboardQuery,
  today: string,
): Promise<DashboardOutput> {
  requirePermission(actor, 'stats.read');
  const asOf = query.asOf ?? (await dashboardAsOf(db, today));
  const scope: StatScope = { actor, regionCode: query.regionCode };
  const options: StatOptions = { year: Number(asOf.slice(0, 4)), asOf };
  const previousAsOf = sameDayLastYear(asOf);
  // A province-level user compares prefectures, everyone else counties.
  const regionDimension: SqlDimension = (query.regionCode ?? actor.regionCode ?? '').endsWith('0000')
    ? 'prefecture'
    : 'region';
  const dimensions = (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) =>
    name === 'byRegion' ? regionDimension : BREAKDOWNS[name],
  );
  const { current, previous } = await dashboardStatistics(
    db,
    scope,
    options,
    { year: options.year - 1, asOf: previousAsOf },
    dimensions,
  );
  const figures = withRates(current.totals);
  const previousFigures = withRates(previous);
  const breakdowns = Object.fromEntries(
    (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name, i) => [
      name,
      (current.groups[dimensions[i] ?? 'region'] ?? []).map((r) => ({
        key: r.key,
        figures: figuresJson(withRates(r.totals)),
      })),
    ]),
  ) as DashboardBreakdownsOutput;
  const [regionNames, monthly, mapRegions] = await Promise.all([
    regionNamesOf(
      db,
      breakdowns.byRegion.map((r) => r.key),
    ),
    monthlySeries(db, options, current.monthly, figures.annualPlan),
    // A province-wide account has no city map (boundary.service.ts): its 50,000 projects' positions would go unused.
    actor.regionCode !== null && cityOfRegion(actor.regionCode) === null
      ? []
      : mapRegionsQuery(db, scope, options.year).execute(),
  ]);
  return {
    year: options.year,
    asOf: options.asOf,
    previousAsOf,
    figures: figuresJson(figures),
    previous: figuresJson(previousFigures),
    yearOnYear: diffJson(diffFigures(figures, previousFigures)),
    breakdowns,
    regionNames,
    monthly,
    mapRegions,
    unlocatedProjects: current.unlocated,
  };
}

/**
 * GET /stats/map-points: the largest located projects of the scope's year list inside the map's visible box, as the
 * dashboard's map shows them (the same scope as the dashboard: a region asked narrows the actor's own).
 */
export async function mapPointsInBox(db: Kysely<DB>, actor: Actor, query: MapPointsQuery): Promise<MapPointsOutput> {
  requirePermission(actor, 'stats.read');
  const options: StatOptions = { year: Number(query.asOf.slice(0, 4)), asOf: query.asOf };
  const found = await mapPoints(db, { actor, regionCode: query.regionCode }, options, {
    box: query.bbox,
    limit: query.limit,
  });
  return {
    items: found.points.map(({ total, ...point }) => ({ ...point, totalInvestment: formatWan(BigInt(total)) })),
    truncated: found.truncated,
  };
}

/** The drill list's filters, order and window: the API's query, or the export's (every match, in batches). */
type DrillSelection = Omit<DrillQuery, 'limit'> & { limit: number; offset?: number };

/** The drill rows of one window, each as the project presenter shows it with the year's completions and start. */
async function drillWindow(db: Kysely<DB>, actor: Actor, query: DrillSelection): Promise<DrillListOutput> {
  const { asOf, metric, dimension, key, limit, offset } = query;
  // A region-scoped user naming a region outside its own is told so; owners' lists are narrowed by it as a filter.
  const regionScoped = projectScopeKind(actor.role) === 'region';
  if (query.regionCode && regionScoped && !regionInScope(actor, query.regionCode)) {
    throw errors.invalidField('regionCode', 'region.outOfScope');
  }
  const year = Number(asOf.slice(0, 4));
  const order = drillOrder(metric, { sort: query.sort, order: query.order });
  const found = await projectsBehind(
    db,
    { actor, regionCode: query.regionCode },
    { year, asOf },
    { metric, dimension, key, order, limit, offset },
  );
  const projects = found.rows.length ? await findProjects(db, actor, { ids: found.rows.map((r) => r.id) }) : [];
  const byId = new Map(projects.map((project) => [project.id, project]));
  return {
    total: found.total,
    items: found.rows.flatMap((row) => {
      const project = byId.get(row.id);
      return project ? [drillRow(project, year, { completed: row.completed, startedOn: row.started_on })] : [];
    }),
  };
}

/**
 * The projects behind a figure (drill-down), in the order asked or by the figure's measure (largest first): each as
 * the project presenter shows it, with the year's completions and start as the figures count them.
 */
export async function drillProjects(db: Kysely<DB>, actor: Actor, query: DrillQuery): Promise<DrillListOutput> {
  requirePermission(actor, 'stats.read');
  return drillWindow(db, actor, query);
}

/**
 * Every project behind a figure in the drill list's order, `batch` at a time (the Excel export). The caller has
 * checked the permission; scope and the region check are the list's own.
 */
export async function* drillBatches(
  db: Kysely<DB>,
  actor: Actor,
  query: DrillQuery,
  batch: number,
  max: number,
): AsyncGenerator<DrillListOutput['items']> {
  for (let offset = 0; offset < max; offset += batch) {
    const page = await drillWindow(db, actor, { ...query, limit: Math.min(batch, max - offset), offset });
    if (page.items.length > 0) yield page.items;
    if (offset + batch >= page.total) return;
  }
}
