/**
 * TOTP second factor (issue #8): enrolment confirmed by a code, the seed stored encrypted, sign-in in two
 * steps, a used code refused, code guessing locked like password guessing, and (when MFA_ENFORCE is on)
 * the administrators held to enrolment before anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn, type Client, type TestUser } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { MAX_FAILED_LOGINS } from './login-throttle.ts';
import { openSeed, totpCode } from './totp.ts';
import { loadConfig } from '../../config.ts';

const STEP_MS = 30_000;

async function enrol(client: Client) {
  const started = await client.request({ method: 'POST', url: '/api/v1/auth/mfa/enrol' });
  expect(started.statusCode).toBe(200);
  const { secret, uri } = started.json<{ secret: string; uri: string }>();
  const confirmed = await client.request({
    method: 'POST',
    url: '/api/v1/auth/mfa/confirm',
    payload: { code: totpCode(secret) },
  });
  expect(confirmed.statusCode).toBe(204);
  return { secret, uri };
}

function passwordStep(ctx: TestContext, user: TestUser) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
}

function codeStep(ctx: TestContext, challenge: string, code: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login/code', payload: { challenge, code } });
}

describe('with MFA not enforced (the demo and development)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('signs an administrator without a factor in with the password alone', async () => {
    const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
    const client = await signIn(ctx.app, admin);
    const me = await client.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json()).toMatchObject({ mfaEnrollmentRequired: false, mfaEnabled: false });
  });

  it('enrols with a server-made seed, stores it encrypted, and then asks for a code at sign-in', async () => {
    const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
    const client = await signIn(ctx.app, admin);
    const { secret, uri } = await enrol(client);
    expect(uri).toMatch(/^otpauth:\/\/totp\/KeyProjects:/);
    expect(uri).toContain(`secret=${secret}`);
    const stored = await ctx.db
      .selectFrom('user_totp')
      .select(['secret_encrypted', 'enabled_at'])
      .where('user_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(secret);
    expect(stored.enabled_at).not.toBeNull();
    const config = loadConfig({});
    expect(openSeed(config.secretKey, admin.id, stored.secret_encrypted)).toBe(secret);
    // Bound to its user: the same ciphertext does not open for another account.
    expect(() => openSeed(config.secretKey, admin.id + 1, stored.secret_encrypted)).toThrow();

    const first = await passwordStep(ctx, admin);
    expect(first.statusCode).toBe(200);
    const body = first.json<{ mfaRequired: boolean; challenge: string }>();
    expect(body.mfaRequired).toBe(true);
    expect(first.cookies.find((c) => c.name === 'kp_session')).toBeUndefined();

    const code = totpCode(secret, Date.now() + STEP_MS);
    const second = await codeStep(ctx, body.challenge, code);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ user: { id: admin.id }, mfaEnabled: true });
    expect(second.cookies.find((c) => c.name === 'kp_session')).toBeDefined();

    // The same code again, with a fresh challenge: refused as a replay.
    const again = await passwordStep(ctx, admin);
    const replay = await codeStep(ctx, again.json<{ challenge: string }>().challenge, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<{ error: { message: string } }>().error.message).toBe('动态口令不正确或已使用');
    // A used challenge does not open a second session.
    expect((await codeStep(ctx, body.challenge, totpCode(secret, Date.now() + 2 * STEP_MS))).statusCode).toBe(401);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', admin.id)
      .where('action', 'in', ['mfa_enrolled', 'mfa_failed'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['mfa_enrolled', 'mfa_failed']);
  });

  it('refuses a wrong confirmation code and leaves the factor unconfirmed', async () => {
    const admin = await createTestUser(ctx.db, 'security_admin');
    const client = await signIn(ctx.app, admin);
    await client.request({ method: 'POST', url: '/api/v1/auth/mfa/enrol' });
    const wrong = await client.request({
      method: 'POST',
      url: '/api/v1/auth/mfa/confirm',
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { fields: { code: '动态口令不正确或已使用' } } });
    const malformed = await client.request({
      method: 'POST',
      url: '/api/v1/auth/mfa/confirm',
      payload: { code: '12ab' },
    });
    expect(malformed.statusCode).toBe(400);
    expect((await passwordStep(ctx, admin)).json()).toMatchObject({ user: { id: admin.id } });
  });

  it('refuses to replace a confirmed factor from a session', async () => {
    const admin = await createTestUser(ctx.db, 'audit_admin');
    const client = await signIn(ctx.app, admin);
    await enrol(client);
    const again = await client.request({ method: 'POST', url: '/api/v1/auth/mfa/enrol' });
    expect(again.statusCode).toBe(400);
  });

  it('locks the account after five wrong codes, like five wrong passwords', async () => {
    const admin = await createTestUser(ctx.db, 'system_admin');
    const { secret } = await enrol(await signIn(ctx.app, admin));
    const challenge = (await passwordStep(ctx, admin)).json<{ challenge: string }>().challenge;
    const answers: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) answers.push((await codeStep(ctx, challenge, '000000')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    expect((await passwordStep(ctx, admin)).statusCode).toBe(429);
    const fresh = await codeStep(ctx, challenge, totpCode(secret, Date.now() + STEP_MS));
    expect(fresh.statusCode).toBe(401);
  });
});

describe('with MFA_ENFORCE on (production)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { MFA_ENFORCE: 'true' } });
  });
  afterAll(() => ctx.close());

  it('holds an administrator without a factor to enrolment, then lets it work', async () => {
    const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
    const client = await signIn(ctx.app, admin);
    const me = await client.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json()).toMatchObject({ mfaEnrollmentRequired: true });
    const blocked = await client.request({ method: 'GET', url: '/api/v1/projects' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('mfaEnrollmentRequired');
    await enrol(client);
    expect((await client.request({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(200);
  });

  it('does not ask business roles other than the city administrator for a factor', async () => {
    const staff = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const client = await signIn(ctx.app, staff);
    expect((await client.request({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(200);
  });

  it('defaults to enforced in production and not otherwise', () => {
    // What production mode needs to start at all: its own secret and Secure cookies.
    const production = { SECRET_KEY: 'k'.repeat(40), COOKIE_SECURE: 'true' };
    expect(loadConfig({ ...production, NODE_ENV: 'production' }).mfaEnforce).toBe(true);
    expect(loadConfig({ ...production, KP_ENV: 'production' }).mfaEnforce).toBe(true);
    expect(loadConfig({ ...production, NODE_ENV: 'production', MFA_ENFORCE: 'false' }).mfaEnforce).toBe(false);
    expect(loadConfig({}).mfaEnforce).toBe(false);
  });
});
