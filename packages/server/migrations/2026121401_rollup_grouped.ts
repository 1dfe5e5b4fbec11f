/**
 * The rollup's contributions grouped before they are spread over the twelve months (issue #14 item 4). Each plan
 * contributed one row per month, so a ledger import of 10,000 new projects built and grouped 120,000 rows inside its
 * plans' insert (~2.5 s of a 7 s commit on PostgreSQL 15). A plan's contribution depends only on its grouping keys,
 * its progress arrays, whether it starts new, its plan (for the 150 % flag, and only when it has progress) and the
 * months its actual and planned completion dates fall in: dates compared only with month ends can be cut to their
 * month, and dates outside the plan's year to "before" and "after" it. Plans alike in all of these are summed first
 * (counts, total investment, plan) and the months expanded from those sums: the same figures from a few hundred
 * rows when the plans have no progress yet, which is what an import writes. `stats.rollup.test.ts` holds the rollup
 * to core's formulas and to a rebuild from scratch.
 *
 * A bulk writer may also take its new plans into the rollup once, after its last chunk, instead of once per insert:
 * with `kp.rollup_deferred` on in its transaction the plans' insert trigger stands aside and the writer calls
 * `kp_rollup_add_plans(project ids)` before anything else reads or changes those plans' rollup rows (the ledger
 * import: 10,000 plans spread over 965 groups per chunk of 2,000, ~3,500 once taken together).
 */
import { sql, type Kysely } from 'kysely';
import { CONTRIBUTION, KEYS, MEASURES, YI, literal } from './2026121211_stats_rollup.ts';

/** The plans' insert trigger as 2026121211 made it, and with the bulk writer's switch. */
const PLANS_INSERT_TRIGGER = `create trigger kp_rollup_insert after insert on annual_plans
  referencing new table as new_rows for each statement`;
const DEFERRED = `current_setting('kp.rollup_deferred', true) is distinct from 'on'`;

/** A date cut to its month's first day, or to the month before or after the plan's year when outside it. */
const monthOf = (column: string) => `case when ${column} < make_date(a.year, 1, 1) then make_date(a.year - 1, 12, 1)
      when ${column} > make_date(a.year, 12, 31) then make_date(a.year + 1, 1, 1)
      else date_trunc('month', ${column})::date end`;

/** The plans alike in everything a contribution reads, summed. */
const SHAPE = {
  year: 'a.year',
  region_code: 'p.region_code',
  category: 'p.category',
  levels: 'p.levels',
  nature: 'a.nature',
  industry: `coalesce(p.industry, 'none')`,
  size_tier: `case when p.total_investment >= ${50n * YI} then 'ge50yi' when p.total_investment >= ${10n * YI}
      then 'ge10yi' when p.total_investment >= ${YI} then 'ge1yi' else 'lt1yi' end`,
  planned_new_start: 'a.planned_new_start',
  monthly_completed: 'g.monthly_completed',
  started_by_month: 'g.started_by_month',
  // The plan matters per plan only beside progress (the 150 % flag); without progress nothing is completed.
  plan_key: 'case when g.monthly_completed is null then 0 else a.planned_investment::numeric end',
  completion_month: monthOf('p.actual_completion_date'),
  planned_completion_month: monthOf('p.planned_completion_date'),
};

/** What a group of `x.n` alike plans contributes as of month `mo`, given `s` (their completed and started). */
const GROUPED_MEASURES: Record<keyof typeof MEASURES, string> = {
  projects: 'x.n',
  total_investment: 'x.total_investment',
  annual_plan: 'x.annual_plan',
  planned_new_starts: 'x.n * x.planned_new_start::int',
  started: 'x.n * s.started::int',
  started_planned_new: 'x.n * (s.started and x.planned_new_start)::int',
  completed: 'x.n * s.completed',
  month_completed: 'x.n * coalesce(x.monthly_completed[mo.month], 0)::numeric',
  in_production: 'x.n * s.in_production::int',
  in_production_total: 'case when s.in_production then x.total_investment else 0 end',
  expected: 'x.n * s.expected::int',
  expected_total: 'case when s.expected then x.total_investment else 0 end',
  over_plan_150: 'x.n * (x.plan_key > 0 and s.completed * 2 > x.plan_key * 3)::int',
  unlocated: 'x.unlocated',
};

// `format` placeholders as before: %1$s the FROM clause binding p, a and g, %2$s the sign.
const GROUPED = `
  select ${KEYS.map((k) => (k === 'month' ? 'mo.month' : `x.${k}`)).join(', ')},
    ${Object.entries(GROUPED_MEASURES)
      .map(([name, expression]) => `%2$s * ${expression} as ${name}`)
      .join(',\n    ')}
  from (
    select ${Object.entries(SHAPE)
      .map(([name, expression]) => `${expression} as ${name}`)
      .join(',\n      ')},
      count(*) as n, sum(p.total_investment::numeric) as total_investment,
      sum(a.planned_investment::numeric) as annual_plan,
      count(*) filter (where p.longitude is null or p.latitude is null) as unlocated
    from %1$s
    where p.deleted_at is null
    group by ${Object.keys(SHAPE)
      .map((_, i) => i + 1)
      .join(', ')}
  ) x
  cross join lateral (select array_agg(c order by i) as cumulative from (select i, sum(v) over (order by i) as c
    from unnest(x.monthly_completed) with ordinality u(v, i)) running) cu
  cross join lateral (select m as month,
    (make_date(x.year, m, 1) + interval '1 month' - interval '1 day')::date as as_of from generate_series(1, 12) m) mo
  cross join lateral (select coalesce(cu.cumulative[mo.month], 0)::numeric as completed,
    x.nature <> 'reserve' and coalesce(x.started_by_month[mo.month] <= mo.as_of, false) as started,
    coalesce(x.completion_month between make_date(x.year, 1, 1) and mo.as_of, false) as in_production,
    coalesce((x.completion_month is null or x.completion_month > mo.as_of)
      and x.planned_completion_month > mo.as_of and x.planned_completion_month <= make_date(x.year, 12, 31), false)
      as expected) s`;

const define = (text: string) =>
  sql.raw(`create or replace function kp_rollup_contribution(from_clause text, sign integer) returns text
    language sql immutable as $$ select format(${literal(text)}, from_clause, sign) $$`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await define(GROUPED).execute(db);
  await sql`drop trigger kp_rollup_insert on annual_plans`.execute(db);
  await sql.raw(`${PLANS_INSERT_TRIGGER} when (${DEFERRED}) execute function kp_rollup_track()`).execute(db);
  // The plans of these projects, all years, added as the insert trigger would have added them.
  const plansOf = `(select * from annual_plans where project_id = any($1)) a join projects p on p.id = a.project_id
    left join project_year_progress g on g.project_id = a.project_id and g.year = a.year`;
  await sql
    .raw(
      `create function kp_rollup_add_plans(project_ids integer[]) returns void language plpgsql as $$
      begin
        execute kp_rollup_upsert(kp_rollup_contribution(${literal(plansOf)}, 1))
          using project_ids;
      end $$`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function kp_rollup_add_plans(integer[])`.execute(db);
  await sql`drop trigger kp_rollup_insert on annual_plans`.execute(db);
  await sql.raw(`${PLANS_INSERT_TRIGGER} execute function kp_rollup_track()`).execute(db);
  await define(CONTRIBUTION).execute(db);
}
