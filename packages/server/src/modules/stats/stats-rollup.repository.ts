/**
 * The dashboard's figures read from `stats_rollup` (migration 2026121211_stats_rollup) where it answers exactly:
 * a regional scope as of a month's last day. Every figure is then a sum over the scope's rollup rows of that
 * year and as-of month (hundreds of rows for a province, not one per project); the year before comes from the
 * same statement. Other scopes (owners, officers) and dates inside a month read the projects (stats.repository.ts),
 * whose formulas the rollup's triggers repeat; both are tested to agree with core.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { isMonthEnd, projectScopeKind, regionPrefix, type FigureTotals, type StatOptions } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import {
  fen,
  monthsCounted,
  statistics,
  toTotals,
  type AggregateRow,
  type SqlDimension,
  type StatScope,
  type Statistics,
} from './stats.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The rollup answers a scope by region as of a month's end; every other question reads the projects. */
export function rollupAnswers(scope: StatScope, asOf: string): boolean {
  return projectScopeKind(scope.actor.role) === 'region' && Boolean(scope.actor.regionCode) && isMonthEnd(asOf);
}

/** The aggregate columns of AggregateRow as sums of the rollup's columns (core's figures, counted per row). */
const AGGREGATES = sql.raw(
  [
    ['projects', 'projects', null],
    ['new_projects', 'projects', `nature = 'new'`],
    ['continuing_projects', 'projects', `nature = 'continuing'`],
    ['reserve_projects', 'projects', `nature = 'reserve'`],
    ['started_new', 'started', `nature = 'new'`],
    ['resumed_continuing', 'started', `nature = 'continuing'`],
    ['planned_new_starts', 'planned_new_starts', null],
    ['started_planned_new', 'started_planned_new', null],
    ['in_production_count', 'in_production', null],
    ['expected_count', 'expected', null],
    ['over_plan_150', 'over_plan_150', null],
  ]
    .map(
      ([name, column, filter]) =>
        `coalesce(sum(${column})${filter ? ` filter (where ${filter})` : ''}, 0)::int as ${name}`,
    )
    .concat(
      [
        ['total_investment', 'total_investment'],
        ['annual_plan', 'annual_plan'],
        ['completed_ytd', 'completed'],
        ['in_production_total', 'in_production_total'],
        ['expected_total', 'expected_total'],
      ].map(([name, column]) => `coalesce(sum(${column}), 0) as ${name}`),
    )
    .join(', '),
);

/** The rollup's key of each dimension; levels fan a row out under each of its levels, as the projects path does. */
const KEYS: Record<SqlDimension, { from: RawBuilder<unknown>; key: RawBuilder<unknown> }> = {
  region: { from: sql`cur`, key: sql`region_code` },
  prefecture: { from: sql`cur`, key: sql`substr(region_code, 1, 4) || '00'` },
  category: { from: sql`cur`, key: sql`category` },
  nature: { from: sql`cur`, key: sql`nature` },
  industry: { from: sql`cur`, key: sql`industry` },
  sizeTier: { from: sql`cur`, key: sql`size_tier` },
  level: {
    from: sql`cur cross join lateral (select distinct unnest(case when cardinality(levels) = 0 then array['none']
      else levels end) as level) lv`,
    key: sql`lv.level`,
  },
};

/** The scope's rollup rows of a year and as-of month (rows every project has left are skipped). */
function scopeRows(db: Db, scope: StatScope, year: number, monthCondition: RawBuilder<SqlBool>) {
  const prefixes = [scope.actor.regionCode, scope.regionCode].flatMap((code) => (code ? [regionPrefix(code)] : []));
  let q = db.selectFrom('stats_rollup').selectAll().where('year', '=', year).where(monthCondition);
  for (const prefix of prefixes) q = q.where('region_code', 'like', `${prefix}%`);
  return q;
}

interface RollupRow extends AggregateRow {
  dim: string;
  monthly: string[] | null;
  unlocated: number | null;
}

/**
 * The figures of a regional scope as of a month's end from the rollup: totals, the groups of each dimension, the
 * counted completions of each month and the projects without coordinates; with `previous`, that date's totals too.
 */
