import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
const database = await openDatabase({ memory: true });
await migrateToLatest(database.db);
const db = database.db;
const payload = JSON.stringify(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, `值${i}-${'x'.repeat(15)}`])));
async function once(chain: boolean, perRow: boolean) {
  const t = performance.now();
  await db.transaction().execute(async (trx) => {
    if (!chain) await sql`alter table audit_log disable trigger audit_log_chain, disable trigger audit_log_advance_head`.execute(trx).catch(async () => {
      await sql`alter table audit_log disable trigger audit_log_chain`.execute(trx);
      await sql`alter table audit_log disable trigger audit_log_advance_head`.execute(trx);
    });
    if (!chain) await sql`select setval('audit_log_id_seq', (select coalesce(max(id),0)+1 from audit_log))`.execute(trx);
    if (perRow) {
      for (let i = 0; i < 2000; i += 1)
        await sql`insert into audit_log (id, prev_hash, hash, entity_type, entity_id, action, after) values (nextval('audit_log_id_seq'), '', '', 'project', ${String(i)}, 'create', ${payload}::jsonb)`.execute(trx);
    } else {
      await sql`insert into audit_log (id, prev_hash, hash, entity_type, entity_id, action, after)
        select nextval('audit_log_id_seq'), '', '', 'project', g::text, 'create', ${payload}::jsonb from generate_series(1, 10000) g`.execute(trx);
    }
    if (!chain) throw new Error('rollback');
  }).catch((e: unknown) => { if (!(e instanceof Error && e.message === 'rollback')) throw e; });
  return performance.now() - t;
}
for (const perRow of [false]) {
  const adv: number[] = [];
  for (let r = 0; r < 3; r += 1) {
    await sql`alter table audit_log disable trigger audit_log_advance_head`.execute(db);
    adv.push(await once(true, perRow));
    await sql`alter table audit_log enable trigger audit_log_advance_head`.execute(db);
  }
  console.log('chain without the deferred head trigger', adv.sort((x, y) => x - y)[1]!.toFixed(0));

  const on: number[] = [], off: number[] = [];
  for (let r = 0; r < 3; r += 1) { off.push(await once(false, perRow)); on.push(await once(true, perRow)); }
  const med = (a: number[]) => a.sort((x, y) => x - y)[1]!.toFixed(0);
  console.log(`${perRow ? '2,000 single-row INSERTs in one transaction' : 'one INSERT … SELECT of 10,000 rows'}: without chain ${med(off)} ms, with chain ${med(on)} ms`);
}
await database.close();
