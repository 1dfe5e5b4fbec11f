/**
 * One shape of an account (user.presenter.ts): the session's user (sign-in, GET /auth/me) is the administrators'
 * account (GET /users) minus its state, and the audit trail's snapshot holds the same identity and scope fields,
 * never the password hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema, userListOutput, type CurrentUser, type UserOutput } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createOrganization, createTestUser, signIn, type Client, type TestUser } from '../../../test/factories.ts';

let ctx: TestContext;
let owner: TestUser;
let ownerClient: Client;
let sysadmin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602', name: '呈现测试单位有限公司' });
  owner = await createTestUser(ctx.db, 'owner', { organizationId: org });
  ownerClient = await signIn(ctx.app, owner);
  sysadmin = await signIn(ctx.app, await createTestUser(ctx.db, 'system_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

async function accountOf(username: string): Promise<UserOutput> {
  const response = await sysadmin.request({ method: 'GET', url: `/api/v1/users?q=${username}` });
  expect(response.statusCode, response.body).toBe(200);
  const account = userListOutput.parse(response.json()).items.find((item) => item.username === username);
  if (!account) throw new Error(`${username} is not listed`);
  return account;
}

describe('the account presenter', () => {
  it('gives the session the same user as the administrators see, without the account state', async () => {
    const me = await ownerClient.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode, me.body).toBe(200);
    const user: CurrentUser = sessionSchema.parse(me.json()).user;
    const account = await accountOf(owner.username);
    expect(user).toEqual({
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      regionCode: account.regionCode,
      regionName: account.regionName,
      organizationId: account.organizationId,
      organizationName: '呈现测试单位有限公司',
    });
    expect(Object.keys(me.json<{ user: object }>().user).sort()).toEqual(Object.keys(user).sort());
  });

  it('keeps identity, scope and state in the audit snapshot of a change, never the hash', async () => {
    const renamed = await sysadmin.request({
      method: 'PATCH',
      url: `/api/v1/users/${owner.id}`,
      payload: { displayName: '改过的名字' },
    });
    expect(renamed.statusCode, renamed.body).toBe(204);
    const row = await ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(owner.id))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    const account = await accountOf(owner.username);
    expect(row.after).toEqual({
      username: account.username,
      displayName: '改过的名字',
      role: account.role,
      regionCode: account.regionCode,
      organizationId: account.organizationId,
      disabled: account.disabled,
      mustChangePassword: account.mustChangePassword,
    });
    expect(row.before).toMatchObject({ displayName: '测试owner' });
    expect(JSON.stringify(row)).not.toMatch(/scrypt|password_hash|passwordHash/);
  });
});
