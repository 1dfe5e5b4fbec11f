import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

interface ProjectBody {
  id: number;
  version: number;
  name: string;
  totalInvestment: string;
  annualPlans: { year: number; plannedInvestment: string }[];
}
interface AuditBody {
  items: {
    action: string;
    actorUsername: string;
    ip: string;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];
}

let ctx: TestContext;
let staff: Client;
let ownerOrg: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerOrg = await createOrganization(ctx.db);
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
});
afterAll(() => ctx.close());

async function create(overrides: Record<string, unknown> = {}) {
  const response = await staff.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: buildProject(ownerOrg, overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ProjectBody>();
}
const patch = (id: number, version: number | null, payload: Record<string, unknown>) =>
  staff.request({
    method: 'PATCH',
    url: `/api/v1/projects/${id}`,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
    payload,
  });
const audit = async (id: number) =>
  (await staff.request({ method: 'GET', url: `/api/v1/projects/${id}/audit` })).json<AuditBody>();

describe('optimistic concurrency', () => {
  it('lets exactly one of two updates with the same version succeed', async () => {
    const project = await create();
    const results = await Promise.all([
      patch(project.id, 1, { name: '甲方案' }),
      patch(project.id, 1, { name: '乙方案' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json<ProjectBody>();
    const stored = (await staff.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).json<ProjectBody>();
    expect(stored).toMatchObject({ name: winner?.name, version: 2 });
    expect((await audit(project.id)).items.filter((i) => i.action === 'update')).toHaveLength(1);
  });

  it('answers 412 to a stale version and 428 without one, changing nothing', async () => {
    const project = await create();
    expect((await patch(project.id, 1, { name: '第一次' })).statusCode).toBe(200);
    expect((await patch(project.id, 1, { name: '过期修改' })).statusCode).toBe(412);
    expect((await patch(project.id, null, { name: '无版本' })).statusCode).toBe(428);
    const stored = await staff.request({ method: 'GET', url: `/api/v1/projects/${project.id}` });
    expect(stored.json<ProjectBody>()).toMatchObject({ name: '第一次', version: 2 });
    expect(stored.headers.etag).toBe('"2"');
  });
});

describe('audit trail', () => {
  it('records create, update and delete with who, where, before and after', async () => {
    const project = await create({ totalInvestment: '30000' });
    const updated = await patch(project.id, 1, {
      totalInvestment: '32000.25',
      annualPlans: [{ year: 2021, plannedInvestment: '8000', nature: 'new', plannedNewStart: true }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<ProjectBody>()).toMatchObject({ totalInvestment: '32000.25', version: 2 });

    const history = await audit(project.id);
    expect(history.items.map((i) => i.action)).toEqual(['update', 'create']);
    const [update] = history.items;
    expect(update?.actorUsername).toBe(staff.user.username);
    expect(update?.ip).toBeTruthy();
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'totalInvestment', before: '30000.00', after: '32000.25' },
        {
          field: 'annualPlans',
          before: [{ year: 2021, plannedInvestment: '5000.00', nature: 'new', plannedNewStart: true }],
          after: [{ year: 2021, plannedInvestment: '8000.00', nature: 'new', plannedNewStart: true }],
        },
      ]),
    );
    expect(update?.changes).toHaveLength(2);

    expect(
      (await staff.request({ method: 'DELETE', url: `/api/v1/projects/${project.id}`, headers: { 'if-match': '"2"' } }))
        .statusCode,
    ).toBe(204);
    expect((await staff.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).statusCode).toBe(404);
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(project.id))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[2]).toMatchObject({ before: expect.objectContaining({ totalInvestment: '32000.25' }), after: null });
  });

  it('writes no audit row for a rejected change', async () => {
    const project = await create();
    const before = (await audit(project.id)).items.length;
    expect((await patch(project.id, 1, { totalInvestment: '-5' })).statusCode).toBe(400);
    expect((await patch(project.id, 7, { name: '版本不对' })).statusCode).toBe(412);
    expect((await audit(project.id)).items).toHaveLength(before);
  });

  it('keeps the audit trail append-only in the database', async () => {
    await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
  });

  it('records user creation and role changes', async () => {
    const security = await signIn(ctx.app, await createTestUser(ctx.db, 'security_admin', { regionCode: '230600' }));
    const target = await createTestUser(ctx.db, 'leader', { regionCode: '230600' });
    const response = await security.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}/role`,
      payload: { role: 'district_staff', regionCode: '230603' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_username'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(target.id))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'role_change']);
    expect(rows[1]).toMatchObject({
      actor_username: security.user.username,
      before: expect.objectContaining({ role: 'leader', regionCode: '230600' }),
      after: expect.objectContaining({ role: 'district_staff', regionCode: '230603' }),
    });
    expect(
      (
        await staff.request({
          method: 'PATCH',
          url: `/api/v1/users/${target.id}/role`,
          payload: { role: 'city_admin' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('money', () => {
  it('stores investment exactly to the fen and sums without drift', async () => {
    const a = await create({ totalInvestment: '0.1' });
    const b = await create({ totalInvestment: '0.2' });
    const sum = await ctx.db
      .selectFrom('projects')
      .where('id', 'in', [a.id, b.id])
      .select((eb) => eb.fn.sum<bigint>('total_investment').as('total'))
      .executeTakeFirstOrThrow();
    expect(String(sum.total)).toBe('300000');
    expect((await create({ totalInvestment: '12.345678' })).totalInvestment).toBe('12.345678');
  });
});
