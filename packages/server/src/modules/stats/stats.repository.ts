/**
 * The statistics in SQL, for speed: the same definitions as core's computeFigures (statistics.ts), tested to
 * agree. Totals come from SQL; the rates are added by core's `withRates`. Progress as of any date is read from
 * `project_year_progress` (kept current on every counted report, month by month), never from the reports.
 *
 * Every sum of money is NUMERIC from the first addition to the result (PostgreSQL's sum(bigint) is numeric; casting
 * it back to bigint overflows once enough valid amounts add up) and becomes an exact bigint in JS (`fen`).
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import {
  FEN_PER_YI,
  regionPrefix,
  type DrillMetric,
  type DrillOrder,
  type DrillSort,
  type FigureTotals,
  type StatDimension,
  type StatOptions,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';
import { progressQuery, windowProjects, type DateWindow } from './stats.progress.ts';

type Db = Kysely<DB> | Transaction<DB>;
type ScopeActor = Pick<Actor, 'id' | 'role' | 'regionCode' | 'organizationId'>;

export interface StatScope {
  actor: ScopeActor;
  /** Narrow to a region (and everything under it) inside the actor's scope. */
  regionCode?: string | undefined;
}

/** The dimensions the SQL groups by: the contract's (core) dimensions. */
export type SqlDimension = StatDimension;

/** The projects on the year's list in scope, joined to their plan of the year as `ap` (the scope helper is the only gate). */
export function scopedYearProjects(db: Db, scope: StatScope, year: number) {
  let q = scopedProjects(db, scope.actor).innerJoin('annual_plans as ap', (j) =>
    j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', year),
  );
  if (scope.regionCode) q = q.where('projects.region_code', 'like', `${regionPrefix(scope.regionCode)}%`);
  return q;
}

/** The ids of the projects on the year's list in scope. */
export function scopedProjectIds(db: Db, scope: StatScope, year: number) {
  return scopedYearProjects(db, scope, year).select('projects.id');
}

/**
 * One row per project on the year's list in scope with what the figures need — the `rows` of every statistics
 * statement. Reserve projects never count as started (core's startedAsOf).
 */
function rowsQuery(db: Db, scope: StatScope, options: StatOptions, window?: DateWindow) {
  // Materialised: computed once, then hash-joined, whatever the planner guesses of a freshly loaded table.
  const whole = db.with(
    (cte) => cte('progress').materialized(),
    () => progressQuery(db, options),
  );
  // With a window, its projects once, then only their progress; raw SQL reads the extra CTE, so the types are alike.
  const base = window
    ? (db
        .with(
          (cte) => cte('window_projects').materialized(),
          () => windowProjects(db, scope, options, window),
        )
        .with(
          (cte) => cte('progress').materialized(),
          () => progressQuery(db, options).where(sql<boolean>`project_id in (select id from window_projects)`),
        ) as unknown as typeof whole)
    : whole;
  let q = base
    .selectFrom(() => scopedProjects(db, scope.actor).selectAll('projects').as('projects'))
    .innerJoin('annual_plans as ap', (j) =>
      j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', options.year),
    )
    .leftJoin('progress as g', 'g.project_id', 'projects.id')
    .select([
      'projects.id',
      'projects.name',
      'projects.region_code',
      'projects.levels',
      'projects.category',
      sql<string>`coalesce(projects.industry, 'none')`.as('industry'),
      'ap.nature',
      'projects.total_investment as total',
      'ap.planned_investment as plan',
      'ap.planned_new_start',
      'projects.actual_completion_date as completed_on',
      'projects.planned_completion_date as planned_completion',
      'projects.longitude',
      'projects.latitude',
      sql<string>`coalesce(g.completed, 0)`.as('completed'),
      sql<string | null>`case when ap.nature <> 'reserve' and g.started_on <= ${options.asOf} then g.started_on end`.as(
        'started_on',
      ),
      'g.monthly',
    ]);
  if (scope.regionCode) q = q.where('projects.region_code', 'like', `${regionPrefix(scope.regionCode)}%`);
  if (window) q = q.where(sql<boolean>`projects.id in (select id from window_projects)`);
  return q;
}

