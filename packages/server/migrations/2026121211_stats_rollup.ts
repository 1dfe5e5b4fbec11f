/**
 * The statistics rollup (issue #14 item 1): every dashboard figure of a regional scope as of a month's last day is a
 * sum over a few hundred rows of `stats_rollup`, not a pass over every project. One row per year, as-of month
 * (the figures as of the month's last day), county and the keys the breakdowns group by (category, levels, plan
 * nature, industry, size tier), holding additive counts and sums; `month_completed` is the counted completions of
 * that month alone, for the monthly series. As of a month's last day its own month always counts (a period's
 * cut-off lies inside its month: reporting_periods' check), so no cut-off changes a row.
 *
 * Kept current by triggers on what the figures read, in the writing statement's own transaction: the year-progress
 * rows (kept current on every counted report), the annual plans and the projects. A changed row's old contribution is subtracted and
 * its new one added, set-based from the statement's transition tables, so a bulk load pays one pass and a report
 * filing touches only its project's rows. A hard-deleted project is subtracted before it goes (its plans cascade).
 */
import { sql, type Kysely } from 'kysely';

export const YI = 10_000_000_000n; // fen per 亿 (core's FEN_PER_YI; a migration stays fixed whatever core becomes)

/** The grouping keys of a rollup row, in the primary key's order. */
export const KEYS = ['year', 'month', 'region_code', 'category', 'levels', 'nature', 'industry', 'size_tier'];

/**
 * Each measure of a rollup row: what one project on the year's list contributes as of month `mo`, over `p`
 * (projects), `a` (its plan), `g` (its progress, may be null), `s` (completed and started as of the month).
 * The same definitions as core's computeFigures and stats.repository.ts's metric predicates.
 */
export const MEASURES: Record<string, string> = {
  projects: '1',
  total_investment: 'p.total_investment::numeric',
  annual_plan: 'a.planned_investment::numeric',
  planned_new_starts: 'a.planned_new_start::int',
  started: 's.started::int',
  started_planned_new: '(s.started and a.planned_new_start)::int',
  completed: 's.completed',
  month_completed: 'coalesce(g.monthly_completed[mo.month], 0)::numeric',
  in_production: 's.in_production::int',
  in_production_total: 'case when s.in_production then p.total_investment::numeric else 0 end',
  expected: 's.expected::int',
  expected_total: 'case when s.expected then p.total_investment::numeric else 0 end',
  over_plan_150: '(a.planned_investment > 0 and s.completed * 2 > a.planned_investment::numeric * 3)::int',
  unlocated: '(p.longitude is null or p.latitude is null)::int',
};
const COUNT_MEASURES = new Set([
  'projects',
  'planned_new_starts',
  'started',
  'started_planned_new',
  'in_production',
  'expected',
  'over_plan_150',
  'unlocated',
]);

/** The project attributes a rollup row depends on: an update that changes none of them changes no figure. */
const PROJECT_COLUMNS = [
  'region_code',
  'category',
  'levels',
  'industry',
  'total_investment',
  'longitude',
  'latitude',
  'actual_completion_date',
  'planned_completion_date',
  'deleted_at',
];

/**
 * The contributions of the (project, plan, progress) rows of a FROM clause that binds `p`, `a` and `g`, times a
 * sign. Completions as of month k are the running sum of the progress row's months; a start counts once reported
 * by the month and on or before its last day (reserve projects never start).
 */
