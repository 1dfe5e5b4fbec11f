/**
 * The reads behind progress against plan (SPI): each project's inputs for core's S-curve (annual plan, the approved
 * milestone plan's span, the year's counted completions as the statistics read them), and the SPI per region in
 * SQL for scale — the same rules as core's plan.spi.ts (spread months, fen shares, planned to date), tested to agree.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { regionPrefix } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { monthsCounted, progressQuery } from '../stats/stats.progress.ts';
import type { StatScope } from '../stats/stats.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How the region breakdown groups: by the project's own region (a city's counties) or by prefecture. */
export type SpiGrouping = 'region' | 'prefecture';

const GROUP_KEYS: Record<SpiGrouping, RawBuilder<string>> = {
  region: sql<string>`region_code`,
  prefecture: sql<string>`substr(region_code, 1, 4) || '00'`,
};

/**
 * One row per project in scope (optionally one project) with what core's sCurve needs. `onYearList`: only the
 * projects with an annual plan for the year (the statistics' list); otherwise a project without one reads a null plan.
 */
function inputsQuery(
  db: Db,
  scope: StatScope,
  year: number,
  asOf: string,
  only: { projectId?: number; onYearList: boolean },
) {
  let q = db
    .with(
      (cte) => cte('progress').materialized(),
      () => progressQuery(db, { year, asOf }),
    )
    .with('span', (qb) =>
      qb
        .selectFrom('milestone_plans as mp')
        .innerJoin('milestone_nodes as n', 'n.plan_id', 'mp.id')
        .where('mp.status', '=', 'approved')
        .select([
          'mp.project_id',
          sql<string>`min(n.planned_start)::text`.as('span_start'),
          sql<string>`max(n.planned_end)::text`.as('span_end'),
        ])
        .groupBy('mp.project_id'),
    )
    .selectFrom(() => scopedProjects(db, scope.actor).selectAll('projects').as('p'))
    .leftJoin('progress as g', 'g.project_id', 'p.id')
    .leftJoin('span as s', 's.project_id', 'p.id')
    .select([
      'p.id',
      'p.region_code',
      sql<string | null>`ap.planned_investment::text`.as('annual_plan'),
      's.span_start',
      's.span_end',
      // As text: pg would parse a numeric array into floats.
      sql<string[]>`coalesce(g.monthly, '{}')::text[]`.as('monthly'),
      sql<string>`coalesce(g.completed, 0)::text`.as('earned'),
      // From the reporting calendar, not the project's row: a project that reported nothing still has months to date.
      sql<number>`${monthsCounted({ year, asOf })}`.as('months_counted'),
    ]);
  q = only.onYearList
    ? q.innerJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'p.id').on('ap.year', '=', year))
    : q.leftJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'p.id').on('ap.year', '=', year));
  if (only.projectId !== undefined) q = q.where('p.id', '=', only.projectId);
  if (scope.regionCode) q = q.where('p.region_code', 'like', `${regionPrefix(scope.regionCode)}%`);
  return q.orderBy('p.id');
}

/** A project's S-curve inputs for the year as of the date; undefined when the project is not in the actor's scope. */
export async function projectSpiInputs(db: Db, scope: StatScope, projectId: number, year: number, asOf: string) {
  return inputsQuery(db, scope, year, asOf, { projectId, onYearList: false }).executeTakeFirst();
}

/** The S-curve inputs of every project on the year's list in scope (what the region breakdown adds up). */
export async function yearListSpiInputs(db: Db, scope: StatScope, year: number, asOf: string) {
  return inputsQuery(db, scope, year, asOf, { onYearList: true }).execute();
}

/** A project's S-curve inputs as read. */
export type SpiInputRow = Awaited<ReturnType<typeof yearListSpiInputs>>[number];

/**
 * SPI per group of the projects on the year's list in scope: projects, with an approved plan, behind (earned below
 * planned to date), and the sums to date as decimal text (sum over bigint is numeric).
 */
export async function spiByRegion(db: Db, scope: StatScope, year: number, asOf: string, grouping: SpiGrouping) {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const inputs = inputsQuery(db, scope, year, asOf, { onYearList: true });
  // Core's spreadMonths: the approved plan's span clipped to the year; the whole year without one or an overlap.
  const result = await sql<{
    key: string;
    projects: number;
    with_plan: number;
    behind: number;
    planned: string;
    earned: string;
  }>`
    with i as (${inputs}),
    m as (
      select i.*, months_counted as k,
        case when valid and span_start > ${yearStart} then extract(month from span_start::date)::int else 1 end as first,
        case when valid and span_end < ${yearEnd} then extract(month from span_end::date)::int else 12 end as last
      from (select i.*, (span_start is not null and span_end >= ${yearStart} and span_start <= ${yearEnd}
        and span_end >= span_start) as valid from i) i
    ),
    d as (
      select m.*, greatest(0, least(k - first + 1, last - first + 1)) as covered, last - first + 1 as n from m
    ),
    t as (
      select region_code, span_start is not null as has_plan, earned::numeric as earned,
        case when covered = n then annual_plan::bigint else (annual_plan::bigint / n) * covered end as planned
      from d
    )
    select (${GROUP_KEYS[grouping]})::text as key, count(*)::int as projects,
      (count(*) filter (where has_plan))::int as with_plan,
      (count(*) filter (where earned < planned))::int as behind,
      coalesce(sum(planned), 0)::text as planned, coalesce(sum(earned), 0)::text as earned
    from t group by 1 order by 1`.execute(db);
  return result.rows;
}