/**
 * Which rows each drill metric counts, over the columns of `rows`: the one definition of every counted figure, used
 * by the aggregates (`count(*) filter (where …)`) and by the drill-down alike. Mirrors core's computeFigures.
 */
function metricPredicate(metric: DrillMetric, options: StatOptions): RawBuilder<unknown> {
  const yearStart = `${options.year}-01-01`;
  const yearEnd = `${options.year}-12-31`;
  switch (metric) {
    case 'all':
      return sql`true`;
    case 'new':
    case 'continuing':
    case 'reserve':
      return sql`nature = ${sql.lit(metric)}`;
    case 'started':
      return sql`started_on is not null`;
    case 'startedNew':
      return sql`nature = 'new' and started_on is not null`;
    case 'resumedContinuing':
      return sql`nature = 'continuing' and started_on is not null`;
    case 'notStarted':
      return sql`nature <> 'reserve' and started_on is null`;
    case 'plannedNewStarts':
      return sql`planned_new_start`;
    case 'startedPlannedNew':
      return sql`planned_new_start and started_on is not null`;
    case 'inProduction':
      return sql`completed_on between ${yearStart} and ${options.asOf}`;
    case 'expectedCompletion':
      return sql`(completed_on is null or completed_on > ${options.asOf}) and planned_completion > ${options.asOf} and planned_completion <= ${yearEnd}`;
    case 'overPlan150':
      // Numeric, as plan × 3 of a valid plan does not fit a bigint.
      return sql`plan > 0 and completed * 2 > plan::numeric * 3`;
  }
}

/** The counted columns of an aggregate row, each the number of rows its metric selects. */
const COUNTS = {
  projects: 'all',
  new_projects: 'new',
  continuing_projects: 'continuing',
  reserve_projects: 'reserve',
  started_new: 'startedNew',
  resumed_continuing: 'resumedContinuing',
  planned_new_starts: 'plannedNewStarts',
  started_planned_new: 'startedPlannedNew',
  in_production_count: 'inProduction',
  expected_count: 'expectedCompletion',
  over_plan_150: 'overPlan150',
} as const satisfies Record<string, DrillMetric>;

/** The money columns of an aggregate row: a column of `rows` summed over the rows its metric selects. */
const SUMS = {
  total_investment: ['total', 'all'],
  annual_plan: ['plan', 'all'],
  completed_ytd: ['completed', 'all'],
  in_production_total: ['total', 'inProduction'],
  expected_total: ['total', 'expectedCompletion'],
} as const satisfies Record<string, readonly ['total' | 'plan' | 'completed', DrillMetric]>;

/** The aggregate columns of FigureTotals over `rows`, one definition for every grouping, built from the metrics. */
function aggregates(options: StatOptions) {
  // 'all' counts every row: no FILTER clause, so the statement reads as plainly as it runs.
  const only = (metric: DrillMetric) =>
    metric === 'all' ? sql`` : sql` filter (where ${metricPredicate(metric, options)})`;
  const counts = Object.entries(COUNTS).map(
    ([column, metric]) => sql`count(*)${only(metric)}::int as ${sql.id(column)}`,
  );
  const sums = Object.entries(SUMS).map(
    ([column, [summed, metric]]) => sql`coalesce(sum(${sql.id(summed)})${only(metric)}, 0) as ${sql.id(column)}`,
  );
  return sql.join([...counts, ...sums]);
}

/** A NUMERIC sum as PostgreSQL sends it (an integer in decimal text) turned into exact fen. */
export const fen = (value: string | bigint): bigint => BigInt(value);

