/**
 * The inbox: each user reads and marks only their own notices (another's answers 404 and stays unread), pages
 * unread first or newest first, and the bell's count follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { notify } from './notification.repository.ts';

let ctx: TestContext;
let alice: Client;
let bob: Client;

type Page = { items: { id: number; title: string; readAt: string | null }[]; total: number; unread: number };

beforeAll(async () => {
  ctx = await createTestContext();
  alice = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  bob = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  for (let n = 1; n <= 5; n += 1) {
    await notify(ctx.db, [alice.user.id], {
      kind: 'test',
      title: `通知${n}`,
      body: `内容${n}`,
      link: `/problems/${n}`,
      entityType: 'problem',
      entityId: n,
      createdOn: TEST_TODAY,
    });
  }
  await notify(ctx.db, [bob.user.id], {
    kind: 'test',
    title: '给乙的通知',
    body: '乙',
    link: null,
    entityType: null,
    entityId: null,
    createdOn: TEST_TODAY,
  });
}, 60_000);

afterAll(() => ctx.close());

const page = async (client: Client, query = '') =>
  (await client.request({ method: 'GET', url: `/api/v1/notifications${query}` })).json<Page>();
const unread = async (client: Client) =>
  (await client.request({ method: 'GET', url: '/api/v1/notifications/unread-count' })).json<{ unread: number }>()
    .unread;

describe('the inbox', () => {
  it('lists only the user’s own notices, newest first, a page at a time', async () => {
    const first = await page(alice, '?order=newest&pageSize=2');
    expect(first).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2 });
    expect(first.items.map((i) => i.title)).toEqual(['通知5', '通知4']);
    const third = await page(alice, '?order=newest&pageSize=2&page=3');
    expect(third.items.map((i) => i.title)).toEqual(['通知1']);
    expect((await page(bob)).items.map((i) => i.title)).toEqual(['给乙的通知']);
    expect(await unread(alice)).toBe(5);
  });

  it('marks one read, then lists unread first', async () => {
    const target = (await page(alice, '?order=newest')).items[0];
    if (!target) throw new Error('no notice');
    const marked = await alice.request({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect(await unread(alice)).toBe(4);
    const list = await page(alice);
    expect(list.items.at(-1)?.id).toBe(target.id);
    expect(list.items.slice(0, 4).every((i) => i.readAt === null)).toBe(true);
  });

  it('answers 404 for another user’s notice and leaves it unread', async () => {
    const bobs = (await page(bob)).items[0];
    if (!bobs) throw new Error('no notice');
    const response = await alice.request({ method: 'POST', url: `/api/v1/notifications/${bobs.id}/read` });
    expect(response.statusCode).toBe(404);
    expect(await unread(bob)).toBe(1);
    expect((await alice.request({ method: 'POST', url: '/api/v1/notifications/999999/read' })).statusCode).toBe(404);
  });

  it('refuses a bad id or page with 400', async () => {
    expect((await alice.request({ method: 'POST', url: '/api/v1/notifications/abc/read' })).statusCode).toBe(400);
    expect((await alice.request({ method: 'GET', url: '/api/v1/notifications?pageSize=1000' })).statusCode).toBe(400);
    expect((await alice.request({ method: 'GET', url: '/api/v1/notifications?order=random' })).statusCode).toBe(400);
  });

  it('marks all read, only the user’s own', async () => {
    const response = await alice.request({ method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(response.json()).toEqual({ marked: 4 });
    expect(await unread(alice)).toBe(0);
    expect(await unread(bob)).toBe(1);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).statusCode).toBe(401);
  });
});
