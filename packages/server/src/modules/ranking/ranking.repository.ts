/**
 * Kysely access for the rankings (issue #13): the facts a period's ranking is computed from, read city-wide (a
 * ranking compares every district of the city, whoever reads it; the service strips the projects the reader may not
 * see), the criticism adjustments, and the published editions (insert … on conflict do nothing on the unique key,
 * so that of racing publications exactly one inserts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix, RESERVE_PHASES, type LifecyclePhase } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { progressQuery } from '../stats/stats.progress.ts';
import { regionReader } from '../warning/warning.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Report states that count as filed (a draft is not, nor a report sent back to its owner). */
const FILED_STATES = ['submitted', 'approved', 'confirmed', 'locked'] as const;
/** A warning active this many days without being cleared counts as ignored (data quality). */
const WARNING_IGNORED_DAYS = 30;

/** The window of a ranking's facts: the period's year, first day, and the data's date (its last day, or today). */
export interface RankingWindow {
  year: number;
  from: string;
  asOf: string;
  /** The period's last month (reports due up to it count). */
  lastMonth: number;
}

/** The city's districts (its child regions), by code, with the name officials write. */
export async function districtsOfCity(db: Db, cityCode: string) {
  return db
    .selectFrom('regions')
    .select(['code', sql<string>`coalesce(short_name, name)`.as('name')])
    .where('parent_code', '=', cityCode)
    .orderBy('code')
    .execute();
}

/** A region's name (null when unknown). */
export async function regionName(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('regions').select(['name']).where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * The city's projects on the year's list (not reserve), city-wide, as `p` with their annual plan `ap` and the
 * statistics' progress rows of the year as of the window's date `g` (left joined): what the district and the
 * department project facts start from.
 */
export function cityListProjects(db: Db, cityCode: string, { year, asOf }: RankingWindow) {
  return db
    .with(
      (cte) => cte('progress').materialized(),
      () => progressQuery(db, { year, asOf }),
    )
    .selectFrom(() =>
      scopedProjects(db, regionReader(cityCode))
        .where('projects.region_code', 'like', `${regionPrefix(cityCode)}%`)
        .selectAll('projects')
        .as('p'),
    )
    .innerJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'p.id').on('ap.year', '=', year))
    .leftJoin('progress as g', 'g.project_id', 'p.id')
    .where('ap.nature', '<>', 'reserve');
}

/**
 * The city's projects under way on the year's list as of the window's date, with what Yan'an's project terms read:
 * nature, annual plan, category, levels, the year's completions (the statistics' progress rows), the start, and
 * whether the project reached production in the period (a lifecycle transition to phase production).
 */
export async function rankingProjectRows(db: Db, cityCode: string, window: RankingWindow) {
  const { from, asOf } = window;
  return cityListProjects(db, cityCode, window)
    .where(sql<boolean>`g.started_on <= ${asOf}`)
    .select([
      'p.id',
      'p.name',
      'p.region_code',
      'p.category',
      'p.levels',
      'ap.nature',
      'ap.planned_investment as plan',
      sql<string>`coalesce(g.completed, 0)::text`.as('completed'),
      sql<boolean>`exists (select 1 from lifecycle_transitions t where t.project_id = p.id
        and t.phase = 'production' and t.occurred_on between ${from} and ${asOf})`.as('into_production'),
    ])
    .orderBy('p.id')
    .execute();
}

/** Per district code: what the unit indicators count in the window. */
export interface RankingUnitCounts {
  events: number;
  warningsOutstanding: number;
  reserveEntered: number;
  attractionSignedFen: bigint;
  problemsDue: number;
  problemsClosedOnTime: number;
}

const emptyCounts = (): RankingUnitCounts => ({
  events: 0,
  warningsOutstanding: 0,
  reserveEntered: 0,
  attractionSignedFen: 0n,
  problemsDue: 0,
  problemsClosedOnTime: 0,
});

/**
 * The unit indicators' counts per region code under the city: 集中开工 events held in the window, warnings active on
 * its date, projects that entered the reserve in it (their first lifecycle transition, to a reserve phase), amounts
 * of attraction leads signed (formal contract) in it, and problems due in it with those resolved by their due date.
 */
