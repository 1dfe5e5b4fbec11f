/**
 * The statistics leaders quote, for one scope and date: headline figures with year-on-year differences,
 * breakdowns, the month-by-month completion against the plan line, the map's points, and the projects behind
 * any figure (drill-down). SQL totals; rates and differences from core.
 */
import type { Kysely } from 'kysely';
import {
  diffFigures,
  formatWan,
  withRates,
  type DrillMetric,
  type Figures,
  type FiguresDiff,
  type StatOptions,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { projectsBehind, statistics, totalsOf, type SqlDimension, type StatScope } from './stats.repository.ts';
import { monthlySeries } from './stats-series.repository.ts';

/** The same calendar day a year earlier (29 February becomes the 28th). */
export function sameDayLastYear(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** Figures as JSON: money in 万元 decimal strings. */
export function figuresJson(figures: Figures) {
  return {
    ...figures,
    totalInvestment: formatWan(figures.totalInvestment),
    annualPlan: formatWan(figures.annualPlan),
    completedYtd: formatWan(figures.completedYtd),
    completedInProduction: {
      count: figures.completedInProduction.count,
      totalInvestment: formatWan(figures.completedInProduction.totalInvestment),
    },
    expectedCompletionByYearEnd: {
      count: figures.expectedCompletionByYearEnd.count,
      totalInvestment: formatWan(figures.expectedCompletionByYearEnd.totalInvestment),
    },
  };
}

export function diffJson(diff: FiguresDiff) {
  return {
    ...diff,
    totalInvestment: formatWan(diff.totalInvestment),
    annualPlan: formatWan(diff.annualPlan),
    completedYtd: formatWan(diff.completedYtd),
  };
}

/** Headline figures of the scope as of the date, with the same figures a year earlier and the differences. */
export async function headline(db: Kysely<DB>, scope: StatScope, asOf: string) {
  const options: StatOptions = { year: Number(asOf.slice(0, 4)), asOf };
  const previousAsOf = sameDayLastYear(asOf);
  const [current, previous] = await Promise.all([
    totalsOf(db, scope, options).then(withRates),
    totalsOf(db, scope, { year: options.year - 1, asOf: previousAsOf }).then(withRates),
  ]);
  return { options, previousAsOf, current, previous, diff: diffFigures(current, previous) };
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

/** Everything the leaders' dashboard shows, in one answer: one statement for the year, one for the year before. */
export async function dashboard(
  db: Kysely<DB>,
  actor: Actor,
  query: { asOf: string; regionCode?: string | undefined },
) {
  requirePermission(actor, 'stats.read');
  const scope: StatScope = { actor, regionCode: query.regionCode };
  const options: StatOptions = { year: Number(query.asOf.slice(0, 4)), asOf: query.asOf };
  const previousAsOf = sameDayLastYear(query.asOf);
  // A province-level user compares prefectures, everyone else counties.
  const regionDimension: SqlDimension = (query.regionCode ?? actor.regionCode ?? '').endsWith('0000')
    ? 'prefecture'
    : 'region';
  const dimensions = (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) =>
    name === 'byRegion' ? regionDimension : BREAKDOWNS[name],
  );
  const current = await statistics(db, scope, options, { dimensions, points: true });
  const previous = await totalsOf(db, scope, { year: options.year - 1, asOf: previousAsOf });
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
  ) as Record<BreakdownName, { key: string; figures: ReturnType<typeof figuresJson> }[]>;
  const regionKeys = breakdowns.byRegion.map((r) => r.key);
  const [regionNames, monthly] = await Promise.all([
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', regionKeys.length ? regionKeys : [''])
      .execute(),
    monthlySeries(db, options, current.monthly, figures.annualPlan),
  ]);
  return {
    year: options.year,
    asOf: options.asOf,
    previousAsOf,
    figures: figuresJson(figures),
    previous: figuresJson(previousFigures),
    yearOnYear: diffJson(diffFigures(figures, previousFigures)),
    breakdowns,
    regionNames: Object.fromEntries(regionNames.map((r) => [r.code, r.name])),
    monthly,
    points: current.points.map((p) => ({ ...p, totalInvestment: formatWan(BigInt(p.total)) })),
  };
}

/** The projects behind a figure (drill-down), largest first, with their names, codes and regions. */
export async function drillProjects(
  db: Kysely<DB>,
  actor: Actor,
  query: {
    asOf: string;
    regionCode?: string | undefined;
    metric: DrillMetric;
    dimension?: SqlDimension | undefined;
    key?: string | undefined;
    limit: number;
  },
) {
  requirePermission(actor, 'stats.read');
  const { asOf, metric, dimension, key, limit } = query;
  const found = await projectsBehind(
    db,
    { actor, regionCode: query.regionCode },
    { year: Number(asOf.slice(0, 4)), asOf },
    { metric, dimension, key, limit },
  );
  const names = await scopedProjects(db, actor)
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .select(['projects.id', 'projects.name', 'projects.code', 'r.name as regionName'])
    .where('projects.id', 'in', found.rows.length ? found.rows.map((r) => r.id) : [-1])
    .execute();
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    total: found.total,
    items: found.rows.map((r) => ({
      id: r.id,
      name: byId.get(r.id)?.name ?? '',
      code: byId.get(r.id)?.code ?? '',
      regionName: byId.get(r.id)?.regionName ?? '',
      totalInvestment: formatWan(r.total),
      annualPlan: formatWan(r.plan),
      completedYtd: formatWan(r.completed),
      startedOn: r.started_on,
    })),
  };
}