async function rollupFigures(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  dimensions: SqlDimension[],
  previous?: StatOptions,
) {
  const month = Number(options.asOf.slice(5, 7));
  const current = scopeRows(db, scope, options.year, sql<SqlBool>`month = ${month} and projects > 0`);
  // The series: each month's own completions, over the months counted as of the date.
  const series = scopeRows(db, scope, options.year, sql<SqlBool>`month <= ${monthsCounted(options)}`);
  const monthly = sql.raw(
    `array[${Array.from({ length: 12 }, (_, i) => `coalesce(sum(month_completed) filter (where month = ${i + 1}), 0)`).join(', ')}]::text[]`,
  );
  const groups = dimensions.map(
    (dimension) => sql`select ${dimension} as dim, (${KEYS[dimension].key})::text as key, ${AGGREGATES},
      null::text[] as monthly, null::int as unlocated from ${KEYS[dimension].from} group by 2`,
  );
  const before = previous
    ? sql`union all select 'previous', null, ${AGGREGATES}, null, null from (${scopeRows(
        db,
        scope,
        previous.year,
        sql<SqlBool>`month = ${Number(previous.asOf.slice(5, 7))} and projects > 0`,
      )}) prev`
    : sql``;
  const result = await sql<RollupRow>`
    with cur as materialized (${current})
    select 'all' as dim, null as key, ${AGGREGATES}, (select ${monthly} from (${series}) s) as monthly,
      coalesce(sum(unlocated), 0)::int as unlocated from cur
    ${groups.length ? sql`union all ${sql.join(groups, sql` union all `)}` : sql``}
    ${before}`.execute(db);
  const groupsByDimension: Statistics['groups'] = {};
  let all: RollupRow | undefined;
  let previousTotals: FigureTotals | undefined;
  for (const row of result.rows) {
    if (row.dim === 'all') all = row;
    else if (row.dim === 'previous') previousTotals = toTotals(row);
    else (groupsByDimension[row.dim as SqlDimension] ??= []).push({ key: row.key ?? 'none', totals: toTotals(row) });
  }
  if (!all) throw new Error('rollup aggregate returned no row');
  // Core sorts breakdown keys by code unit; do the same whatever the database's collation.
  for (const list of Object.values(groupsByDimension))
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    totals: toTotals(all),
    groups: groupsByDimension,
    monthly: (all.monthly ?? []).map(fen),
    unlocated: all.unlocated ?? 0,
    previous: previousTotals,
  };
}

/**
 * The dashboard's statistics of a scope as of a date, and the totals as of `previous` (a year earlier): from the
 * rollup in one statement when it answers both dates, else from the projects (the two dates run one after the
 * other in the caller's snapshot).
 */
export async function dashboardStatistics(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  previous: StatOptions,
  dimensions: SqlDimension[],
): Promise<{ current: Statistics; previous: FigureTotals }> {
  if (!rollupAnswers(scope, options.asOf)) {
    const current = await statistics(db, scope, options, { dimensions, unlocated: true });
    return { current, previous: await totalsAsOf(db, scope, previous) };
  }
  const both = rollupAnswers(scope, previous.asOf);
  const figures = await rollupFigures(db, scope, options, dimensions, both ? previous : undefined);
  return {
    current: { totals: figures.totals, groups: figures.groups, monthly: figures.monthly, unlocated: figures.unlocated },
    previous: figures.previous ?? (await totalsAsOf(db, scope, previous)),
  };
}

/** A scope's totals as of a date: from the rollup when it answers, else from the projects. */
export async function totalsAsOf(db: Db, scope: StatScope, options: StatOptions): Promise<FigureTotals> {
  if (rollupAnswers(scope, options.asOf)) return (await rollupFigures(db, scope, options, [])).totals;
  return (await statistics(db, scope, options)).totals;
}

/** The statistics of a scope as of a date with the groups asked (no unlocated count): the rollup when it answers. */
export async function statisticsOf(db: Db, scope: StatScope, options: StatOptions, dimensions: SqlDimension[]) {
  if (rollupAnswers(scope, options.asOf)) return rollupFigures(db, scope, options, dimensions);
  return statistics(db, scope, options, { dimensions });
}
