/**
 * The database's own 三员分立 rule (trigger users_separation, migration 2026120511), tried with raw SQL as a
 * script or a buggy endpoint would: role and scope changes need the transaction to declare the security
 * administrator (or the CLI), city-wide business roles are inserted only so, administrator roles only by the CLI.
 */
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, type TestUser } from '../../../test/factories.ts';

let ctx: TestContext;
let staff: TestUser;
let secadmin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  secadmin = await createTestUser(ctx.db, 'security_admin', { regionCode: '230600' });
});
afterAll(() => ctx.close());

let n = 0;
/** Runs raw SQL in one transaction, first declaring `actor` when given. */
const asActor = (actor: string | null, run: (trx: Transaction<DB>) => Promise<unknown>) =>
  ctx.db.transaction().execute(async (trx) => {
    if (actor !== null) await sql`select set_config('kp.actor_role', ${actor}, true)`.execute(trx);
    return run(trx);
  });
const insertUser = (role: string, region: string | null) => (trx: Transaction<DB>) =>
  sql`insert into users (username, display_name, password_hash, role, region_code)
      values (${`sqluser${(n += 1)}`}, 'x', 'x', ${role}, ${region})`.execute(trx);
const setRole = (id: number, role: string) => (trx: Transaction<DB>) =>
  sql`update users set role = ${role} where id = ${id}`.execute(trx);
const roleOf = async (id: number) =>
  (await ctx.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;

describe('the users_separation trigger', () => {
  it('refuses a role change unless the transaction declared the security administrator or the CLI', async () => {
    await expect(asActor(null, setRole(staff.id, 'city_admin'))).rejects.toThrow(/security administrator/);
    await expect(asActor('system_admin', setRole(staff.id, 'city_admin'))).rejects.toThrow(/security administrator/);
    expect(await roleOf(staff.id)).toBe('district_staff');
    await asActor('security_admin', setRole(staff.id, 'leader'));
    expect(await roleOf(staff.id)).toBe('leader');
    await asActor('cli', setRole(staff.id, 'district_staff'));
  });

  it('refuses a region or organisation change the same way, but lets other columns change', async () => {
    await expect(
      asActor(null, (trx) => sql`update users set region_code = '230600' where id = ${staff.id}`.execute(trx)),
    ).rejects.toThrow(/security administrator/);
    await asActor(null, (trx) =>
      sql`update users set display_name = '改名', disabled = false where id = ${staff.id}`.execute(trx),
    );
  });

  it('forgets the declaration when the transaction ends', async () => {
    await asActor('security_admin', () => Promise.resolve());
    await expect(
      ctx.db.updateTable('users').set({ role: 'city_admin' }).where('id', '=', staff.id).execute(),
    ).rejects.toThrow(/security administrator/);
  });

  it('inserts city-wide business roles only for the security administrator or the CLI', async () => {
    await asActor(null, insertUser('district_staff', '230602'));
    for (const role of ['city_admin', 'leader']) {
      await expect(asActor(null, insertUser(role, '230600'))).rejects.toThrow(/needs the security administrator/);
      await expect(asActor('system_admin', insertUser(role, '230600'))).rejects.toThrow(/needs the security/);
      await asActor('security_admin', insertUser(role, '230600'));
    }
  });

  it('gives and changes administrator roles only for the CLI', async () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      await expect(asActor('security_admin', insertUser(role, '230600'))).rejects.toThrow(/only by the CLI/);
      await expect(asActor('security_admin', setRole(staff.id, role))).rejects.toThrow(/only by the CLI/);
      await asActor('cli', insertUser(role, '230600'));
    }
    await expect(asActor('security_admin', setRole(secadmin.id, 'city_admin'))).rejects.toThrow(/only by the CLI/);
    expect(await roleOf(secadmin.id)).toBe('security_admin');
  });
});
