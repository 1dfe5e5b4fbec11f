/**
 * The cost of the audit hash chain (migration 2026120512_audit_chain): audit rows written with the chain's
 * triggers on, and the same rows with them off (rolled back, so the chain stays intact), back to back in one
 * process on embedded PGlite in memory — one INSERT … SELECT of 10,000 rows as the ledger import writes them,
 * and 2,000 single-row INSERTs in one transaction as the services write them. Medians of three.
 * `npm run bench:audit-chain -w @keyprojects/bench`
 */
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';

const database = await openDatabase({ memory: true });
await migrateToLatest(database.db);
const db: Kysely<DB> = database.db;
// An audit snapshot of about the size a project's is (40 fields).
const payload = JSON.stringify(
  Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${String(i)}`, `值${String(i)}-${'x'.repeat(15)}`])),
);

class Rollback extends Error {}

async function timed(chain: boolean, bulk: boolean): Promise<number> {
  const start = performance.now();
  await db
    .transaction()
    .execute(async (trx) => {
      if (!chain) {
        await sql`alter table audit_log disable trigger audit_log_chain`.execute(trx);
        await sql`alter table audit_log disable trigger audit_log_advance_head`.execute(trx);
      }
      // Without the trigger the row needs its id and hashes from the statement (placeholders, rolled back).
      if (bulk) {
        await sql`insert into audit_log (id, prev_hash, hash, entity_type, entity_id, action, after)
          select nextval('audit_log_id_seq'), '', '', 'project', g::text, 'create', ${payload}::jsonb
          from generate_series(1, 10000) g`.execute(trx);
      } else {
        for (let i = 0; i < 2000; i += 1) {
          await sql`insert into audit_log (id, prev_hash, hash, entity_type, entity_id, action, after)
            values (nextval('audit_log_id_seq'), '', '', 'project', ${String(i)}, 'create', ${payload}::jsonb)`.execute(
            trx,
          );
        }
      }
      if (!chain) throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
for (const [label, bulk] of [
  ['one INSERT … SELECT of 10,000 audit rows', true],
  ['2,000 single-row audit INSERTs in one transaction', false],
] as const) {
  const off: number[] = [];
  const on: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    off.push(await timed(false, bulk));
    on.push(await timed(true, bulk));
  }
  console.log(
    `${label.padEnd(52)} chain off ${median(off).toFixed(0)} ms, chain on ${median(on).toFixed(0)} ms ` +
      `(${(median(on) / median(off)).toFixed(2)}×)`,
  );
}
await database.close();
