/**
 * PostgreSQL only (CI's PostgreSQL pass): the role set-up of docs/postgres-roles.sql. An application role with
 * SELECT and INSERT on audit_log appends chained rows but is refused UPDATE, DELETE and TRUNCATE by the
 * grants; the owner (here the superuser that ran the migrations) is refused them by the triggers.
 */
import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { recordAudit } from './audit.repository.ts';
import { verifyAuditChain } from './audit.chain.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
const role = `kp_app_${randomBytes(4).toString('hex')}`;
let database: Database;

describe.skipIf(!onPostgres)('audit_log under an application role on PostgreSQL', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create role ${sql.id(role)} nologin`.execute(database.db);
    await sql`grant usage on schema public to ${sql.id(role)}`.execute(database.db);
    // What the default privileges of docs/postgres-roles.sql give, then part 2's revocations.
    await sql`grant select, insert, update, delete, truncate on all tables in schema public to ${sql.id(role)}`.execute(
      database.db,
    );
    await sql`revoke update, delete, truncate on audit_log from ${sql.id(role)}`.execute(database.db);
    await sql`revoke insert, update, delete, truncate on audit_chain_head from ${sql.id(role)}`.execute(database.db);
  }, 180_000);
  afterAll(async () => {
    await sql`drop owned by ${sql.id(role)}`.execute(database.db);
    await database.close();
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  /** Runs one statement as the application role, in a transaction of its own. */
  const asApp = (statement: RawBuilder<unknown>) =>
    database.db.transaction().execute(async (trx) => {
      await sql`set local role ${sql.id(role)}`.execute(trx);
      await statement.execute(trx);
    });

  it('lets the application role append chained rows', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local role ${sql.id(role)}`.execute(trx);
      await recordAudit(
        trx,
        { ip: '10.0.0.2', userAgent: 'app' },
        { entityType: 'project', entityId: '1', action: 'update' },
      );
      await recordAudit(trx, null, { entityType: 'project', entityId: '2', action: 'update' });
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ status: 'intact', rows: 2 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application role by its grants', async () => {
    await expect(asApp(sql`update audit_log set ip = null`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from audit_log`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`truncate audit_log`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`update audit_chain_head set last_id = 0`)).rejects.toThrow(/permission denied/);
  });

  it('refuses them to the owner by the triggers', async () => {
    await expect(sql`update audit_log set ip = null`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(database.db)).toMatchObject({ status: 'intact', rows: 2 });
  });
});
