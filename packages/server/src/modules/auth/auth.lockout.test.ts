/**
 * Sign-in throttling (issue #8): parallel guesses share one count in the database, an unknown name is
 * answered and locked exactly like a known one, one address cannot spray many names, and each outcome
 * leaves an audit row with the client's address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestUser, type TestUser } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { IP_MAX_FAILURES, MAX_FAILED_LOGINS } from './login-throttle.ts';

let ctx: TestContext;
let addressCounter = 0;
/** Each test signs in from its own address, so the per-address limit of one test does not touch another. */
const newAddress = () => `10.0.0.${(addressCounter += 1)}`;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'user-agent': 'lockout-test' },
    payload: { username, password },
  });

const statuses = (responses: LightMyRequestResponse[]) =>
  responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }), {});

async function auditRows(action: string, entityId: string | number) {
  return ctx.db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_username', 'ip', 'user_agent', 'action', 'entity_id'])
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .execute();
}

describe('parallel password guessing', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  });

  it('evaluates at most five of 30 simultaneous guesses, locks the account, and refuses the right password then', async () => {
    const address = newAddress();
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(user.username, `Wrong-Guess-${i}!`, address)),
    );
    const counts = statuses(guesses);
    console.log('30 parallel wrong guesses answered', counts);
    expect(counts[401]).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(counts[429]).toBeGreaterThanOrEqual(30 - MAX_FAILED_LOGINS);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(30);

    // From another address, so that the per-address limit (which these 30 also used up) is not what answers.
    const right = await attempt(user.username, user.password, newAddress());
    expect(right.statusCode).toBe(429);
    expect(right.json()).toEqual({ error: { code: 'locked', message: '登录失败次数过多，请稍后再试' } });
    expect(right.cookies.find((c) => c.name === 'kp_session')).toBeUndefined();

    expect(await auditRows('account_locked', user.id)).toHaveLength(1);
    const locked = await auditRows('login_locked', user.id);
    expect(locked.length).toBe((counts[429] ?? 0) + 1);
    expect(locked[0]).toMatchObject({ ip: address, user_agent: 'lockout-test', actor_username: user.username });
  }, 120_000);

  it('lets the account in again once the lock has run out', async () => {
    const other = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const address = newAddress();
    for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await attempt(other.username, 'Wrong-Guess-00!', address);
    expect((await attempt(other.username, other.password, address)).statusCode).toBe(429);
    // The lock's end, moved into the past as time would.
    await ctx.db
      .updateTable('login_attempts')
      .set({ locked_until: new Date(Date.now() - 1000), updated_at: new Date(Date.now() - 16 * 60_000) })
      .where('username', '=', other.username)
      .execute();
    expect((await attempt(other.username, other.password, address)).statusCode).toBe(200);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const other = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const address = newAddress();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) await attempt(other.username, 'Wrong-Guess-00!', address);
    expect((await attempt(other.username, other.password, address)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) await attempt(other.username, 'Wrong-Guess-00!', address);
    expect((await attempt(other.username, other.password, address)).statusCode).toBe(200);
  });
});

describe('unknown usernames', () => {
  it('answers an unknown name exactly as a known name with a wrong password', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const known = await attempt(user.username, 'Wrong-Guess-00!', newAddress());
    const unknown = await attempt('nobody-here', 'Wrong-Guess-00!', newAddress());
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
  });

  it('locks an unknown name after five failures like a known one', async () => {
    const address = newAddress();
    const answers: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i += 1)
      answers.push((await attempt('ghost.account', 'Wrong-Guess-00!', address)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(await auditRows('account_locked', 'ghost.account')).toHaveLength(1);
  });

  it('records a failed sign-in for an unknown name with its address and user agent', async () => {
    const address = newAddress();
    await attempt('who-is-this', 'Wrong-Guess-00!', address);
    expect(await auditRows('login_failed', 'who-is-this')).toEqual([
      {
        actor_id: null,
        actor_username: null,
        ip: address,
        user_agent: 'lockout-test',
        action: 'login_failed',
        entity_id: 'who-is-this',
      },
    ]);
  });

  it('spends about the same time on an unknown name as on a known one (ratio printed, not asserted)', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const time = async (username: string) => {
      const started = performance.now();
      for (let i = 0; i < 4; i += 1) {
        // A fresh address and name suffix per round keep the lock and the address limit out of the measurement.
        await attempt(username, `Wrong-Guess-${i}!`, newAddress());
      }
      return performance.now() - started;
    };
    const knownMs = await time(user.username);
    const unknownMs = await time('unknown.person');
    console.log(
      `login timing: known ${(knownMs / 4).toFixed(1)} ms, unknown ${(unknownMs / 4).toFixed(1)} ms, ratio known/unknown ${(knownMs / unknownMs).toFixed(2)}`,
    );
    expect(knownMs).toBeGreaterThan(0);
  }, 120_000);
});

describe('many names from one address', () => {
  /** Puts `failures` failed sign-ins on the address's current window, as earlier requests would have. */
  async function failuresSoFar(address: string, failures: number) {
    await attempt('first-failure', 'Wrong-Guess-00!', address);
    await ctx.db.updateTable('login_rate').set({ attempts: failures }).where('ip', '=', address).execute();
  }

  it('throttles an address after its failures, whatever names it tries, and not another address', async () => {
    const address = newAddress();
    await failuresSoFar(address, IP_MAX_FAILURES - 5);
    const sprayed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(`spray${i}`, 'Wrong-Guess-00!', address)),
    );
    const counts = statuses(sprayed);
    expect(counts).toEqual({ 401: 5, 429: 5 });
    const throttled = sprayed.find((r) => r.statusCode === 429);
    expect(throttled?.json()).toEqual({
      error: { code: 'rateLimited', message: '该网络地址登录尝试过多，请稍后再试' },
    });
    const audited = await ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'login_throttled')
      .where('ip', '=', address)
      .execute();
    expect(audited).toHaveLength(5);

    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    expect((await attempt(user.username, user.password, address)).statusCode).toBe(429);
    expect((await attempt(user.username, user.password, newAddress())).statusCode).toBe(200);
  }, 120_000);

  it('does not count successful sign-ins against the address', async () => {
    const address = newAddress();
    await failuresSoFar(address, IP_MAX_FAILURES - 1);
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    for (let i = 0; i < 3; i += 1) expect((await attempt(user.username, user.password, address)).statusCode).toBe(200);
    expect((await attempt('not-a-user', 'Wrong-Guess-00!', address)).statusCode).toBe(401);
    expect((await attempt('not-a-user', 'Wrong-Guess-00!', address)).statusCode).toBe(429);
  }, 120_000);
});
