/**
 * The best hand-written SQL over the base tables (projects, annual_plans, monthly_reports, reporting_periods)
 * for the dashboard's figures: headline and breakdowns of the year (one grouping-sets query plus the levels),
 * the previous year's headline, the monthly series and the map's points — the yardstick of bench/dashboard.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../packages/server/src/db/schema.ts';

function base(year: number, asOf: string, prefix: string) {
  return sql`
    with rep as (
      select r.project_id, sum(r.completed_this_month) as completed,
        min(r.started_on) filter (where r.started and r.started_on <= ${asOf}) as started_on
      from monthly_reports r join reporting_periods rp on rp.year = r.year and rp.month = r.month
      where r.year = ${year} and rp.cutoff_date <= ${asOf} and r.state in ('approved', 'confirmed', 'locked')
      group by r.project_id
    ), rows as (
      select p.region_code, p.levels, p.category, p.industry, ap.nature, p.total_investment as total,
        ap.planned_investment as plan, ap.planned_new_start, p.actual_completion_date as completed_on,
        p.planned_completion_date as planned_completion, coalesce(rep.completed, 0) as completed,
        case when ap.nature <> 'reserve' then rep.started_on end as started_on
      from annual_plans ap join projects p on p.id = ap.project_id
      left join rep on rep.project_id = p.id
      where ap.year = ${year} and p.deleted_at is null and p.region_code like ${`${prefix}%`}
    )`;
}

const AGGREGATES = sql`count(*), count(*) filter (where nature = 'new'), count(*) filter (where nature = 'continuing'),
  sum(total), sum(plan), count(*) filter (where started_on is not null),
  count(*) filter (where nature = 'new' and started_on is not null), count(*) filter (where planned_new_start),
  count(*) filter (where planned_new_start and started_on is not null), sum(completed),
  count(*) filter (where completed_on is not null), count(*) filter (where plan > 0 and completed * 2 > plan * 3)`;

/** Runs the raw queries for one dashboard view; resolves when all have answered. */
export async function rawDashboard(db: Kysely<DB>, year: number, asOf: string, regionCode: string): Promise<void> {
  const prefix = regionCode.replace(/(00)+$/, '');
  const previousAsOf = `${year - 1}${asOf.slice(4)}`;
  await sql`${base(year, asOf, prefix)}
    select substr(region_code, 1, 4), category, nature, industry, ${AGGREGATES}
    from rows group by grouping sets ((), (substr(region_code, 1, 4)), (category), (nature), (industry),
      (case when total >= 500000000000 then 3 when total >= 100000000000 then 2 when total >= 10000000000 then 1 else 0 end))`.execute(
    db,
  );
  await sql`${base(year, asOf, prefix)} select level, ${AGGREGATES} from rows cross join unnest(levels) level group by level`.execute(
    db,
  );
  await sql`${base(year - 1, previousAsOf, prefix)} select ${AGGREGATES} from rows`.execute(db);
  await sql`
    select r.month, sum(r.completed_this_month) from monthly_reports r
    join projects p on p.id = r.project_id join reporting_periods rp on rp.year = r.year and rp.month = r.month
    where r.year = ${year} and rp.cutoff_date <= ${asOf} and p.region_code like ${`${prefix}%`} and p.deleted_at is null
      and r.state in ('approved', 'confirmed', 'locked')
    group by r.month`.execute(db);
  await sql`select id, name, longitude, latitude from projects where region_code like ${`${prefix}%`} and deleted_at is null and longitude is not null`.execute(
    db,
  );
}
