/**
 * The users table keeps no sign-in lock of its own: since the auth hardening the failures and the lock live per
 * username in login_attempts, and migration 2026120601 drops the two dead columns (its down() brings them back).
 */
import { Migrator, sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrate.ts';
import { createTestDatabase } from '../../../test/database.ts';

const database = await createTestDatabase();
afterAll(() => database.close());

async function userColumns(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = 'users'`.execute(db);
  return rows.map((row) => row.column_name);
}

describe('the users table', () => {
  it('has no failed_logins or locked_until column (the lock lives in login_attempts)', async () => {
    const columns = await userColumns(database.db);
    expect(columns).toContain('username');
    expect(columns).not.toContain('failed_logins');
    expect(columns).not.toContain('locked_until');
  });

  it('gets the two columns back when the migration is rolled back, and loses them again', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
    expect((await migrator.migrateTo('2026120513_workflow_integrity')).error).toBeUndefined();
    expect(await userColumns(database.db)).toEqual(expect.arrayContaining(['failed_logins', 'locked_until']));
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await userColumns(database.db)).not.toContain('locked_until');
  });
});
