/**
 * The review desk's batch decisions, filing progress and reminders (issue #12): a batch decides each report as a
 * single decision would (state, scope, four eyes, version) with one audit row each, lists refusals without stopping;
 * the progress SQL agrees with core's rule; reminders go once per owner, period and day. The race of two batches
 * needs real concurrency, so it runs on PostgreSQL only (DATABASE_URL); PGlite serialises every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingProgress, REPORT_BATCH_MAX, type ReportBatchResult, type ReportReminderResult } from '@keyprojects/core';
import {
  actorOf,
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
} from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { filingCounts, filingRows } from './report-desk.repository.ts';

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const A = '230602';
const B = '230603';

let ctx: TestContext;
let orgA: number;
let orgB: number;
let ownerA: Client;
let ownerB: Client;
let staffA: Client;
let staffB: Client;
let city: Client;
let city2: Client;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  orgA = await createOrganization(ctx.db, { regionCode: A });
  orgB = await createOrganization(ctx.db, { regionCode: B });
  [ownerA, ownerB, staffA, staffB, city, city2] = await Promise.all([
    createTestUser(ctx.db, 'owner', { organizationId: orgA }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: orgB }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: A }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: B }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
  ]);
});
afterAll(() => ctx.close());

/** A project of the 2021 list in the staff's district, named so that a text filter can find it. */
async function newProject(staff: Client, org: number, region: string, name: string): Promise<number> {
  const response = await staff.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: buildProject(org, { regionCode: region, name: `${name}${Math.random().toString(36).slice(2, 8)}` }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

const url = (projectId: number, month: number) => `/api/v1/projects/${projectId}/reports/2021/${month}`;
async function submit(client: Client, projectId: number, month: number) {
  const response = await client.request({
    method: 'PUT',
    url: url(projectId, month),
    payload: { completedThisMonth: '100', submit: true },
  });
  expect(response.statusCode, response.body).toBe(200);
}
async function decide(client: Client, projectId: number, month: number, decision: 'approve' | 'confirm') {
  const response = await client.request({
    method: 'POST',
    url: `${url(projectId, month)}/review`,
    payload: { decision },
  });
  expect(response.statusCode, response.body).toBe(200);
}
const batch = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/reports/batch-review', payload: { year: 2021, ...payload } });

async function reportOf(projectId: number, month: number) {
  return ctx.db
    .selectFrom('monthly_reports')
    .select(['id', 'state', 'version'])
    .where('project_id', '=', projectId)
    .where('year', '=', 2021)
    .where('month', '=', month)
    .executeTakeFirstOrThrow();
}
async function auditCount(reportId: number, action: string) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', 'report')
    .where('entity_id', '=', String(reportId))
    .where('action', '=', action as never)
    .execute();
  return rows.length;
}

describe('batch confirm of the desk filter', () => {
  it('confirms every approved report matching the filter, one audit row each, and leaves others alone', async () => {
    const month = 1;
    const ids = [
      await newProject(staffA, orgA, A, '批量甲'),
      await newProject(staffA, orgA, A, '批量甲'),
      await newProject(staffA, orgA, A, '其他'),
    ];
    const submittedOnly = await newProject(staffA, orgA, A, '批量甲');
    for (const id of [...ids, submittedOnly]) await submit(ownerA, id, month);
    for (const id of ids) await decide(staffA, id, month, 'approve');
    const response = await batch(city, { month, decision: 'confirm', filter: { regionCode: A, q: '批量甲' } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ReportBatchResult>();
    expect(result).toMatchObject({ decision: 'confirm', total: 2, decided: 2, refused: 0 });
    expect(result.items.map((i) => i.projectId).sort()).toEqual(ids.slice(0, 2).sort());
    for (const id of ids.slice(0, 2)) {
      const report = await reportOf(id, month);
      expect(report.state).toBe('confirmed');
      expect(await auditCount(report.id, 'confirm')).toBe(1);
    }
    expect((await reportOf(ids[2] ?? 0, month)).state).toBe('approved');
    expect((await reportOf(submittedOnly, month)).state).toBe('submitted');
  });

  it('lists mixed refusals with their reasons without stopping the others', async () => {
    const month = 2;
    const [ok, waiting, stale, selfFiled, empty] = [
      await newProject(staffA, orgA, A, '混合'),
      await newProject(staffA, orgA, A, '混合'),
      await newProject(staffA, orgA, A, '混合'),
      await newProject(staffA, orgA, A, '混合'),
      await newProject(staffA, orgA, A, '混合'),
    ] as const;
    for (const id of [ok, waiting, stale]) await submit(ownerA, id, month);
    await submit(city, selfFiled, month); // the city filed it on the owner's behalf: it may not confirm it
    for (const id of [ok, stale, selfFiled]) await decide(staffA, id, month, 'approve');
    const staleVersion = (await reportOf(stale, month)).version - 1;
    const response = await batch(city, {
      month,
      decision: 'confirm',
      items: [
        { projectId: ok, version: (await reportOf(ok, month)).version },
        { projectId: waiting },
        { projectId: stale, version: staleVersion },
        { projectId: selfFiled },
        { projectId: empty },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ReportBatchResult>();
    expect(result).toMatchObject({ total: 5, decided: 1, refused: 4 });
    const byId = new Map(result.items.map((item) => [item.projectId, item]));
    expect(byId.get(ok)).toMatchObject({ outcome: 'decided', state: 'confirmed' });
    expect(byId.get(waiting)).toMatchObject({ outcome: 'refused', code: 'conflict' });
    expect(byId.get(stale)).toMatchObject({ outcome: 'refused', code: 'conflict' });
    expect(byId.get(selfFiled)).toMatchObject({ outcome: 'refused', code: 'forbidden' });
    expect(byId.get(selfFiled)?.reason).toContain('本人提交');
    expect(byId.get(empty)).toMatchObject({ outcome: 'refused', code: 'notFound' });
    expect((await reportOf(stale, month)).state).toBe('approved');
    expect(await auditCount((await reportOf(selfFiled, month)).id, 'confirm')).toBe(0);
  });

  it('refuses a batch past the cap with a field-level 400, and a batch with neither selection nor filter', async () => {
    const items = Array.from({ length: REPORT_BATCH_MAX + 1 }, (_, i) => ({ projectId: i + 1 }));
    const tooMany = await batch(city, { month: 3, decision: 'confirm', items });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ error: { fields: Record<string, string> } }>().error.fields.items).toContain('500');
    const neither = await batch(city, { month: 3, decision: 'confirm' });
    expect(neither.statusCode).toBe(400);
  });
});

describe('scope of a batch', () => {
  it('lets a district decide none of another district’s reports, naming none of them', async () => {
    const month = 3;
    const id = await newProject(staffA, orgA, A, '他区');
    await submit(ownerA, id, month);
    const response = await batch(staffB, { month, decision: 'approve', items: [{ projectId: id }] });
    expect(response.statusCode).toBe(200);
    expect(response.json<ReportBatchResult>().items).toEqual([
      expect.objectContaining({
        position: 1,
        projectId: null,
        projectName: null,
        outcome: 'refused',
        code: 'notFound',
      }),
    ]);
    expect((await reportOf(id, month)).state).toBe('submitted');
    const outside = await batch(staffB, { month, decision: 'approve', filter: { regionCode: A } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ error: { code: string } }>().error.code).toBe('validation');
    const own = await batch(staffB, { month, decision: 'approve', filter: {} });
    expect(own.json<ReportBatchResult>().items.map((i) => i.projectId)).not.toContain(id);
    const ownerTry = await batch(ownerA, { month, decision: 'approve', items: [{ projectId: id }] });
    expect(ownerTry.statusCode).toBe(403);
  });
});

describe.runIf(ON_POSTGRES)('racing batches on PostgreSQL', () => {
  it('decides every report exactly once when two batches confirm the same filter at once', async () => {
    const month = 4;
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await newProject(staffB, orgB, B, '竞争'));
    for (const id of ids) await submit(ownerB, id, month);
    for (const id of ids) await decide(staffB, id, month, 'approve');
    const filter = { regionCode: B, q: '竞争' };
    const [first, second] = await Promise.all([
      batch(city, { month, decision: 'confirm', filter }),
      batch(city2, { month, decision: 'confirm', filter }),
    ]);
    const results = [first, second].map((r) => r.json<ReportBatchResult>());
    const decided = results.flatMap((r) => r.items.filter((i) => i.outcome === 'decided').map((i) => i.projectId));
    expect(decided.sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const report = await reportOf(id, month);
      expect(report.state).toBe('confirmed');
      expect(await auditCount(report.id, 'confirm')).toBe(1);
    }
  });
});

describe('filing progress', () => {
  it('counts per district and in total, and the SQL agrees with the core rule on the same rows', async () => {
    const month = 5;
    const a = [await newProject(staffA, orgA, A, '进度'), await newProject(staffA, orgA, A, '进度')];
    const b = await newProject(staffB, orgB, B, '进度');
    await submit(ownerA, a[0] ?? 0, month);
    await decide(staffA, a[0] ?? 0, month, 'approve');
    await submit(ownerB, b, month);
    // One submission well past the deadline (2021-06-05 for May) as the app saw it: late.
    await ctx.db
      .updateTable('monthly_reports')
      .set({ submitted_at: new Date('2021-06-07T03:00:00Z') })
      .where('project_id', '=', b)
      .execute();
    const asOf = { today: '2021-06-20' };
    const actor = actorOf(city.user, 'city_admin', { regionCode: '230600' });
    const selection = { year: 2021, month };
    const rows = await filingRows(ctx.db, actor, selection);
    const rule = filingProgress(rows, '2021-06-05', asOf.today);
    const counted = await filingCounts(ctx.db, actor, selection, { deadline: '2021-06-05', ...asOf });
    for (const region of counted) {
      const { regionCode: code, regionName: _name, ...figures } = region;
      expect(figures).toEqual(rule.regions.get(code));
    }
    expect(rule.total.late).toBeGreaterThanOrEqual(1);
    // The API runs on the context's date (2021-05-20): the submission stored later counts at that date, on time.
    const response = await city.request({ method: 'GET', url: `/api/v1/reports/progress?year=2021&month=${month}` });
    expect(response.statusCode, response.body).toBe(200);
    const progress = response.json<{ regions: { regionCode: string; expected: number }[]; total: object }>();
    expect(progress.total).toEqual(filingProgress(rows, '2021-06-05', '2021-05-20').total);
    const own = await staffB.request({ method: 'GET', url: `/api/v1/reports/progress?year=2021&month=${month}` });
    const ownRows = own.json<{ regions: { regionCode: string; filed: number; late: number }[] }>().regions;
    expect(ownRows.map((r) => r.regionCode)).toEqual([B]);
    expect(ownRows[0]).toMatchObject({ filed: 1 });
    const other = await staffB.request({
      method: 'GET',
      url: `/api/v1/reports/progress?year=2021&month=${month}&regionCode=${A}`,
    });
    expect(other.statusCode).toBe(400);
  });
});

describe('reminders', () => {
  it('reminds each owner that has not filed once a day, says how many were sent and skipped, and audits', async () => {
    const month = 3;
    const remind = (client: Client, body: Record<string, unknown> = {}) =>
      client.request({ method: 'POST', url: '/api/v1/reports/reminders', payload: { year: 2021, month, ...body } });
    const beforeA = await notices(ownerA.user.id);
    const first = await remind(staffA);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<ReportReminderResult>()).toMatchObject({ owners: 1, sent: 1, skipped: 0, notices: 1 });
    expect(await notices(ownerA.user.id)).toBe(beforeA + 1);
    expect(await notices(ownerB.user.id)).toBe(0);
    const again = await remind(staffA);
    expect(again.json<ReportReminderResult>()).toMatchObject({ owners: 1, sent: 0, skipped: 1, notices: 0 });
    expect(await notices(ownerA.user.id)).toBe(beforeA + 1);
    const all = await remind(city);
    expect(all.json<ReportReminderResult>()).toMatchObject({ owners: 2, sent: 1, skipped: 1 });
    const audits = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'period')
      .where('action', '=', 'remind')
      .execute();
    expect(audits).toHaveLength(3);
    expect((await remind(staffB, { regionCode: A })).statusCode).toBe(400);
    expect((await remind(ownerA)).statusCode).toBe(403);
  });
});

async function notices(userId: number) {
  const rows = await ctx.db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', '=', 'report_reminder')
    .execute();
  return rows.length;
}
