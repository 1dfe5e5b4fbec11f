/**
 * Report workflow integrity (issue #8): no one approves what they submitted; a decision taken on a state the report
 * has left answers 409 and writes nothing; and on PostgreSQL, racing requests leave exactly one winner, one row and
 * one audit decision. The races need real concurrency (pooled connections), so they run only on PostgreSQL
 * (DATABASE_URL, CI's second pass); PGlite serves one connection, which serialises every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
let owner: Client;
let staff: Client;
let otherStaff: Client;
let org: number;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  org = await createOrganization(ctx.db, { regionCode: '230602' });
  [owner, staff, otherStaff] = await Promise.all([
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
  ]);
});
afterAll(() => ctx.close());

async function newProject(): Promise<number> {
  const response = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

const reportUrl = (projectId: number, month = 4) => `/api/v1/projects/${projectId}/reports/2021/${month}`;
const submit = (client: Client, projectId: number) =>
  client.request({ method: 'PUT', url: reportUrl(projectId), payload: { completedThisMonth: '100', submit: true } });
/** A review decision; `version` is the report version the reviewer saw (If-Match). */
const decide = (client: Client, projectId: number, decision: string, version?: number) =>
  client.request({
    method: 'POST',
    url: `${reportUrl(projectId)}/review`,
    payload: decision === 'return' ? { decision, reason: '数据有误' } : { decision },
    ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
  });

async function reportState(projectId: number) {
  const row = await ctx.db
    .selectFrom('monthly_reports')
    .select(['id', 'state', 'version'])
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return row;
}

async function auditActions(projectId: number) {
  const { id } = await reportState(projectId);
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', 'report')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('four eyes on a report', () => {
  it('refuses the approval of a report by the reviewer who submitted it, and lets another approve', async () => {
    const projectId = await newProject();
    expect((await submit(staff, projectId)).statusCode).toBe(200);
    const self = await decide(staff, projectId, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json<{ error: { message: string } }>().error.message).toBe(
      '不能审核或确认本人提交的报表，须由另一名审核人员处理',
    );
    expect((await reportState(projectId)).state).toBe('submitted');
    expect(await auditActions(projectId)).toEqual(['create']);
    expect((await decide(otherStaff, projectId, 'approve')).statusCode).toBe(200);
  });

  it('lets the submitter return its own report (it only reopens it)', async () => {
    const projectId = await newProject();
    expect((await submit(staff, projectId)).statusCode).toBe(200);
    expect((await decide(staff, projectId, 'return')).statusCode).toBe(200);
  });
});

describe('a decision on a state the report has left', () => {
  it('answers 409 with a clear message and writes nothing', async () => {
    const projectId = await newProject();
    expect((await submit(owner, projectId)).statusCode).toBe(200);
    expect((await decide(staff, projectId, 'approve')).statusCode).toBe(200);
    const before = await reportState(projectId);
    const late = await decide(otherStaff, projectId, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('请刷新后查看'),
    });
    expect(await reportState(projectId)).toEqual(before);
    expect(await auditActions(projectId)).toEqual(['create', 'approve']);
  });
});

describe.skipIf(!ON_POSTGRES)('racing report decisions on PostgreSQL', () => {
  it('takes exactly one of 20 parallel first submissions; the rest answer 409', async () => {
    const projectId = await newProject();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(owner, projectId)));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array<number>(19).fill(409)]);
    const rows = await ctx.db.selectFrom('monthly_reports').select('id').where('project_id', '=', projectId).execute();
    expect(rows).toHaveLength(1);
    expect(await auditActions(projectId)).toEqual(['create']);
  });

  it('lets exactly one of a simultaneous approve and return win, with one audit decision', async () => {
    for (let round = 0; round < 5; round += 1) {
      const projectId = await newProject();
      expect((await submit(owner, projectId)).statusCode).toBe(200);
      // Both reviewers decide on the submitted report they saw (version 1).
      const [approve, reopen] = await Promise.all([
        decide(staff, projectId, 'approve', 1),
        decide(otherStaff, projectId, 'return', 1),
      ]);
      expect([approve.statusCode, reopen.statusCode].sort()).toEqual([200, 409]);
      const winner = approve.statusCode === 200 ? 'approved' : 'returned';
      expect(await reportState(projectId)).toMatchObject({ state: winner, version: 2 });
      expect(await auditActions(projectId)).toEqual(['create', winner === 'approved' ? 'approve' : 'return']);
    }
  });
});