export const CONTRIBUTION = `
  select a.year, mo.month, p.region_code, p.category, p.levels, a.nature, coalesce(p.industry, 'none') as industry,
    case when p.total_investment >= ${50n * YI} then 'ge50yi' when p.total_investment >= ${10n * YI} then 'ge10yi'
      when p.total_investment >= ${YI} then 'ge1yi' else 'lt1yi' end as size_tier,
    ${Object.entries(MEASURES)
      .map(([name, expression]) => `%2$s * ${expression} as ${name}`)
      .join(',\n    ')}
  from %1$s
  cross join lateral (select array_agg(c order by i) as cumulative from (select i, sum(v) over (order by i) as c
    from unnest(g.monthly_completed) with ordinality u(v, i)) running) cu
  cross join lateral (select m as month, m as counted,
    (make_date(a.year, m, 1) + interval '1 month' - interval '1 day')::date as as_of from generate_series(1, 12) m) mo
  cross join lateral (select coalesce(cu.cumulative[mo.counted], 0)::numeric as completed,
    a.nature <> 'reserve' and coalesce(g.started_by_month[mo.counted] <= mo.as_of, false) as started,
    coalesce(p.actual_completion_date between make_date(a.year, 1, 1) and mo.as_of, false) as in_production,
    coalesce((p.actual_completion_date is null or p.actual_completion_date > mo.as_of)
      and p.planned_completion_date > mo.as_of and p.planned_completion_date <= make_date(a.year, 12, 31), false)
      as expected) s
  where p.deleted_at is null`;

/** Adds the contributions of a union of CONTRIBUTION selects to the rollup, in key order (no lock-order deadlock). */
const UPSERT = `
  insert into stats_rollup as r (${KEYS.join(', ')}, ${Object.keys(MEASURES).join(', ')})
  select ${KEYS.join(', ')}, ${Object.keys(MEASURES)
    .map((name) => `sum(${name})${COUNT_MEASURES.has(name) ? '::int' : ''}`)
    .join(', ')}
  from (%s) c group by ${KEYS.join(', ')} order by ${KEYS.join(', ')}
  on conflict (${KEYS.join(', ')}) do update set ${Object.keys(MEASURES)
    .map((name) => `${name} = r.${name} + excluded.${name}`)
    .join(', ')}`;

/** SQL text as a dollar-quoted literal (the texts hold quotes, and no `$t$`). */
export const literal = (text: string) => `$t$${text}$t$`;

