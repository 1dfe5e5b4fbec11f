/** What a write left behind, for tests: the rows of a table, and the audit rows that record changes. */
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

/** The rows of a table (deleted ones too): "a refused import wrote nothing" compares this before and after. */
export async function rowCount(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
