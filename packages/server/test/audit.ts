/** Audit-trail helpers for tests. */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';

/**
 * The number of audit rows that record changes — without the security events (refused requests, exports and
 * imports), which a refused request writes on purpose: "a refused import wrote nothing" counts these.
 */
export async function changeAuditRows(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .where('entity_type', 'not in', ['request', 'transfer'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
