/**
 * The dashboard as of a date inside a month starts from the rollup of the month end that counts the same months and
 * corrects it by the projects whose completion, planned completion or counted start falls between the two dates
 * (stats.repository.ts `windowProjects`). Finding them read every project and every year-progress row of the year:
 * ~35 ms each at 50,000 projects, twice per date. With these indexes a window of a few weeks is ~2 ms and ~6 ms;
 * the starts are looked up by any date of the window among a progress row's dates (a superset of the projects whose
 * counted start lies in it, which the statement then narrows).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index projects_actual_completion on projects (actual_completion_date)`.execute(db);
  await sql`create index projects_planned_completion on projects (planned_completion_date)`.execute(db);
  await sql`create index project_year_progress_starts on project_year_progress using gin (started_by_month)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index project_year_progress_starts`.execute(db);
  await sql`drop index projects_planned_completion`.execute(db);
  await sql`drop index projects_actual_completion`.execute(db);
}
