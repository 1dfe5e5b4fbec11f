/**
 * Data integrity (issue #8): a project's year-to-date completions are the sum of up to twelve monthly amounts, each
 * of which may be as large as a BIGINT holds, so the sum is kept as NUMERIC (exact, unbounded) like every other sum
 * of money; the application turns it into an exact bigint.
 */
import { sql, type Kysely } from 'kysely';

/** Widens project_year_progress.completed_ytd to numeric. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table project_year_progress alter column completed_ytd type numeric`.execute(db);
}

/** Narrows it back (fails if a stored sum no longer fits a bigint). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table project_year_progress alter column completed_ytd type bigint`.execute(db);
}
