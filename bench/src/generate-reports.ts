/**
 * Benchmark data at scale, generated inside the database with generate_series (fast enough for millions of
 * rows): `projects` projects spread over the counties under `regionCode`, each on the list of every year of
 * `years` with a plan, and one approved report per month of those years; then the year-progress rows.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../packages/server/src/db/schema.ts';
import { rebuildYearProgress } from '../../packages/server/src/modules/report/report.repository.ts';

export interface ScaleOptions {
  projects: number;
  years: number[];
  /** Province or city code whose counties receive the projects. */
  regionCode: string;
}

export async function generateScale(db: Kysely<DB>, options: ScaleOptions): Promise<{ reports: number }> {
  const prefix = options.regionCode.replace(/(00)+$/, '');
  await sql`
    insert into organizations (kind, name, region_code)
    select 'owner', '基准业主' || g, (select code from regions where code like ${`${prefix}%`} and level = 'county' order by code limit 1)
    from generate_series(1, 500) g`.execute(db);
  await sql`
    with counties as (
      select code, row_number() over (order by code) - 1 as i, count(*) over () as n
      from regions where code like ${`${prefix}%`} and level = 'county'
    ), owners as (select min(id) as first_id from organizations where name like '基准业主%')
    insert into projects (code, name, owner_org_id, region_code, levels, category, industry, nature, total_investment,
      stage, tags, in_statistics, longitude, latitude, planned_start_date, planned_completion_date, actual_completion_date)
    select
      '2101-' || c.code || '-04-01-' || lpad(g::text, 6, '0'),
      '基准项目' || g,
      (select first_id from owners) + (g % 500),
      c.code,
      case when g % 10 = 0 then array['provincial', 'municipal'] else array['municipal'] end,
      (array['industry', 'infrastructure', 'social', 'ecology'])[1 + g % 4],
      (array['C', 'D', 'G', 'N', 'P'])[1 + g % 5],
      case when g % 3 = 0 then 'new' else 'continuing' end,
      (500 + (g * 7919) % 200000)::bigint * 1000000,
      'construction', '{}', true,
      125 + (g % 100) / 100.0, 46 + (g % 50) / 100.0,
      date '2019-03-01' + (g % 700),
      date '2021-01-01' + (g % 600),
      case when g % 17 = 0 then date '2021-01-01' + (g % 300) end
    from generate_series(1, ${options.projects}) g
    join counties c on c.i = g % c.n`.execute(db);
  for (const year of options.years) {
    await sql`
      insert into annual_plans (project_id, year, planned_investment, nature, planned_new_start)
      select id, ${year}, total_investment / 4, nature, nature = 'new' from projects where code like '2101-%'`.execute(
      db,
    );
    await sql`
      insert into reporting_periods (year, month, cutoff_date, deadline)
      select ${year}, m, (make_date(${year}, m, 1) + interval '1 month' - interval '1 day')::date,
        (make_date(${year}, m, 1) + interval '1 month' + interval '4 days')::date
      from generate_series(1, 12) m on conflict do nothing`.execute(db);
    await sql`
      insert into monthly_reports (project_id, year, month, state, completed_this_month, started, started_on)
      select p.id, ${year}, m, 'approved', p.total_investment / 60, (p.id % 5) <> 0 and m >= 1 + p.id % 6,
        case when (p.id % 5) <> 0 and m >= 1 + p.id % 6 then make_date(${year}, 1 + p.id % 6, 10) end
      from projects p cross join generate_series(1, 12) m where p.code like '2101-%'`.execute(db);
    await rebuildYearProgress(db, year);
  }
  // As autovacuum would on a server (and the analyze job does for PGlite).
  await sql`analyze`.execute(db);
  const count = await sql<{ n: bigint }>`select count(*) as n from monthly_reports`.execute(db);
  return { reports: Number(count.rows[0]?.n ?? 0n) };
}
