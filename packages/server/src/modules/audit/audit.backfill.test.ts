/**
 * The chain migration on a database that already has an audit trail: the existing rows are chained in id order,
 * and rows written afterwards by the trigger continue that chain.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { MIGRATIONS, migrateToLatest } from '../../db/migrate.ts';
import { recordAudit } from './audit.repository.ts';
import { verifyAuditChain } from './audit.chain.ts';

const database = await openDatabase({ memory: true });
afterAll(() => database.close());

describe('the audit chain migration', () => {
  it('chains the rows written before it and continues after them', async () => {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '2026120512'));
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: () => Promise.resolve(before) } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    for (let i = 0; i < 30; i += 1) {
      await sql`insert into audit_log (entity_type, entity_id, action, after, ip)
        values ('project', ${String(i)}, 'update', ${JSON.stringify({ i, text: '旧记录\n' })}::jsonb, '10.0.0.1')`.execute(
        database.db,
      );
    }
    expect(await migrateToLatest(database.db)).toContain('2026120512_audit_chain');
    expect(await verifyAuditChain(database.db)).toMatchObject({ status: 'intact', rows: 30, lastId: '30' });
    await recordAudit(database.db, null, { entityType: 'project', entityId: 'new', action: 'create' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ status: 'intact', rows: 31, lastId: '31' });
  }, 120_000);
});
