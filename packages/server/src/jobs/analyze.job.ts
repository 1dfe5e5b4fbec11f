/**
 * Refreshes the planner's statistics. A PostgreSQL server has autovacuum for this; embedded PGlite has none, and
 * without fresh statistics the planner misjudges freshly loaded tables by orders of magnitude.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const schedule = { everyMs: 6 * 60 * 60 * 1000, runAtStart: true };

export async function run(deps: { db: Kysely<DB> }): Promise<{ analyzed: true }> {
  await sql`analyze`.execute(deps.db);
  return { analyzed: true };
}
