/**
 * Site supervision: staff record an inspection of a project in their district; a rectification becomes a problem
 * (source 'inspection', due by the date, assigned to the named unit or raised unassigned) in the same transaction,
 * so a refused one writes neither; another district answers 404, an owner 403. The site video link takes only
 * http(s) addresses (javascript:, 20,000 characters, NUL: 400, nothing written) and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let staff: Client;
let otherStaff: Client;
let owner: Client;
let unitId: number;
let projectId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  unitId = await createOrganization(ctx.db, {
    kind: 'responsible_unit',
    name: '萨尔图区自然资源局',
    regionCode: '230602',
  });
  [staff, otherStaff, owner] = await Promise.all([
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: ownerOrg }).then((u) => signIn(ctx.app, u)),
  ]);
  await createTestUser(ctx.db, 'responsible_unit', { regionCode: '230602', organizationId: unitId });
  const created = await staff.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: buildProject(ownerOrg, { regionCode: '230602' }),
  });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
}, 60_000);

afterAll(() => ctx.close());

const count = async (table: 'inspections' | 'problems' | 'project_video_links') =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const inspect = (client: Client, payload: Record<string, unknown>, id = projectId) =>
  client.request({ method: 'POST', url: `/api/v1/projects/${id}/inspections`, payload });

const base = {
  inspectedOn: '2021-05-18',
  mode: 'onsite',
  inspectors: '市发改委 王科长、李干事',
  findings: '安全围挡缺失',
};

describe('an inspection', () => {
  it('with a rectification for a unit creates the assigned problem in the same transaction', async () => {
    const response = await inspect(staff, {
      ...base,
      rectification: { dueOn: '2021-06-15', title: '补齐安全围挡', category: 'other', unitId, assigneeName: '张工' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const inspection = response.json<{ id: number; problemId: number; rectifyBy: string; problemState: string }>();
    expect(inspection).toMatchObject({ rectifyBy: '2021-06-15', problemState: 'open' });
    // Assigned at once: the problem is open with its unit and clock (the unit accepts it next).
    const problem = await ctx.db
      .selectFrom('problems')
      .selectAll()
      .where('id', '=', inspection.problemId)
      .executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      source: 'inspection',
      inspection_id: inspection.id,
      project_id: projectId,
      assigned_unit_id: unitId,
      assignee_name: '张工',
      agreed_final_due_on: '2021-06-15',
      title: '补齐安全围挡',
      description: '安全围挡缺失',
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'inspection')
      .where('entity_id', '=', String(inspection.id))
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('with a rectification but no unit raises it unassigned for staff to assign', async () => {
    const response = await inspect(staff, {
      ...base,
      mode: 'online',
      rectification: { dueOn: '2021-06-01', title: '上传监理日志', category: 'other' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { problemId } = response.json<{ problemId: number }>();
    const problem = await ctx.db
      .selectFrom('problems')
      .select(['assigned_unit_id', 'state'])
      .where('id', '=', problemId)
      .executeTakeFirstOrThrow();
    expect(problem).toEqual({ assigned_unit_id: null, state: 'open' });
  });

  it('without a rectification creates no problem', async () => {
    const before = await count('problems');
    const response = await inspect(staff, { ...base, findings: '现场施工正常' });
    expect(response.json()).toMatchObject({ problemId: null, rectifyBy: null });
    expect(await count('problems')).toBe(before);
  });

  it('refuses bad input naming the field, and writes neither inspection nor problem', async () => {
    const before = [await count('inspections'), await count('problems')];
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, inspectedOn: '2021-05-21' }, 'inspectedOn'],
      [{ ...base, mode: 'drone' }, 'mode'],
      [{ ...base, rectification: { dueOn: '2021-05-01', title: '整改', category: 'other' } }, 'rectification.dueOn'],
      [
        { ...base, rectification: { dueOn: '2021-06-01', title: '整改', category: 'weather' } },
        'rectification.category',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await inspect(staff, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual([field]);
    }
    // A unit outside the district: createProblem refuses, and the inspection is rolled back with it.
    const farUnit = await createOrganization(ctx.db, { kind: 'responsible_unit', regionCode: '230603' });
    const refused = await inspect(staff, {
      ...base,
      rectification: { dueOn: '2021-06-01', title: '整改', category: 'other', unitId: farUnit },
    });
    expect(refused.statusCode).toBe(400);
    expect([await count('inspections'), await count('problems')]).toEqual(before);
  });

  it('answers 404 to another district and 403 to an owner; lists stay in scope', async () => {
    const before = await count('inspections');
    expect((await inspect(otherStaff, base)).statusCode).toBe(404);
    expect((await inspect(owner, base)).statusCode).toBe(403);
    expect(await count('inspections')).toBe(before);
    const own = await staff.request({ method: 'GET', url: '/api/v1/inspections?regionCode=230602' });
    expect(own.json<{ total: number }>().total).toBe(3);
    const other = await otherStaff.request({ method: 'GET', url: '/api/v1/inspections' });
    expect(other.json<{ total: number }>().total).toBe(0);
    const mine = await owner.request({ method: 'GET', url: `/api/v1/projects/${projectId}/inspections` });
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(3);
    const online = await staff.request({ method: 'GET', url: '/api/v1/inspections?mode=online' });
    expect(online.json<{ total: number }>().total).toBe(1);
  });
});

describe('the site video link', () => {
  const put = (client: Client, payload: unknown) =>
    client.request({ method: 'PUT', url: `/api/v1/projects/${projectId}/video-link`, payload: payload as object });

  it('refuses anything but an http(s) address, writing nothing', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://cam.example.cn/live',
      '//cam.example.cn/live',
      'https://user:pass@cam.example.cn/live',
      `https://cam.example.cn/${'a'.repeat(20_000)}`,
      'https://cam.example.cn/live\u0000',
      '',
    ]) {
      const response = await put(staff, { url });
      expect(response.statusCode, url.slice(0, 40)).toBe(400);
    }
    expect(await count('project_video_links')).toBe(0);
  });

  it('sets, replaces and removes a link for staff, audited; others read it; owners may not set it', async () => {
    const set = await put(staff, { url: 'https://cam.daqing.example.cn/live/1', label: '塔吊摄像头' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      videoLink: { url: 'https://cam.daqing.example.cn/live/1', label: '塔吊摄像头' },
    });
    expect((await put(staff, { url: 'http://10.0.0.8/stream' })).statusCode).toBe(200);
    expect((await put(owner, { url: 'https://evil.example/' })).statusCode).toBe(403);
    expect((await put(otherStaff, { url: 'https://evil.example/' })).statusCode).toBe(404);
    const read = await owner.request({ method: 'GET', url: `/api/v1/projects/${projectId}/video-link` });
    expect(read.json()).toMatchObject({ videoLink: { url: 'http://10.0.0.8/stream', label: null } });
    const removed = await staff.request({ method: 'DELETE', url: `/api/v1/projects/${projectId}/video-link` });
    expect(removed.statusCode).toBe(204);
    expect(
      (await staff.request({ method: 'DELETE', url: `/api/v1/projects/${projectId}/video-link` })).statusCode,
    ).toBe(404);
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'video_link')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});