/** Counts are int; money columns are NUMERIC sums, which arrive as decimal text. */
export type AggregateRow = { key: string | null } & Record<keyof typeof COUNTS, number> &
  Record<keyof typeof SUMS, string>;

export function toTotals(row: AggregateRow): FigureTotals {
  return {
    projects: row.projects,
    newProjects: row.new_projects,
    continuingProjects: row.continuing_projects,
    reserveProjects: row.reserve_projects,
    totalInvestment: fen(row.total_investment),
    annualPlan: fen(row.annual_plan),
    startedOrResumed: row.started_new + row.resumed_continuing,
    startedNew: row.started_new,
    resumedContinuing: row.resumed_continuing,
    plannedNewStarts: row.planned_new_starts,
    startedPlannedNew: row.started_planned_new,
    completedYtd: fen(row.completed_ytd),
    completedInProduction: { count: row.in_production_count, totalInvestment: fen(row.in_production_total) },
    expectedCompletionByYearEnd: { count: row.expected_count, totalInvestment: fen(row.expected_total) },
    overPlan150: row.over_plan_150,
  };
}

const KEY_EXPRESSIONS: Record<Exclude<SqlDimension, 'level'>, RawBuilder<unknown>> = {
  region: sql`region_code`,
  prefecture: sql`substr(region_code, 1, 4) || '00'`,
  category: sql`category`,
  nature: sql`nature`,
  industry: sql`industry`,
  sizeTier: sql`case when total >= ${50n * FEN_PER_YI} then 'ge50yi' when total >= ${10n * FEN_PER_YI} then 'ge10yi'
    when total >= ${FEN_PER_YI} then 'ge1yi' else 'lt1yi' end`,
};

/** The rows each dimension groups: levels fan a project out under each of its levels. */
function groupSource(dimension: SqlDimension) {
  return dimension === 'level'
    ? {
        from: sql`rows cross join lateral (select distinct unnest(case when cardinality(levels) = 0 then array['none'] else levels end) as level) lv`,
        key: sql`lv.level`,
      }
    : { from: sql`rows`, key: KEY_EXPRESSIONS[dimension] };
}

/** Core sorts breakdown keys by code unit; groups are sorted the same way whatever the database's collation. */
export const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export interface Statistics {
  totals: FigureTotals;
  groups: Partial<Record<SqlDimension, { key: string; totals: FigureTotals }[]>>;
  /** Counted completions of months 1–12 over the scope. */
  monthly: bigint[];
  /** Projects in scope without coordinates (counted when asked, else 0): the map's note. */
  unlocated: number;
}

interface StatementRow extends AggregateRow {
  dim: string;
  monthly: string[] | null;
  unlocated: number | null;
}

/**
 * Everything the figures need in one statement over the materialised rows: the totals, the groups of each
 * requested dimension, the monthly completions and (when asked) the projects without coordinates.
 */
export async function statistics(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  request: { dimensions?: SqlDimension[]; unlocated?: boolean; window?: DateWindow } = {},
): Promise<Statistics> {
  const rows = rowsQuery(db, scope, options, request.window);
  const monthly = sql.raw(
    // As text: pg parses numeric[] into floats, which would round sums beyond 2^53.
    `array[${Array.from({ length: 12 }, (_, i) => `coalesce(sum(monthly[${i + 1}]), 0)`).join(', ')}]::text[]`,
  );
  const unlocated = request.unlocated
    ? sql`(select count(*)::int from rows where longitude is null or latitude is null)`
    : sql`null::int`;
  const groups = (request.dimensions ?? []).map((dimension) => {
    const source = groupSource(dimension);
    return sql`select ${dimension} as dim, (${source.key})::text as key, ${aggregates(options)},
      null::text[] as monthly, null::int as unlocated from ${source.from} group by 2`;
  });
  const result = await sql<StatementRow>`
    with rows as materialized (${rows})
    select 'all' as dim, null as key, ${aggregates(options)}, ${monthly} as monthly, ${unlocated} as unlocated
      from rows
    ${groups.length ? sql`union all ${sql.join(groups, sql` union all `)}` : sql``}`.execute(db);
  const [all, ...grouped] = result.rows;
  if (!all) throw new Error('aggregate returned no row');
  const byDimension: Statistics['groups'] = {};
  for (const row of grouped) {
    const dimension = row.dim as SqlDimension;
    (byDimension[dimension] ??= []).push({ key: row.key ?? 'none', totals: toTotals(row) });
  }
  for (const list of Object.values(byDimension)) list.sort(byKey);
  return {
    totals: toTotals(all),
    groups: byDimension,
    monthly: (all.monthly ?? []).map(fen),
    unlocated: all.unlocated ?? 0,
  };
}

