/**
 * Answers that don't change aren't recomputed (issue #14 item 2): the data version every business write raises in
 * the database, the dashboard's and drill list's answers kept under it with their ETags, and a write through one
 * app instance seen at once by another instance that had kept the old answer.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTRACKED_TABLES } from '../../../migrations/2026121032_data_version.ts';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import {
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
  type TestUser,
} from '../../../test/factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { readDataVersion } from './data-version.repository.ts';

let ctx: TestContext;
let other: FastifyInstance;
let staff: TestUser;
let onFirst: Client;
let onSecond: Client;
let projectId: number;

const DASHBOARD = `/api/v1/stats/dashboard?asOf=${TEST_TODAY}`;
const totalOf = (body: string) =>
  (JSON.parse(body) as { figures: { totalInvestment: string } }).figures.totalInvestment;

beforeAll(async () => {
  ctx = await createTestContext();
  // A second instance of the app on the same database, as behind a load balancer.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist: '/nonexistent' };
  other = await buildApp({ db: ctx.db, config, clock: fixedClock(TEST_TODAY), demoAccounts: [] });
  await other.ready();
  const owner = await createOrganization(ctx.db, { name: '缓存测试有限公司' });
  staff = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  onFirst = await signIn(ctx.app, staff);
  onSecond = await signIn(other, staff);
  const created = await onFirst.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(owner) });
  expect(created.statusCode).toBe(201);
  projectId = created.json<{ id: number }>().id;
});
afterAll(async () => {
  await other.close();
  await ctx.close();
});

describe('the data version', () => {
  it('is raised once by a transaction that writes many rows, and not by reading or signing in', async () => {
    const before = await readDataVersion(ctx.db);
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) {
        await sql`update projects set updated_at = now() where id = ${projectId}`.execute(trx);
      }
    });
    expect(await readDataVersion(ctx.db)).toBe(before + 1n);
    await onFirst.request({ method: 'GET', url: '/api/v1/projects' });
    await signIn(ctx.app, staff);
    expect(await readDataVersion(ctx.db)).toBe(before + 1n);
  });

  it('is raised by every table holding business data: each is tracked or listed as untracked', async () => {
    const rows = await sql<{ table: string; tracked: boolean }>`
      select c.relname as "table", exists (
        select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'kp_data_version'
      ) as tracked
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema()`.execute(ctx.db);
    const untracked: readonly string[] = UNTRACKED_TABLES;
    const unclassified = rows.rows.filter((r) => !r.tracked && !untracked.includes(r.table)).map((r) => r.table);
    expect(unclassified).toEqual([]);
    const trackedButListed = rows.rows.filter((r) => r.tracked && untracked.includes(r.table)).map((r) => r.table);
    expect(trackedButListed).toEqual([]);
  });
});

describe('cached answers', () => {
  it('serves the same answer with its ETag, and 304 to a client that holds it', async () => {
    const first = await onFirst.request({ method: 'GET', url: DASHBOARD });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[0-9a-z]+-[\w-]+"$/);
    const again = await onFirst.request({ method: 'GET', url: DASHBOARD });
    expect([again.body, again.headers.etag]).toEqual([first.body, etag]);
    const held = await onFirst.request({ method: 'GET', url: DASHBOARD, headers: { 'if-none-match': String(etag) } });
    expect([held.statusCode, held.body]).toEqual([304, '']);
    // Another question has another tag.
    const drill = await onFirst.request({ method: 'GET', url: `/api/v1/stats/projects?asOf=${TEST_TODAY}` });
    expect(drill.statusCode).toBe(200);
    expect(drill.headers.etag).not.toBe(etag);
  });

  it('recomputes on every instance after a write through one of them', async () => {
    const before = await onSecond.request({ method: 'GET', url: DASHBOARD });
    const etag = String(before.headers.etag);
    const patched = await onFirst.request({
      method: 'PATCH',
      url: `/api/v1/projects/${String(projectId)}`,
      headers: { 'if-match': `"${String((await currentVersion()) ?? 1)}"` },
      payload: { totalInvestment: '20000' },
    });
    expect(patched.statusCode).toBe(200);
    const after = await onSecond.request({ method: 'GET', url: DASHBOARD, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(totalOf(after.body)).not.toBe(totalOf(before.body));
    // Both instances give the one current answer.
    expect(after.body).toBe((await onFirst.request({ method: 'GET', url: DASHBOARD })).body);
  });

  it('keeps scopes apart: another district never meets this district’s answer', async () => {
    const elsewhere = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
    const mine = await onFirst.request({ method: 'GET', url: DASHBOARD });
    const theirs = await elsewhere.request({ method: 'GET', url: DASHBOARD });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    expect(JSON.parse(theirs.body)).toMatchObject({ figures: { projects: 0 } });
    expect(JSON.parse(mine.body)).toMatchObject({ figures: { projects: 1 } });
  });
});

describe('the project list', () => {
  const LIST = '/api/v1/projects?sort=totalInvestment&order=desc';

  it('has an ETag, 304 while the data stands, and a new answer on every instance after a write', async () => {
    const first = await onSecond.request({ method: 'GET', url: LIST });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    const held = await onSecond.request({ method: 'GET', url: LIST, headers: { 'if-none-match': etag } });
    expect([held.statusCode, held.body]).toEqual([304, '']);
    const patched = await onFirst.request({
      method: 'PATCH',
      url: `/api/v1/projects/${String(projectId)}`,
      headers: { 'if-match': `"${String((await currentVersion()) ?? 1)}"` },
      payload: { name: '缓存测试项目（改名）' },
    });
    expect(patched.statusCode).toBe(200);
    const after = await onSecond.request({ method: 'GET', url: LIST, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toContain('缓存测试项目（改名）');
  });

  it('sends a kept answer compressed as the client accepts, the same JSON as uncompressed', async () => {
    const plain = await onFirst.request({ method: 'GET', url: DASHBOARD });
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const packed = await onFirst.request({ method: 'GET', url: DASHBOARD, headers: { 'accept-encoding': accept } });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(decode(packed.rawPayload).toString('utf8')).toBe(plain.body);
    }
  });
});

async function currentVersion(): Promise<number | undefined> {
  const row = await ctx.db.selectFrom('projects').select('version').where('id', '=', projectId).executeTakeFirst();
  return row?.version;
}
