/**
 * Passwords (issue #8): the policy refuses common passwords and the username inside the password, the
 * change of one's own password ends the other sessions and is audited, and an account created by an
 * administrator or with an old password must change it before doing anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestUser, signIn, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createUser } from '../user/user.service.ts';
import { isCommonPassword, passwordProblem } from './password-policy.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the password policy', () => {
  it('refuses bundled common passwords case-insensitively and with trailing digits or symbols', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PassWord')).toBe(true);
    expect(isCommonPassword('Password2024!')).toBe(true);
    expect(isCommonPassword('Iloveyou123456!')).toBe(true);
    expect(isCommonPassword('Qwertyuiop1!')).toBe(true);
    expect(isCommonPassword('Xq7#mK2$vL9!pR')).toBe(false);
    expect(passwordProblem('Qwertyuiop1!', 'alice')).toBe('password.common');
  });

  it('refuses a password that contains the username, whatever the case', () => {
    expect(passwordProblem('Zhangwei.Daqing-2021', 'zhangwei')).toBe('password.containsUsername');
    expect(passwordProblem('Tq8!ZHANGWEIxx', 'zhangwei')).toBe('password.containsUsername');
    expect(passwordProblem('Tq8!mK2$vL9pRx', 'zhangwei')).toBeNull();
  });

  it('answers a common new password with a field-level message and changes nothing', async () => {
    const admin = await createTestUser(ctx.db, 'system_admin');
    const error = await createUser(ctx.db, null, {
      username: 'new.account',
      displayName: '新账号',
      password: 'Password2024!',
      role: 'system_admin',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, fields: { password: 'password.common' } });
    expect(await ctx.db.selectFrom('users').select('id').where('username', '=', 'new.account').execute()).toEqual([]);
    expect(admin.id).toBeGreaterThan(0);
  });
});

describe('changing one’s own password', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  });

  const change = (client: Awaited<ReturnType<typeof signIn>>, body: Record<string, string>, locale = 'zh') =>
    client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: body,
      headers: { 'accept-language': locale },
    });

  it('refuses a wrong current password, a weak, common or username-bearing new one, each by its field', async () => {
    const client = await signIn(ctx.app, user);
    const wrong = await change(client, { currentPassword: 'Not-The-Passw0rd', newPassword: 'Fresh-Secret-42x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { fields: { currentPassword: '当前密码不正确' } } });
    const common = await change(client, { currentPassword: TEST_PASSWORD, newPassword: 'Password2024!' }, 'en');
    expect(common.json()).toMatchObject({
      error: { fields: { newPassword: 'this password is too common and easy to guess; choose another' } },
    });
    const named = await change(client, { currentPassword: TEST_PASSWORD, newPassword: `X1!${user.username}Yz` });
    expect(named.json()).toMatchObject({ error: { fields: { newPassword: '密码不能包含用户名' } } });
    const weak = await change(client, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const same = await change(client, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json()).toMatchObject({ error: { fields: { newPassword: '新密码不能与当前密码相同' } } });
    // Nothing changed: the old password still signs in.
    await signIn(ctx.app, user);
  });

  it('changes the password, ends the other sessions but not this one, and audits it', async () => {
    const other = await signIn(ctx.app, user);
    const client = await signIn(ctx.app, user);
    const newPassword = 'Fresh-Secret-42x';
    const response = await change(client, { currentPassword: TEST_PASSWORD, newPassword });
    expect(response.statusCode).toBe(204);
    expect((await client.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(signIn(ctx.app, user)).rejects.toThrow(/login failed/);
    await signIn(ctx.app, { ...user, password: newPassword });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type'])
      .where('action', '=', 'password_change')
      .execute();
    expect(audit).toEqual([{ actor_id: user.id, entity_type: 'user' }]);
  });
});

describe('a forced password change', () => {
  const gatedCalls = async (client: Awaited<ReturnType<typeof signIn>>) => ({
    me: await client.request({ method: 'GET', url: '/api/v1/auth/me' }),
    projects: await client.request({ method: 'GET', url: '/api/v1/projects' }),
  });

  it('holds an account created by an administrator to /auth/me, /auth/password and /auth/logout until it changes its password', async () => {
    const admin = await createTestUser(ctx.db, 'system_admin', { regionCode: '230600' });
    const id = await createUser(ctx.db, actorOf(admin, 'system_admin', { regionCode: '230600' }), {
      username: 'first.login',
      displayName: '首次登录',
      password: TEST_PASSWORD,
      role: 'district_staff',
      regionCode: '230602',
    });
    const user = { id, username: 'first.login', password: TEST_PASSWORD };
    const client = await signIn(ctx.app, user);
    const before = await gatedCalls(client);
    expect(before.me.json()).toMatchObject({ passwordChangeRequired: true });
    expect(before.projects.statusCode).toBe(403);
    expect(before.projects.json()).toEqual({
      error: { code: 'passwordChangeRequired', message: '请先修改密码后再继续使用系统' },
    });
    const changed = await client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh-Secret-42x' },
    });
    expect(changed.statusCode).toBe(204);
    const after = await gatedCalls(client);
    expect(after.me.json()).toMatchObject({ passwordChangeRequired: false });
    expect(after.projects.statusCode).toBe(200);
  });

  it('does not force a change on accounts made by the CLI or the demo loader (actor null)', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const client = await signIn(ctx.app, user);
    expect((await gatedCalls(client)).projects.statusCode).toBe(200);
  });

  it('forces a change once the password is older than PASSWORD_MAX_AGE_DAYS (90 by default)', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const age = (days: number) =>
      ctx.db
        .updateTable('users')
        .set({ password_changed_at: new Date(Date.now() - days * 86_400_000) })
        .where('id', '=', user.id)
        .execute();
    await age(89);
    const client = await signIn(ctx.app, user);
    expect((await gatedCalls(client)).projects.statusCode).toBe(200);
    await age(91);
    const calls = await gatedCalls(client);
    expect(calls.me.json()).toMatchObject({ passwordChangeRequired: true });
    expect(calls.projects.json<{ error: { code: string } }>().error.code).toBe('passwordChangeRequired');
  });
});
