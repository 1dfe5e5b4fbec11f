/**
 * Session limits (issue #8): an absolute lifetime besides the idle timeout, and at most
 * MAX_SESSIONS_PER_USER live sessions per account (a new sign-in ends the oldest, audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_MAX_HOURS: '12', MAX_SESSIONS_PER_USER: '3' } });
});
afterAll(() => ctx.close());

const me = (client: Awaited<ReturnType<typeof signIn>>) => client.request({ method: 'GET', url: '/api/v1/auth/me' });

describe('session lifetime', () => {
  it('ends a session SESSION_MAX_HOURS after sign-in even while it is in use', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const client = await signIn(ctx.app, user);
    expect((await me(client)).statusCode).toBe(200);
    // Signed in 11 hours ago and active a minute ago: still live.
    await ctx.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 11 * 3_600_000) } as never)
      .where('user_id', '=', user.id)
      .execute();
    expect((await me(client)).statusCode).toBe(200);
    await ctx.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 12 * 3_600_000 - 60_000) } as never)
      .where('user_id', '=', user.id)
      .execute();
    expect((await me(client)).statusCode).toBe(401);
  });
});

describe('concurrent sessions', () => {
  it('keeps the three newest sessions of an account and audits each one a new sign-in ends', async () => {
    const user = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
    const clients = [];
    for (let i = 0; i < 5; i += 1) clients.push(await signIn(ctx.app, user));
    const answers = await Promise.all(clients.map(async (c) => (await me(c)).statusCode));
    expect(answers).toEqual([401, 401, 200, 200, 200]);
    const evictions = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('action', '=', 'session_evicted')
      .where('actor_id', '=', user.id)
      .execute();
    expect(evictions).toHaveLength(2);
    const live = await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(live).toHaveLength(3);
  });
});
