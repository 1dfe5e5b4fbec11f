/**
 * The audit trail's integrity: TRUNCATE/UPDATE/DELETE refused, rows chained by SHA-256 in id order (also for
 * a bulk INSERT … SELECT as the ledger import writes, and for concurrent writers), and verifyAuditChain naming
 * the first row changed or removed by someone who bypassed the triggers (a superuser).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { recordAudit, type AuditActor } from './audit.repository.ts';
import { verifyAuditChain } from './audit.chain.ts';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
}, 180_000);
afterAll(() => database.close());

const system: AuditActor = { username: 'x', ip: '10.0.0.1', userAgent: 'ua' };

async function append(n: number, prefix = 'e') {
  for (let i = 0; i < n; i += 1)
    await recordAudit(db, system, {
      entityType: 'project',
      entityId: `${prefix}${i}`,
      action: 'update',
      after: { i, s: 'ä\n"\u001b' },
    });
}

/** Changes the table as a superuser would: with its triggers switched off for one statement. */
async function tamper(statement: RawBuilder<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger user`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger user`.execute(trx);
  });
}

const idsInOrder = async () =>
  (await db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => String(r.id));

describe('the audit chain', () => {
  it('refuses TRUNCATE, UPDATE and DELETE on audit_log', async () => {
    await append(1, 'guard');
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await idsInOrder()).toHaveLength(1);
  });

  it('links every row to the previous one in id order and verifies as intact', async () => {
    await append(5);
    const rows = await db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    expect(rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact', rows: rows.length });
  });

  it('chains concurrent writers in one order', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await recordAudit(trx, system, { entityType: 'project', entityId: `c${i}`, action: 'update' });
          await recordAudit(trx, system, { entityType: 'project', entityId: `c${i}b`, action: 'update' });
        }),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact' });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'refuses to chain from a REPEATABLE READ snapshot older than the head instead of forking',
    async () => {
      await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`select count(*) from projects`.execute(trx);
          await recordAudit(db, system, { entityType: 'project', entityId: 'rc', action: 'update' });
          await expect(
            recordAudit(trx, system, { entityType: 'project', entityId: 'rr', action: 'update' }),
          ).rejects.toThrow(/serialize/);
        })
        .catch(() => undefined);
      expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact' });
    },
  );

  it('chains the rows of one INSERT … SELECT in the order selected', async () => {
    await sql`insert into audit_log (entity_type, entity_id, action, after)
      select 'project', s.n::text, 'create', jsonb_build_object('n', s.n)
      from generate_series(1, 50) s(n) order by s.n desc`.execute(db);
    const last = await db.selectFrom('audit_log').select(['entity_id']).orderBy('id', 'desc').limit(2).execute();
    expect(last.map((r) => r.entity_id)).toEqual(['1', '2']);
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact' });
  });

  it('names the first changed row, the row after a removed one, and a removed last row', async () => {
    const ids = await idsInOrder();
    const [, , , fourth = '', fifth = '', , seventh = '', eighth = ''] = ids;
    await tamper(sql`update audit_log set ip = '10.9.9.9' where id = ${fourth}::bigint`);
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'broken', rowId: fourth, reason: 'changed' });
    await tamper(sql`update audit_log set ip = '10.0.0.1' where id = ${fourth}::bigint`);
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact' });

    const saved = await sql<{
      j: string;
    }>`select to_jsonb(a)::text as j from audit_log a where id = ${fifth}::bigint`.execute(db);
    await tamper(sql`update audit_log set after = '{"i": 99}'::jsonb where id = ${fifth}::bigint`);
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'broken', rowId: fifth, reason: 'changed' });
    await tamper(sql`delete from audit_log where id = ${fifth}::bigint`);
    await tamper(
      sql`insert into audit_log select * from jsonb_populate_record(null::audit_log, ${saved.rows[0]?.j}::jsonb)`,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ status: 'intact' });

    await tamper(sql`delete from audit_log where id = ${seventh}::bigint`);
    expect(await verifyAuditChain(db)).toMatchObject({
      status: 'broken',
      rowId: eighth,
      reason: 'previous_missing_or_changed',
    });
  });

  it('detects a removed last row through the chain head', async () => {
    const fresh = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i += 1)
        await recordAudit(fresh.db, null, { entityType: 'project', entityId: String(i), action: 'create' });
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ status: 'intact', rows: 3 });
      await fresh.db.transaction().execute(async (trx) => {
        await sql`alter table audit_log disable trigger user`.execute(trx);
        await sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(trx);
        await sql`alter table audit_log enable trigger user`.execute(trx);
      });
      expect(await verifyAuditChain(fresh.db)).toMatchObject({
        status: 'broken',
        rowId: null,
        reason: 'head_mismatch',
      });
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