export async function rankingUnitCounts(
  db: Db,
  cityCode: string,
  window: RankingWindow,
): Promise<Map<string, RankingUnitCounts>> {
  const { from, asOf } = window;
  const prefix = `${regionPrefix(cityCode)}%`;
  const projectIds = scopedProjects(db, regionReader(cityCode))
    .where('projects.region_code', 'like', prefix)
    .select('projects.id');
  const [events, warnings, reserve, signed, problems] = await Promise.all([
    db
      .selectFrom('groundbreaking_events')
      .select(['region_code', sql<number>`count(*)::int`.as('n')])
      .where('region_code', 'like', prefix)
      .where('held_on', '>=', from)
      .where('held_on', '<=', asOf)
      .groupBy('region_code')
      .execute(),
    db
      .selectFrom('warnings')
      .select(['region_code', sql<number>`count(*)::int`.as('n')])
      .where('region_code', 'like', prefix)
      .where('first_raised_on', '<=', asOf)
      .where((eb) => eb.or([eb('cleared_on', 'is', null), eb('cleared_on', '>', asOf)]))
      .groupBy('region_code')
      .execute(),
    db
      .selectFrom(
        db
          .selectFrom('lifecycle_transitions as t')
          .where('t.project_id', 'in', projectIds)
          .distinctOn('t.project_id')
          .select(['t.project_id', 't.phase', 't.occurred_on'])
          .orderBy('t.project_id')
          .orderBy('t.occurred_on')
          .orderBy('t.id')
          .as('first'),
      )
      .innerJoin('projects as p', 'p.id', 'first.project_id')
      .select(['p.region_code', sql<number>`count(*)::int`.as('n')])
      .where('first.phase', 'in', RESERVE_PHASES as LifecyclePhase[])
      .where('first.occurred_on', '>=', from)
      .where('first.occurred_on', '<=', asOf)
      .groupBy('p.region_code')
      .execute(),
    db
      .selectFrom('attraction_leads')
      .select(['region_code', sql<string>`sum(amount)::text`.as('amount')])
      .where('region_code', 'like', prefix)
      .where('contract_on', '>=', from)
      .where('contract_on', '<=', asOf)
      .groupBy('region_code')
      .execute(),
    db
      .selectFrom('problems')
      .select([
        'region_code',
        sql<number>`count(*)::int`.as('due'),
        sql<number>`count(*) filter (where resolved_on is not null and resolved_on <= due_on)::int`.as('on_time'),
      ])
      .where('region_code', 'like', prefix)
      .where('project_id', 'in', projectIds)
      .where('due_on', '>=', from)
      .where('due_on', '<=', asOf)
      .groupBy('region_code')
      .execute(),
  ]);
  const counts = new Map<string, RankingUnitCounts>();
  const of = (code: string) => {
    let entry = counts.get(code);
    if (!entry) counts.set(code, (entry = emptyCounts()));
    return entry;
  };
  for (const row of events) of(row.region_code).events = row.n;
  for (const row of warnings) of(row.region_code).warningsOutstanding = row.n;
  for (const row of reserve) of(row.region_code).reserveEntered = row.n;
  for (const row of signed) of(row.region_code).attractionSignedFen = BigInt(row.amount);
  for (const row of problems) {
    of(row.region_code).problemsDue = row.due;
    of(row.region_code).problemsClosedOnTime = row.on_time;
  }
  return counts;
}

/**
 * Each project under way on the year's list with its reporting record over the months due by the window's date
 * (January to the period's last month, those whose deadline has passed): reports filed on time (by the deadline, in
 * China's time; a report loaded from a ledger has no submission time and counts as on time) and late, with photos,
 * the last month filed, corrections after lock, and warnings left active for a month. Projects the reader may see
 * are chosen by the caller; this reads the whole city (for the district scores).
 */