/** The headline totals of the scope as of the date. */
export async function totalsOf(db: Db, scope: StatScope, options: StatOptions): Promise<FigureTotals> {
  return (await statistics(db, scope, options)).totals;
}

/** Totals per key of a dimension (levels: a project under each of its levels). */
export async function totalsBy(db: Db, scope: StatScope, options: StatOptions, dimension: SqlDimension) {
  return (await statistics(db, scope, options, { dimensions: [dimension] })).groups[dimension] ?? [];
}

function groupPredicate(dimension: SqlDimension, key: string): RawBuilder<unknown> {
  if (dimension === 'level') {
    return key === 'none' ? sql`cardinality(levels) = 0` : sql`${key} = any(levels)`;
  }
  return sql`(${KEY_EXPRESSIONS[dimension]}) = ${key}`;
}

/** The ORDER BY of a drill list over the columns of `rows`: the column, then id (dates without a start last). */
const DRILL_SORT_COLUMNS = {
  totalInvestment: sql`total`,
  annualPlan: sql`plan`,
  completedYtd: sql`completed`,
  startedOn: sql`started_on`,
  // Code-point order, the same on every server whatever its locale.
  name: sql`name collate "C"`,
} as const satisfies Record<DrillSort, RawBuilder<unknown>>;

const LARGEST_FIRST: DrillOrder = { sort: 'totalInvestment', order: 'desc' };

function drillOrderBy({ sort, order }: DrillOrder): RawBuilder<unknown> {
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  return sql`${DRILL_SORT_COLUMNS[sort]} ${direction} nulls last, id`;
}

/** The projects behind a figure (optionally within one group of a breakdown), in the order asked, and how many. */
export async function projectsBehind(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  filter: {
    metric: DrillMetric;
    dimension?: SqlDimension | undefined;
    key?: string | undefined;
    /** Largest total investment first unless asked. */
    order?: DrillOrder | undefined;
    limit: number;
    offset?: number | undefined;
  },
) {
  const rows = rowsQuery(db, scope, options);
  const group = filter.dimension && filter.key !== undefined ? groupPredicate(filter.dimension, filter.key) : sql`true`;
  const result = await sql<{
    id: number;
    total: bigint;
    plan: bigint;
    completed: string;
    started_on: string | null;
    count: number;
  }>`with rows as (${rows}) select id, total, plan, completed, started_on::text as started_on, (count(*) over ())::int as count
      from rows where ${metricPredicate(filter.metric, options)} and ${group}
      order by ${drillOrderBy(filter.order ?? LARGEST_FIRST)} limit ${filter.limit} offset ${filter.offset ?? 0}`.execute(
    db,
  );
  return {
    total: result.rows[0]?.count ?? 0,
    rows: result.rows.map((row) => ({ ...row, completed: fen(row.completed) })),
  };
}

/** Region code → name, for the codes a breakdown shows. */
export async function regionNamesOf(db: Db, codes: readonly string[]): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

/** Id → name of the projects with these ids that the actor may see. */
export async function projectNamesInScope(
  db: Db,
  actor: ScopeActor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await scopedProjects(db, actor)
    .select(['projects.id', 'projects.name'])
    .where('projects.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
