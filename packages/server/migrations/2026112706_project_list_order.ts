/**
 * The project list's default order (last changed first, ties by id) as an index over live projects, so each
 * keyset batch of an export continues with an index range scan instead of sorting every visible project
 * again (the list's first page reads the same index).
 */
import { sql, type Kysely } from 'kysely';

/** Adds projects_updated_at. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index projects_updated_at on projects (updated_at, id) where deleted_at is null`.execute(db);
}

/** Drops projects_updated_at. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index projects_updated_at`.execute(db);
}
