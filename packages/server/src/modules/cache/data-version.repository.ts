/**
 * The data version (migration 2026121032_data_version): raised by every commit that writes business data.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The current data version, as of the caller's snapshot. */
export async function readDataVersion(db: Kysely<DB>): Promise<bigint> {
  const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
  return row.version;
}
