/**
 * Data integrity of projects (issue #8): amounts and ids bounded by their columns, owners and officers checked
 * against the actor's scope, a code's area inside the scope and fitting the region, and one neutral answer for a
 * taken code whoever holds it. Each bad request is a field-level 400 that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEN, MAX_ID, formatWan } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

interface ProjectBody {
  id: number;
  version: number;
  ownerOrgId: number;
  serviceOfficerId: number | null;
  totalInvestment: string;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

let ctx: TestContext;
let city: Client;
let saertu: Client; // 萨尔图区 (230602) staff
let saertuOrg: number;
let longfengOrg: number; // 龙凤区 (230603)
let cityOrg: number; // 大庆市 (230600)
let longfengOfficer: number;
let cityOfficer: number;

beforeAll(async () => {
  ctx = await createTestContext();
  [saertuOrg, longfengOrg, cityOrg] = await Promise.all([
    createOrganization(ctx.db, { regionCode: '230602' }),
    createOrganization(ctx.db, { regionCode: '230603' }),
    createOrganization(ctx.db, { regionCode: '230600' }),
  ]);
  longfengOfficer = (await createTestUser(ctx.db, 'service_officer', { regionCode: '230603' })).id;
  cityOfficer = (await createTestUser(ctx.db, 'service_officer', { regionCode: '230600' })).id;
  [city, saertu] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
  ]);
});
afterAll(() => ctx.close());

const projectCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .where('entity_type', '=', 'project')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function create(client: Client, body: Record<string, unknown>) {
  return client.request({ method: 'POST', url: '/api/v1/projects', payload: body });
}

/** Expects a field-level 400 on `field` that wrote nothing (no audit row, hence no project change). */
async function expectRefused(send: () => Promise<{ statusCode: number; body: string }>, field: string) {
  const before = await projectCount();
  const response = await send();
  expect(response.statusCode, response.body).toBe(400);
  const body = JSON.parse(response.body) as ErrorBody;
  expect(body.error.code).toBe('validation');
  expect(Object.keys(body.error.fields ?? {})).toContain(field);
  expect(await projectCount()).toBe(before);
  return body.error.fields?.[field] ?? '';
}

describe('amounts are bounded by the BIGINT column', () => {
  it('stores the largest amount the column holds and reads it back exactly', async () => {
    const response = await create(saertu, buildProject(saertuOrg, { totalInvestment: formatWan(MAX_FEN) }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ProjectBody>().totalInvestment).toBe('9223372036854.775807');
  });

  it('refuses one fen more with a field message instead of a 500', async () => {
    const text = await expectRefused(
      () => create(saertu, buildProject(saertuOrg, { totalInvestment: formatWan(MAX_FEN + 1n) })),
      'totalInvestment',
    );
    expect(text).toBe('金额过大');
  });

  it('refuses a too large plan, funding amount or negative bound alike', async () => {
    const huge = '99999999999999';
    await expectRefused(
      () =>
        create(
          saertu,
          buildProject(saertuOrg, {
            annualPlans: [{ year: 2021, plannedInvestment: huge, nature: 'new', plannedNewStart: false }],
          }),
        ),
      'annualPlans.0.plannedInvestment',
    );
    await expectRefused(
      () =>
        create(
          saertu,
          buildProject(saertuOrg, {
            fundingSources: [{ kind: 'central_budget', applied: huge, approved: '0', issued: '0' }],
          }),
        ),
      'fundingSources.0.applied',
    );
  });
});

describe('ids are bounded by the int4 column', () => {
  it('refuses an owner or officer id beyond int4 with a field message', async () => {
    await expectRefused(() => create(saertu, buildProject(MAX_ID + 1)), 'ownerOrgId');
    await expectRefused(
      () => create(saertu, buildProject(saertuOrg, { serviceOfficerId: 2 ** 53 })),
      'serviceOfficerId',
    );
  });

  it('refuses a path id beyond int4', async () => {
    const response = await saertu.request({ method: 'GET', url: `/api/v1/projects/${MAX_ID + 1}` });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.fields).toHaveProperty('id');
  });
});

