/**
 * What the audit trail records besides changes (issue #8): refused requests (403/404 to a signed-in actor,
 * CSRF failures) with address and agent, exports and imports with their outcome, period locks and refused
 * writes into a locked period — and the chain still verifies afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { fixedClock } from '../../clock.ts';
import { run as lockPeriods } from '../../jobs/lock-periods.job.ts';
import { ledgerFile, ledgerRow, upload } from '../ledger/ledger.fixtures.ts';
import { verifyAuditChain } from './audit.chain.ts';

let ctx: TestContext;
let staff: Client;
let otherStaff: Client;
let owner: Client;
let ownerName: string;
let projectId: number;

const UA = { 'user-agent': 'audit-test/1.0', 'x-forwarded-for': '203.0.113.9' };

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  ownerName = (await ctx.db.selectFrom('organizations').select('name').where('id', '=', org).executeTakeFirstOrThrow())
    .name;
  [staff, otherStaff, owner] = await Promise.all([
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
  ]);
  const created = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
}, 180_000);
afterAll(() => ctx.close());

/** The newest audit row of an action (and entity id, if given). */
async function lastRow(action: string, entityId?: string) {
  let query = ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId) query = query.where('entity_id', '=', entityId);
  return query.orderBy('id', 'desc').executeTakeFirst();
}

describe('refused requests', () => {
  it("records a district user's 404 on another district's project with address and agent", async () => {
    const response = await otherStaff.request({ method: 'GET', url: `/api/v1/projects/${projectId}`, headers: UA });
    expect(response.statusCode).toBe(404);
    const row = await lastRow('access_denied');
    expect(row).toMatchObject({
      actor_username: otherStaff.user.username,
      user_agent: 'audit-test/1.0',
      entity_type: 'request',
      entity_id: 'GET /api/v1/projects/:id',
      after: { method: 'GET', url: `/api/v1/projects/${projectId}`, status: 404, code: 'notFound' },
    });
    expect(row?.ip).toBeTruthy();
  });

  it('records a 403 for a permission the role lacks', async () => {
    expect((await owner.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    expect(await lastRow('access_denied')).toMatchObject({
      actor_username: owner.user.username,
      entity_id: 'GET /api/v1/audit',
      after: { status: 403, code: 'forbidden' },
    });
  });

  it('records a CSRF failure and changes nothing else', async () => {
    const response = await staff.request({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}`,
      headers: { 'x-csrf-token': 'forged', ...UA },
      payload: { name: '改名' },
    });
    expect(response.statusCode).toBe(403);
    expect(await lastRow('csrf_failed')).toMatchObject({
      actor_username: staff.user.username,
      user_agent: 'audit-test/1.0',
      after: { method: 'PATCH', status: 403, code: 'csrf' },
    });
  });

  it('does not record an anonymous 401 or a successful read', async () => {
    const before = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    expect((await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}` })).statusCode).toBe(200);
    const after = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('exports and imports', () => {
  it('records an Excel export with its filters', async () => {
    const response = await staff.request({ method: 'GET', url: '/api/v1/exports/projects.xlsx?stage=planning' });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(await lastRow('export', 'xlsx:projects')).toMatchObject({
      actor_username: staff.user.username,
      entity_type: 'transfer',
      region_code: '230602',
      after: { query: { stage: 'planning' } },
    });
  });

  it('records the prefilled monthly-report template and the OC4IDS export', async () => {
    const template = await staff.request({
      method: 'GET',
      url: '/api/v1/ledger/template.xlsx?kind=monthly-reports&year=2021&month=4',
    });
    expect(template.statusCode, template.body.slice(0, 200)).toBe(200);
    expect(await lastRow('export', 'xlsx:monthly-report-template')).toMatchObject({
      after: { period: { year: 2021, month: 4 }, rows: 1 },
    });
    expect((await staff.request({ method: 'GET', url: '/api/v1/oc4ids/projects.json' })).statusCode).toBe(200);
    expect(await lastRow('export', 'oc4ids')).toMatchObject({ after: { projects: 1 } });
  });

  it('records a ledger preview and commit with row counts, and a refused file', async () => {
    const file = await ledgerFile([ledgerRow(ownerName), ledgerRow(ownerName)]);
    expect((await upload(staff, file, { dryRun: true })).statusCode).toBe(200);
    expect(await lastRow('import', 'ledger:projects')).toMatchObject({
      after: { result: 'done', dryRun: true, committed: false, rows: 2, create: 2 },
    });
    const committed = await upload(staff, file, { dryRun: false });
    expect(committed.statusCode, committed.body.slice(0, 300)).toBe(200);
    expect(await lastRow('import', 'ledger:projects')).toMatchObject({
      actor_username: staff.user.username,
      after: { result: 'done', dryRun: false, committed: true, rows: 2, create: 2 },
    });
    expect((await upload(staff, Buffer.from('not a workbook'), { dryRun: false })).statusCode).toBe(400);
    expect(await lastRow('import', 'ledger:projects')).toMatchObject({
      after: { result: 'refused', dryRun: false },
    });
  });

  it('records a refused OC4IDS import', async () => {
    const city = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u));
    const response = await city.request({ method: 'POST', url: '/api/v1/oc4ids/import', payload: { projects: [{}] } });
    expect(response.statusCode).toBe(400);
    expect(await lastRow('import', 'oc4ids')).toMatchObject({
      actor_username: city.user.username,
      after: { result: 'refused', error: 'RequestValidationError', projectsSent: 1 },
    });
  });

  it('records a bulletin download', async () => {
    const city = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u));
    const response = await city.request({ method: 'GET', url: '/api/v1/bulletins/docx?asOf=2021-04-30' });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(await lastRow('export', 'bulletin.docx')).toMatchObject({ after: { asOf: '2021-04-30' } });
  });
});

describe('period locks', () => {
  it('records the lock job and a refused write into the locked period', async () => {
    // A report in January creates the period; the job run on 6 March locks it (deadline 5 February).
    const filed = await owner.request({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/reports/2021/1`,
      payload: { completedThisMonth: '10' },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const result = await lockPeriods({ db: ctx.db, clock: fixedClock('2021-03-06') });
    expect(result.locked).toContain('2021-01');
    expect(await lastRow('lock', '2021-01')).toMatchObject({ entity_type: 'period', actor_id: null });

    const refused = await staff.request({
      method: 'PUT',
      url: `/api/v1/projects/${projectId}/reports/2021/1`,
      payload: { completedThisMonth: '20' },
      headers: UA,
    });
    expect(refused.statusCode).toBe(400);
    expect(await lastRow('locked_write_refused', '2021-01')).toMatchObject({
      actor_username: staff.user.username,
      user_agent: 'audit-test/1.0',
      after: { projectId, status: 400, method: 'PUT' },
    });
  });

  it('leaves an intact chain', async () => {
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ status: 'intact' });
  });
});
