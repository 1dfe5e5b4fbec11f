/**
 * What the statistics read of the year-progress rows: the months counted as of a date, each project's progress as of
 * it, and the projects whose figures can differ between two dates that count the same months. Shared by the
 * statistics, the rollup's dates inside a month, the warnings, the rankings, the SPI and the map.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { StatOptions } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import type { StatScope } from './stats.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * How many months of the year count as of the date (core's "counted report": cut-off on or before the date):
 * every month before the date's month, and that month too once its cut-off has passed (or when it has no period).
 * A scalar subquery, so the database evaluates it once inside the statement that uses it.
 */
export function monthsCounted(options: StatOptions): RawBuilder<number> {
  const month = Number(options.asOf.slice(5, 7));
  return sql<number>`coalesce((select case when cutoff_date > ${options.asOf} then ${sql.lit(month - 1)}
    else ${sql.lit(month)} end from reporting_periods where year = ${options.year} and month = ${sql.lit(month)}),
    ${sql.lit(month)})`;
}

/**
 * Each project's progress as of the date, read from its year-progress row: the completions of the counted months
 * and the earliest start reported in them — no scan of the reports, whatever the date. The warnings' snapshot loader
 * reads a year's completed investment through it too, so a warning and the dashboard never disagree.
 */
export function progressQuery(db: Db, options: StatOptions) {
  const month = Number(options.asOf.slice(5, 7));
  const k = monthsCounted(options);
  // Only the date's own month depends on k (month − 1 or month), so the sum of the months before it is fixed.
  const before = Array.from({ length: month - 1 }, (_, i) => `coalesce(monthly_completed[${i + 1}], 0)::numeric`);
  const completed = sql.raw([...before, '0::numeric'].join(' + '));
  return db
    .selectFrom('project_year_progress')
    .select([
      'project_id',
      sql<string>`${completed} + case when ${k} = ${sql.lit(month)}
        then coalesce(monthly_completed[${sql.lit(month)}], 0)::numeric else 0 end`.as('completed'),
      // Index 0 (no month counted) is out of range and reads as null; slice [1:0] as an empty array.
      sql<string | null>`started_by_month[${k}]`.as('started_on'),
      sql<bigint[]>`coalesce(monthly_completed[1:${k}], '{}')`.as('monthly'),
    ])
    .where('year', '=', options.year);
}

/** The projects with a completion, planned completion or start counted as of the date inside the window. */
export function windowProjects(db: Db, scope: StatScope, options: StatOptions, { after, through }: DateWindow) {
  const inside = (column: RawBuilder<unknown>) => sql<boolean>`(${column} > ${after} and ${column} <= ${through})`;
  return scopedProjects(db, scope.actor)
    .select('projects.id')
    .where(
      sql<boolean>`${inside(sql`projects.actual_completion_date`)} or ${inside(sql`projects.planned_completion_date`)}`,
    )
    .union(
      db
        .selectFrom('project_year_progress')
        .select('project_id as id')
        .where('year', '=', options.year)
        // Any of the window's dates among the row's (the GIN index), then the counted month's.
        .where(
          sql<boolean>`started_by_month && array(select d::date from generate_series(${after}::date + 1,
          ${through}::date, interval '1 day') d)`,
        )
        .where(inside(sql`started_by_month[${monthsCounted(options)}]`)),
    );
}

/**
 * Two dates with the same months counted see a project alike unless its completion, planned completion or counted
 * start falls between them (after `after`, on or before `through`): the only projects whose figures can differ.
 */
export interface DateWindow {
  after: string;
  through: string;
}
