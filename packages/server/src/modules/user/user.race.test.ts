/**
 * Races on accounts, on PostgreSQL (PGlite has one connection, so nothing runs at once there): several
 * creations of the same username at the same moment give one account and field errors, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
let ctx: TestContext;
let sys: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  sys = await signIn(ctx.app, await createTestUser(ctx.db, 'system_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

describe.skipIf(!onPostgres)('account races', () => {
  it('creates one account when the same username is sent eight times at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sys.request({
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: 'race.staff', displayName: `竞争${i}`, role: 'district_staff', regionCode: '230602' },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
    for (const refused of responses.filter((r) => r.statusCode === 400))
      expect(refused.json()).toMatchObject({ error: { fields: { username: '用户名已存在' } } });
    const rows = await ctx.db.selectFrom('users').select('id').where('username', '=', 'race.staff').execute();
    expect(rows).toHaveLength(1);
    const audits = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'user')
      .where('action', '=', 'create')
      .where('entity_id', '=', String(rows[0]?.id))
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('answers a field error when another transaction takes the username between the check and the insert', async () => {
    const create = () =>
      sys.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'held.staff', displayName: '被占用', role: 'district_staff', regionCode: '230602' },
      });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let settled = false;
    const pending = await ctx.db.transaction().execute(async (trx) => {
      // The username is inserted but not committed: the request's check cannot see it, its insert must wait.
      await trx
        .insertInto('users')
        .values({ username: 'held.staff', display_name: '占用', password_hash: 'x', role: 'owner' })
        .execute();
      const request = create().finally(() => (settled = true));
      await sleep(1500);
      expect(settled).toBe(false);
      return { request };
    });
    const response = await pending.request;
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: { username: '用户名已存在' } } });
  });
});
