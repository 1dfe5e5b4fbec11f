/**
 * The data version (migration 2026121032_data_version): raised by every commit that writes business data; and the
 * auth version (2026121221_auth_version): raised by every commit that could end or change a session.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The current data version, as of the caller's snapshot. */
export async function readDataVersion(db: Kysely<DB>): Promise<bigint> {
  const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
  return row.version;
}

/** Both versions in one round trip: what a signed-in request checks its cached session and answer against. */
export async function readVersions(db: Kysely<DB>): Promise<{ data: bigint; auth: bigint }> {
  return db
    .selectFrom('data_version as d')
    .crossJoin('auth_version as a')
    .select(['d.version as data', 'a.version as auth'])
    .executeTakeFirstOrThrow();
}