/** A FROM clause binding p, a, g: plans `plans` of `projects`, with progress rows `progress` (null when none). */
const from = (projects: string, plans: string, progress: string, keys = '') =>
  `${keys}${plans} a join ${projects} p on p.id = a.project_id
   left join ${progress} g on g.project_id = a.project_id and g.year = a.year`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const counts = Object.keys(MEASURES)
    .map((name) => `${name} ${COUNT_MEASURES.has(name) ? 'integer' : 'numeric'} not null default 0`)
    .join(',\n      ');
  await sql
    .raw(
      `create table stats_rollup (
      year smallint not null,
      month smallint not null check (month between 1 and 12),
      region_code text not null,
      category text not null,
      levels text[] not null,
      nature text not null,
      industry text not null,
      size_tier text not null,
      ${counts},
      primary key (${KEYS.join(', ')})
    )`,
    )
    .execute(db);
  // `format` placeholders: %1$s the FROM clause, %2$s the sign.
  await sql
    .raw(
      `create function kp_rollup_contribution(from_clause text, sign integer) returns text language sql immutable
      as $$ select format(${literal(CONTRIBUTION)}, from_clause, sign) $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function kp_rollup_upsert(contributions text) returns text language sql immutable
      as $$ select format(${literal(UPSERT)}, contributions) $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function kp_rollup_rebuild(target_year integer) returns void language plpgsql as $$
    begin
      delete from stats_rollup where year = target_year;
      execute kp_rollup_upsert(kp_rollup_contribution(
        ${literal(from('projects', '(select * from annual_plans where year = $1)', 'project_year_progress'))}, 1))
        using target_year;
    end $$`,
    )
    .execute(db);

  // The statement-level trigger of projects, plans and progress: minus the old rows' contributions, plus the new.
  const none = (table: string) => `(select * from ${table} where false)`;
  const changedProjects = `(select o.id from old_rows o join new_rows n on n.id = o.id
    where (${PROJECT_COLUMNS.map((c) => `o.${c}`).join(', ')}) is distinct from (${PROJECT_COLUMNS.map((c) => `n.${c}`).join(', ')}))`;
  // The plans of the progress rows changed (progress without a plan counts nowhere).
  const plansOf = (rows: string) =>
    `(select ka.* from annual_plans ka where (ka.project_id, ka.year) in (select project_id, year from ${rows}))`;
  const contribution = (fromClause: string, sign: number) => `kp_rollup_contribution(${literal(fromClause)}, ${sign})`;
  await sql
    .raw(
      `create function kp_rollup_track() returns trigger language plpgsql as $$
    declare
      minus text;
      plus text;
    begin
      -- An inserted progress row replaces "no progress" for its plan; a deleted one leaves it.
      if tg_table_name = 'project_year_progress' and tg_op = 'INSERT' then
        minus := ${contribution(from('projects', plansOf('new_rows'), none('project_year_progress')), -1)};
        plus := ${contribution(from('projects', plansOf('new_rows'), 'new_rows'), 1)};
      elsif tg_table_name = 'project_year_progress' and tg_op = 'UPDATE' then
        minus := ${contribution(from('projects', plansOf('old_rows'), 'old_rows'), -1)};
        plus := ${contribution(from('projects', plansOf('new_rows'), 'new_rows'), 1)};
      elsif tg_table_name = 'project_year_progress' then
        minus := ${contribution(from('projects', plansOf('old_rows'), 'old_rows'), -1)};
        plus := ${contribution(from('projects', plansOf('old_rows'), none('project_year_progress')), 1)};
      elsif tg_table_name = 'annual_plans' then
        minus := case when tg_op <> 'INSERT' then ${contribution(from('projects', 'old_rows', 'project_year_progress'), -1)} end;
        plus := case when tg_op <> 'DELETE' then ${contribution(from('projects', 'new_rows', 'project_year_progress'), 1)} end;
      else
        minus := ${contribution(from(`(select * from old_rows where id in ${changedProjects})`, 'annual_plans', 'project_year_progress'), -1)};
        plus := ${contribution(from(`(select * from new_rows where id in ${changedProjects})`, 'annual_plans', 'project_year_progress'), 1)};
      end if;
      execute kp_rollup_upsert(concat_ws(' union all ', minus, plus));
      return null;
    end $$`,
    )
    .execute(db);
  // Inserted projects have no plan yet; a hard delete is subtracted while its plans and progress are still there.
  for (const table of ['project_year_progress', 'annual_plans', 'projects']) {
    const events = table === 'projects' ? ['update'] : ['insert', 'update', 'delete'];
    for (const event of events) {
      const referencing =
        event === 'insert'
          ? 'new table as new_rows'
          : event === 'delete'
            ? 'old table as old_rows'
            : 'old table as old_rows new table as new_rows';
      await sql
        .raw(
          `create trigger kp_rollup_${event} after ${event} on ${table} referencing ${referencing}
          for each statement execute function kp_rollup_track()`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create function kp_rollup_forget_project() returns trigger language plpgsql as $$
    begin
      execute kp_rollup_upsert(${contribution(from('(select * from projects where id = $1)', 'annual_plans', 'project_year_progress'), -1)})
        using old.id;
      return old;
    end $$`,
    )
    .execute(db);
  await sql`create trigger kp_rollup_forget before delete on projects for each row execute function kp_rollup_forget_project()`.execute(
    db,
  );
  await sql`select kp_rollup_rebuild(year) from (select distinct year from annual_plans) y`.execute(db);
  await sql`select kp_track_data_version('stats_rollup')`.execute(db);
  // The map's largest projects, read in order (a scope's top points without sorting every project).
  await sql`create index projects_total_investment on projects (total_investment desc, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index projects_total_investment`.execute(db);
  for (const table of ['project_year_progress', 'annual_plans', 'projects']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists kp_rollup_${event} on ${table}`).execute(db);
    }
  }
  await sql`drop trigger kp_rollup_forget on projects`.execute(db);
  await sql`drop function kp_rollup_forget_project()`.execute(db);
  await sql`drop function kp_rollup_track()`.execute(db);
  await sql`drop function kp_rollup_rebuild(integer)`.execute(db);
  await sql`drop function kp_rollup_upsert(text)`.execute(db);
  await sql`drop function kp_rollup_contribution(text, integer)`.execute(db);
  await sql`drop table stats_rollup`.execute(db);
}
