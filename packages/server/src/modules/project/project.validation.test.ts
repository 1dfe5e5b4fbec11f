import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let staff: Client;
let ownerOrg: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerOrg = await createOrganization(ctx.db);
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
});
afterAll(() => ctx.close());

const countRows = async () => {
  const [projects, audit] = await Promise.all([
    ctx.db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'project')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { projects: Number(projects.n), audit: Number(audit.n) };
};

async function expectRejected(body: Record<string, unknown>, field: string, text?: RegExp) {
  const before = await countRows();
  const response = await staff.request({ method: 'POST', url: '/api/v1/projects', payload: body });
  expect(response.statusCode, response.body).toBe(400);
  const error = response.json<{ error: { code: string; message: string; fields: Record<string, string> } }>().error;
  expect(error.code).toBe('validation');
  expect(Object.keys(error.fields)).toContain(field);
  if (text) expect(error.fields[field]).toMatch(text);
  expect(await countRows()).toEqual(before);
  return error;
}

describe('project input validation', () => {
  it('rejects a malformed project code with a field message in Chinese', async () => {
    const error = await expectRejected(
      buildProject(ownerOrg, { code: '2103-230602-04-01-12345' }),
      'code',
      /格式不正确/,
    );
    expect(error.message).toMatch(/^投资项目统一代码：/);
  });

  it('rejects a project code whose area code does not exist', async () => {
    await expectRejected(buildProject(ownerOrg, { code: '2103-239999-04-01-123456' }), 'code', /行政区划代码不存在/);
  });

  it('rejects an unknown region code', async () => {
    await expectRejected(buildProject(ownerOrg, { regionCode: '230699' }), 'regionCode', /不存在/);
  });

  it('rejects a negative investment', async () => {
    await expectRejected(buildProject(ownerOrg, { totalInvestment: '-1' }), 'totalInvestment', /负数/);
  });

  it('rejects a non-numeric investment', async () => {
    await expectRejected(buildProject(ownerOrg, { totalInvestment: '一百万' }), 'totalInvestment', /金额/);
    await expectRejected(buildProject(ownerOrg, { totalInvestment: '1e9' }), 'totalInvestment');
  });

  it('rejects a missing required field', async () => {
    const body = buildProject(ownerOrg);
    delete body.name;
    await expectRejected(body, 'name', /必填/);
  });

  it('rejects text over its limit', async () => {
    await expectRejected(buildProject(ownerOrg, { name: '长'.repeat(201) }), 'name', /长度/);
  });

  it('rejects wrong types', async () => {
    await expectRejected({ ...buildProject(ownerOrg), levels: 'municipal' }, 'levels');
    await expectRejected({ ...buildProject(ownerOrg), ownerOrgId: '12' }, 'ownerOrgId');
    await expectRejected({ ...buildProject(ownerOrg), plannedStartDate: '2021-02-30' }, 'plannedStartDate', /日期/);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    await expectRejected({ ...buildProject(ownerOrg), deletedAt: null }, 'deletedAt');
  });

  it('answers in English when asked', async () => {
    const response = await staff.request({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: buildProject(ownerOrg, { code: 'bad' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(
      /^Project code: project code must have the form/,
    );
  });

  it('rejects a duplicate project code with the neutral "already registered" message', async () => {
    const body = buildProject(ownerOrg);
    expect((await staff.request({ method: 'POST', url: '/api/v1/projects', payload: body })).statusCode).toBe(201);
    await expectRejected({ ...buildProject(ownerOrg), code: body.code }, 'code', /已登记/);
  });
});

describe('project list query validation', () => {
  const list = (query: string) => staff.request({ method: 'GET', url: `/api/v1/projects?${query}` });

  it('rejects an unknown sort field', async () => {
    const response = await list('sort=password_hash');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields.sort).toMatch(/排序/);
  });

  it('rejects SQL in a coded filter value and leaves the tables intact', async () => {
    const before = await countRows();
    for (const query of [
      `regionCode=${encodeURIComponent("230602' OR '1'='1")}`,
      `level=${encodeURIComponent("municipal'; DROP TABLE projects; --")}`,
      `sort=${encodeURIComponent('name; DROP TABLE projects')}`,
      `minInvestment=${encodeURIComponent('0 OR 1=1')}`,
    ]) {
      const response = await list(query);
      expect(response.statusCode, query).toBe(400);
      expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toHaveLength(1);
    }
    expect(await countRows()).toEqual(before);
  });

  it('treats SQL in free text as text to search for', async () => {
    const response = await list(`q=${encodeURIComponent("%' OR 1=1; --")}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ total: number }>().total).toBe(0);
  });

  it('rejects an inverted investment range and a page size over the limit', async () => {
    expect((await list('minInvestment=100&maxInvestment=10')).statusCode).toBe(400);
    expect((await list('pageSize=5000')).statusCode).toBe(400);
  });
});
