/**
 * The dashboard's figures read from `stats_rollup` (migration 2026121211_stats_rollup) for a regional scope. As of a
 * month's last day every figure is a sum over the scope's rollup rows of that year and month (hundreds of rows for a
 * province, not one per project); the year before comes from the same statement. Inside a month, the rows of the
 * month end that counts the same months are corrected by the few projects whose dated facts fall between the two
 * dates, read from the projects as of each date. Other scopes (owners, officers) read the projects
 * (stats.repository.ts), whose formulas the rollup's triggers repeat; both are tested to agree with core.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import {
  combineTotals,
  isMonthEnd,
  monthEnd,
  projectScopeKind,
  regionPrefix,
  type FigureTotals,
  type StatOptions,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { monthsCounted, type DateWindow } from './stats.progress.ts';
import {
  byKey,
  fen,
  statistics,
  toTotals,
  type AggregateRow,
  type SqlDimension,
  type StatScope,
  type Statistics,
} from './stats.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The rollup answers a scope by region; owners' and officers' scopes read the projects. */
export function rollupAnswers(scope: StatScope): boolean {
  return projectScopeKind(scope.actor.role) === 'region' && Boolean(scope.actor.regionCode);
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
  for (const list of Object.values(groupsByDimension)) list.sort(byKey);
  return {
    totals: toTotals(all),
    groups: groupsByDimension,
    monthly: (all.monthly ?? []).map(fen),
    unlocated: all.unlocated ?? 0,
    previous: previousTotals,
  };
}

/**
 * The month end whose rollup rows count the same months as the date (the date itself at a month end), or null when
 * no month is counted yet (a date before January's cut-off).
 */
async function countedMonthEnd(db: Db, options: StatOptions): Promise<string | null> {
  if (isMonthEnd(options.asOf)) return options.asOf;
  const { rows } = await sql<{ counted: number }>`select ${monthsCounted(options)} as counted`.execute(db);
  const counted = rows[0]?.counted ?? 0;
  return counted > 0 ? monthEnd(options.year, counted) : null;
}

type Group = { key: string; totals: FigureTotals };

/** `base` plus what `now` counts minus what `then` counts, key by key. */
function corrected(base: readonly Group[], now: readonly Group[] = [], then: readonly Group[] = []): Group[] {
  const totalsOfKey = new Map(base.map((group) => [group.key, group.totals]));
  for (const [groups, sign] of [
    [now, 1],
    [then, -1],
  ] as const) {
    for (const { key, totals } of groups) {
      // A key the month end lacks starts from zero (a total less itself).
      const held = totalsOfKey.get(key) ?? combineTotals(totals, totals, -1);
      totalsOfKey.set(key, combineTotals(held, totals, sign));
    }
  }
  return [...totalsOfKey].map(([key, totals]) => ({ key, totals })).sort(byKey);
}

/**
 * A regional scope's figures as of any date from the rollup, or null when no month end counts the same months.
 * Inside a month: the month end's figures, plus the projects whose completion, planned completion or counted start
 * lies between the two dates as counted on the date, minus the same projects as counted at the month end.
 */
async function regionalFigures(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  dimensions: SqlDimension[],
): Promise<Statistics | null> {
  const base = await countedMonthEnd(db, options);
  if (!base) return null;
  const atBase = await rollupFigures(db, scope, { year: options.year, asOf: base }, dimensions);
  if (base === options.asOf) return atBase;
  const window: DateWindow =
    base < options.asOf ? { after: base, through: options.asOf } : { after: options.asOf, through: base };
  const now = await statistics(db, scope, options, { dimensions, window });
  const then = await statistics(db, scope, { year: options.year, asOf: base }, { dimensions, window });
  const groups: Statistics['groups'] = {};
  for (const dimension of dimensions) {
    groups[dimension] = corrected(atBase.groups[dimension] ?? [], now.groups[dimension], then.groups[dimension]);
  }
  return {
    totals: combineTotals(combineTotals(atBase.totals, now.totals), then.totals, -1),
    groups,
    monthly: atBase.monthly,
    unlocated: atBase.unlocated,
  };
}

/**
 * The dashboard's statistics of a scope as of a date, and the totals as of `previous` (a year earlier): from the
 * rollup in one statement when both are month ends, else each date on its own.
 */
export async function dashboardStatistics(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  previous: StatOptions,
  dimensions: SqlDimension[],
): Promise<{ current: Statistics; previous: FigureTotals }> {
  if (rollupAnswers(scope) && isMonthEnd(options.asOf) && isMonthEnd(previous.asOf)) {
    const { previous: before, ...current } = await rollupFigures(db, scope, options, dimensions, previous);
    return { current, previous: before ?? (await totalsAsOf(db, scope, previous)) };
  }
  // The two dates are independent figures: on a server's pool they are read side by side.
  const [current, before] = await Promise.all([
    statisticsOf(db, scope, options, dimensions, { unlocated: true }),
    totalsAsOf(db, scope, previous),
  ]);
  return { current, previous: before };
}

/** A scope's totals as of a date: from the rollup when it answers, else from the projects. */
export async function totalsAsOf(db: Db, scope: StatScope, options: StatOptions): Promise<FigureTotals> {
  return (await statisticsOf(db, scope, options, [])).totals;
}

/**
 * The statistics of a scope as of a date with the groups asked: the rollup when it answers (which always counts the
 * projects without coordinates), else the projects (which count them when asked).
 */
export async function statisticsOf(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  dimensions: SqlDimension[],
  request: { unlocated?: boolean } = {},
): Promise<Statistics> {
  const fromRollup = rollupAnswers(scope) ? await regionalFigures(db, scope, options, dimensions) : null;
  return fromRollup ?? (await statistics(db, scope, options, { dimensions, ...request }));
}