describe('owners and officers inside the actor scope', () => {
  it('refuses an owner organisation of another district on create', async () => {
    const text = await expectRefused(() => create(saertu, buildProject(longfengOrg)), 'ownerOrgId');
    expect(text).toBe('超出本账号的管辖区域');
  });

  it('refuses moving a project to an owner of another district, and leaves it unchanged', async () => {
    const project = (await create(saertu, buildProject(saertuOrg))).json<ProjectBody>();
    await expectRefused(
      () =>
        saertu.request({
          method: 'PATCH',
          url: `/api/v1/projects/${project.id}`,
          headers: { 'if-match': `"${project.version}"` },
          payload: { ownerOrgId: longfengOrg },
        }),
      'ownerOrgId',
    );
    const after = (await saertu.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).json<ProjectBody>();
    expect([after.ownerOrgId, after.version]).toEqual([saertuOrg, project.version]);
  });

  it('accepts an owner or officer based in the city above the district', async () => {
    const response = await create(saertu, buildProject(cityOrg, { serviceOfficerId: cityOfficer }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses a service officer of another district', async () => {
    await expectRefused(
      () => create(saertu, buildProject(saertuOrg, { serviceOfficerId: longfengOfficer })),
      'serviceOfficerId',
    );
  });

  it('lets the city pair any organisation of the city', async () => {
    const response = await create(city, buildProject(longfengOrg, { regionCode: '230603' }));
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe("a project code's area part", () => {
  it('must lie inside the actor scope', async () => {
    const text = await expectRefused(
      () => create(saertu, buildProject(saertuOrg, { code: '2103-230603-04-01-300001' })),
      'code',
    );
    expect(text).toMatch(/不在本账号的管辖区域内/);
  });

  it("must be the project's region or a region above it", async () => {
    await expectRefused(
      () => create(city, buildProject(saertuOrg, { regionCode: '230602', code: '2103-230603-04-01-300002' })),
      'code',
    );
    const cityCode = await create(
      city,
      buildProject(saertuOrg, { regionCode: '230602', code: '2103-230600-04-01-300003' }),
    );
    expect(cityCode.statusCode, cityCode.body).toBe(201);
  });
});

describe('whether a code is taken never reveals a project out of scope', () => {
  it('answers a code held out of scope exactly as one held in scope', async () => {
    // A project of 龙凤区 whose code names 萨尔图区 (data from before the area rule): invisible to 萨尔图区 staff.
    const hidden = (
      await ctx.db
        .insertInto('projects')
        .values({
          code: '2103-230602-04-01-300010',
          name: '龙凤区的旧项目',
          owner_org_id: longfengOrg,
          region_code: '230603',
          levels: ['county'],
          category: 'industry',
          nature: 'new',
          total_investment: 1n,
          stage: 'preparation',
          tags: [],
          in_statistics: false,
          created_by: null,
        })
        .returning('code')
        .executeTakeFirstOrThrow()
    ).code;
    const visible = (await create(saertu, buildProject(saertuOrg))).json<{ code: string }>().code;
    const outOfScope = await expectRefused(() => create(saertu, buildProject(saertuOrg, { code: hidden })), 'code');
    const inScope = await expectRefused(() => create(saertu, buildProject(saertuOrg, { code: visible })), 'code');
    expect(outOfScope).toBe(inScope);
    expect(outOfScope).toBe('该投资项目统一代码已登记，不能重复使用');
  });

  it('does not let a district probe codes of another area at all', async () => {
    const longfeng = (await create(city, buildProject(longfengOrg, { regionCode: '230603' }))).json<{ code: string }>();
    const taken = await expectRefused(() => create(saertu, buildProject(saertuOrg, { code: longfeng.code })), 'code');
    const free = await expectRefused(
      () => create(saertu, buildProject(saertuOrg, { code: '2103-230603-04-01-399999' })),
      'code',
    );
    expect(taken).toBe(free);
  });
});
