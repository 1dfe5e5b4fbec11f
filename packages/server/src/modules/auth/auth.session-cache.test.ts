/**
 * Sessions cached per instance (issue #14 item 3): a revoked session stops working at once on every instance,
 * because the revocation raises the auth version in the shared database; what only time decides is trusted for
 * at most SESSION_CACHE_TTL_MS. Two app instances on one database, as behind a load balancer.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { readVersions } from '../cache/data-version.repository.ts';
import { declareActorRole } from '../user/user.repository.ts';
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.ts';
import { touchSession, type SessionUser } from './session.repository.ts';

let ctx: TestContext;
let other: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' };
  other = await buildApp({ db: ctx.db, config, clock: fixedClock(TEST_TODAY), demoAccounts: [] });
  await other.ready();
});
afterAll(async () => {
  await other.close();
  await ctx.close();
});

/** The same browser session sent to the other instance. */
const onOther = (client: Client) => (options: InjectOptions) =>
  other.inject({
    ...options,
    headers: { cookie: `kp_session=${client.session.cookie}`, 'x-csrf-token': client.session.csrf },
  });
const ME = { method: 'GET', url: '/api/v1/auth/me' } as const;

/** Signs in on the first instance and has the other instance look the session up (and keep it). */
async function signedInOnBoth() {
  const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  const client = await signIn(ctx.app, user);
  const there = onOther(client);
  expect((await there(ME)).statusCode).toBe(200);
  expect((await there(ME)).statusCode).toBe(200);
  return { user, client, there };
}

describe('a revoked session, on another instance that had it cached', () => {
  it('stops working at once after signing out', async () => {
    const { client, there } = await signedInOnBoth();
    expect((await client.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await there(ME)).statusCode).toBe(401);
  });

  it('acts in the changed scope at once, and stops working at once when the account is disabled', async () => {
    const { user, there } = await signedInOnBoth();
    const SCOPE = { method: 'GET', url: '/api/v1/regions/scope' } as const;
    const before = (await there(SCOPE)).body;
    expect(before).toContain('230602');
    await ctx.db.transaction().execute(async (trx) => {
      await declareActorRole(trx, 'security_admin');
      await trx.updateTable('users').set({ region_code: '230603' }).where('id', '=', user.id).execute();
    });
    const after = (await there(SCOPE)).body;
    expect([after.includes('230603'), after.includes('230602')]).toEqual([true, false]);
    await ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    expect((await there(ME)).statusCode).toBe(401);
  });

  it('stops working at once when its lifetime is cut short in the database', async () => {
    const { user, there } = await signedInOnBoth();
    await ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await there(ME)).statusCode).toBe(401);
  });
});

describe('the auth version', () => {
  it('is not raised by signing in, by requests, or by sliding a session’s expiry forward', async () => {
    const { client } = await signedInOnBoth();
    const before = await readVersions(ctx.db);
    await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
    await client.request(ME);
    const session = await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', client.user.id).execute();
    await touchSession(ctx.db, session[0]?.id ?? '', 480);
    expect((await readVersions(ctx.db)).auth).toBe(before.auth);
  });
});

describe('the cache', () => {
  const session = { sessionId: 's1', userId: 1 } as SessionUser;

  it('trusts an entry for less than the TTL and only under the auth version it was found under', () => {
    let now = 1_000_000;
    const cache = new SessionCache(SESSION_CACHE_TTL_MS, () => now);
    cache.set(session, 7n);
    expect(cache.get('s1', 7n)).toBe(session);
    expect(cache.get('s1', 8n)).toBeUndefined();
    cache.set(session, 7n);
    now += SESSION_CACHE_TTL_MS - 1;
    expect(cache.get('s1', 7n)).toBe(session);
    now += 1;
    expect(cache.get('s1', 7n)).toBeUndefined();
  });
});