export async function reportFactRows(db: Db, cityCode: string, window: RankingWindow) {
  const { year, asOf, lastMonth } = window;
  const due = db
    .selectFrom('reporting_periods')
    .select(['month', 'deadline'])
    .where('year', '=', year)
    .where('month', '<=', lastMonth)
    .where('deadline', '<=', asOf);
  return db
    .with('due', () => due)
    .with('filed', (qc) =>
      qc
        .selectFrom('monthly_reports as r')
        .innerJoin('due as d', 'd.month', 'r.month')
        .where('r.year', '=', year)
        .where('r.state', 'in', FILED_STATES)
        .select([
          'r.project_id',
          sql<number>`count(*)::int`.as('filed'),
          sql<number>`count(*) filter (where r.submitted_at is null
            or (r.submitted_at at time zone 'Asia/Shanghai')::date <= d.deadline)::int`.as('on_time'),
          sql<number>`count(*) filter (where exists (select 1 from report_photos ph where ph.report_id = r.id))::int`.as(
            'with_photos',
          ),
          sql<number>`max(r.month)::int`.as('last_month'),
        ])
        .groupBy('r.project_id'),
    )
    .selectFrom(() =>
      scopedProjects(db, regionReader(cityCode))
        .where('projects.region_code', 'like', `${regionPrefix(cityCode)}%`)
        .selectAll('projects')
        .as('p'),
    )
    .innerJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'p.id').on('ap.year', '=', year))
    .leftJoin('filed as f', 'f.project_id', 'p.id')
    .where('ap.nature', '<>', 'reserve')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.region_code',
      sql<number>`(select count(*) from due)::int`.as('due'),
      sql<number>`(select coalesce(max(month), 0) from due)::int`.as('last_due_month'),
      sql<number>`coalesce(f.on_time, 0)`.as('on_time'),
      sql<number>`coalesce(f.filed, 0) - coalesce(f.on_time, 0)`.as('late'),
      sql<number>`coalesce(f.with_photos, 0)`.as('with_photos'),
      'f.last_month',
      sql<number>`(select count(*) from report_corrections c join monthly_reports r on r.id = c.report_id
        where r.project_id = p.id and r.year = ${year} and r.month <= ${lastMonth})::int`.as('corrections'),
      sql<number>`(select count(*) from warnings w where w.project_id = p.id
        and w.first_raised_on <= ${asOf}::date - ${sql.lit(WARNING_IGNORED_DAYS)}::integer
        and (w.cleared_on is null or w.cleared_on > ${asOf}))::int`.as('warnings_ignored'),
    ])
    .orderBy('p.id')
    .execute();
}

/** The criticism adjustments entered for the city's districts and the period. */
export async function rankingAdjustments(db: Db, cityCode: string, period: string) {
  return db
    .selectFrom('ranking_adjustments')
    .select(['region_code', 'indicator', 'points', 'reason'])
    .where('region_code', 'like', `${regionPrefix(cityCode)}%`)
    .where('period', '=', period)
    .orderBy('id')
    .execute();
}

/** Records points entered for a district and period; returns the new row. */
export async function insertAdjustment(
  db: Db,
  row: { regionCode: string; period: string; indicator: string; points: string; reason: string; enteredBy: number },
) {
  return db
    .insertInto('ranking_adjustments')
    .values({
      region_code: row.regionCode,
      period: row.period,
      indicator: row.indicator,
      points: row.points,
      reason: row.reason,
      entered_by: row.enteredBy,
    })
    .returning(['id', 'region_code', 'period', 'indicator', 'points', 'reason', 'entered_at'])
    .executeTakeFirstOrThrow();
}

/** The adjustments entered for a city's districts in a period, with the districts' names, oldest first. */
export async function adjustmentsOf(db: Db, cityCode: string, period: string) {
  return db
    .selectFrom('ranking_adjustments as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select([
      'a.id',
      'a.region_code',
      'r.name as region_name',
      'a.period',
      'a.indicator',
      'a.points',
      'a.reason',
      'a.entered_at',
    ])
    .where('a.region_code', 'like', `${regionPrefix(cityCode)}%`)
    .where('a.period', '=', period)
    .orderBy('a.id')
    .execute();
}
