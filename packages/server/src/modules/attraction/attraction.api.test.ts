/**
 * The attraction pipeline through the API: a lead entered, moved one step at a time (refused moves name their
 * reason), converted into a key project that carries its fields and leaves both audit rows, racing conversions
 * leaving one project, district scope, administrators kept out, and bad input refused by field with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadOutput, ProjectOutput } from '@keyprojects/core';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { actorOf, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { recordTransition } from '../lifecycle/lifecycle-transition.service.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let otherDistrict: Client;
let admin: Client;
let cityActor: ReturnType<typeof actorOf>;
let owner: number;
let codeSeq = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await createOrganization(ctx.db, { regionCode: '230602' });
  const cityUser = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  cityActor = actorOf(cityUser, 'city_admin', { regionCode: '230600' });
  city = await signIn(ctx.app, cityUser);
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  otherDistrict = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'system_admin', { regionCode: '230600' }));
}, 120_000);
afterAll(() => ctx.close());

const LEAD = {
  investor: '某新材料集团有限公司',
  projectName: '年产5万吨高性能新材料项目',
  industry: 'C',
  amount: '86000.5',
  source: 'expo',
  regionCode: '230602',
  responsiblePerson: '王磊',
  responsibleUnit: '萨尔图区招商局',
  note: '2021年哈洽会对接',
};

const createLead = async (client: Client = district, over: Record<string, unknown> = {}) => {
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/attraction/leads',
    payload: { ...LEAD, ...over },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<LeadOutput>();
};

const move = (client: Client, lead: { id: number; version: number }, stage: string) =>
  client.request({
    method: 'POST',
    url: `/api/v1/attraction/leads/${lead.id}/move`,
    headers: { 'if-match': `"${lead.version}"` },
    payload: { stage },
  });

const signedLead = async () => {
  let lead = await createLead();
  for (const stage of ['framework', 'contract']) {
    const moved = await move(district, lead, stage);
    expect(moved.statusCode, moved.body).toBe(200);
    lead = moved.json<LeadOutput>();
  }
  return lead;
};

const nextCode = () => `2103-230602-04-01-${String(700000 + (codeSeq += 1))}`;
const convert = (lead: LeadOutput, body: Record<string, unknown> = {}) =>
  district.request({
    method: 'POST',
    url: `/api/v1/attraction/leads/${lead.id}/convert`,
    headers: { 'if-match': `"${lead.version}"` },
    payload: { code: nextCode(), ownerOrgId: owner, levels: ['municipal'], category: 'industry', ...body },
  });

const leadCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('attraction_leads')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a lead through the pipeline', () => {
  it('is entered in talks on the application date and moves one step at a time', async () => {
    const lead = await createLead();
    expect(lead).toMatchObject({ stage: 'talks', amount: '86000.50', createdOn: TEST_TODAY, sixList: 'attraction' });
    const skipped = await move(district, lead, 'contract');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json<{ error: { message: string } }>().error.message).toContain('逐级推进');
    const moved = await move(district, lead, 'framework');
    expect(moved.json<LeadOutput>()).toMatchObject({ stage: 'framework', frameworkOn: TEST_TODAY, version: 2 });
  });

  it('refuses registration by hand, an upgrade before full capacity, and a stale version', async () => {
    const lead = await signedLead();
    const registered = await move(district, lead, 'registered');
    expect(registered.statusCode).toBe(409);
    expect(registered.json<{ error: { message: string } }>().error.message).toContain('转为项目');
    expect((await move(district, lead, 'upgrade')).statusCode).toBe(409);
    expect((await move(district, { ...lead, version: 1 }, 'dropped')).statusCode).toBe(412);
    const dropped = await move(district, lead, 'dropped');
    expect(dropped.json<LeadOutput>()).toMatchObject({ stage: 'dropped', droppedOn: TEST_TODAY, sixList: null });
  });

  it('edits a lead at the version read', async () => {
    const lead = await createLead();
    const put = (version: number) =>
      district.request({
        method: 'PUT',
        url: `/api/v1/attraction/leads/${lead.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { ...LEAD, amount: '90000' },
      });
    expect((await put(lead.version)).json<LeadOutput>()).toMatchObject({ amount: '90000.00', version: 2 });
    expect((await put(lead.version)).statusCode).toBe(412);
  });
});

describe('converting a signed lead into a key project', () => {
  it('creates the project from the lead, links it, and audits both', async () => {
    const lead = await signedLead();
    const response = await convert(lead, { plannedStartDate: '2021-07-01' });
    expect(response.statusCode, response.body).toBe(200);
    const converted = response.json<LeadOutput>();
    expect(converted).toMatchObject({ stage: 'registered', registeredOn: TEST_TODAY, sixList: 'start' });
    expect(converted.projectId).not.toBeNull();

    const project = (
      await district.request({ method: 'GET', url: `/api/v1/projects/${String(converted.projectId)}` })
    ).json<ProjectOutput>();
    expect(project).toMatchObject({
      name: LEAD.projectName,
      regionCode: LEAD.regionCode,
      industry: LEAD.industry,
      totalInvestment: '86000.50',
      ownerOrgId: owner,
      responsibleUnit: LEAD.responsibleUnit,
      plannedStartDate: '2021-07-01',
    });

    const trail = await ctx.db
      .selectFrom('audit_log')
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'project'), eb('entity_id', '=', String(converted.projectId))]),
          eb.and([eb('entity_type', '=', 'attraction_lead'), eb('entity_id', '=', String(lead.id))]),
        ]),
      )
      .select(['entity_type', 'action'])
      .orderBy('id')
      .execute();
    expect(trail).toEqual(
      expect.arrayContaining([
        { entity_type: 'project', action: 'create' },
        { entity_type: 'attraction_lead', action: 'convert' },
      ]),
    );

    const linked = await district.request({
      method: 'GET',
      url: `/api/v1/attraction/leads?projectId=${String(converted.projectId)}`,
    });
    expect(linked.json<{ items: LeadOutput[] }>().items.map((l) => l.id)).toEqual([lead.id]);
    expect((await convert(converted)).statusCode).toBe(409);
  });

  it('registers a new owner on the way, and upgrades once the project runs at full capacity', async () => {
    const lead = await signedLead();
    const response = await convert(lead, { ownerOrgId: null, newOwnerName: '大庆新材料科技有限公司' });
    expect(response.statusCode, response.body).toBe(200);
    const converted = response.json<LeadOutput>();
    const org = await ctx.db
      .selectFrom('organizations')
      .where('name', '=', '大庆新材料科技有限公司')
      .select('region_code')
      .executeTakeFirstOrThrow();
    expect(org.region_code).toBe('230602');

    // The project starts and reaches full capacity (on the same day: the order of recording decides).
    for (const stageCode of ['started', 'full_capacity'])
      await ctx.db.transaction().execute((trx) =>
        recordTransition(
          trx,
          cityActor,
          {
            projectId: converted.projectId ?? 0,
            stageCode,
            stepCode: null,
            occurredOn: TEST_TODAY,
            note: null,
            source: 'manual',
          },
          { today: TEST_TODAY, backdateWindowDays: 90 },
        ),
      );
    const upgraded = await move(district, converted, 'upgrade');
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    expect(upgraded.json<LeadOutput>()).toMatchObject({ stage: 'upgrade', sixList: 'upgrade', upgradeOn: TEST_TODAY });
  });

  it('leaves one project when two conversions of the same lead race', async () => {
    const lead = await signedLead();
    const answers = await Promise.all([convert(lead), convert(lead)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect([409, 412]).toContain(answers.map((a) => a.statusCode).sort()[1]);
    const projects = await city.request({ method: 'GET', url: '/api/v1/attraction/leads?stage=registered' });
    const linked = projects.json<{ items: LeadOutput[] }>().items.filter((l) => l.id === lead.id);
    expect(linked).toHaveLength(1);
    const { n } = await ctx.db
      .selectFrom('projects')
      .where('name', '=', LEAD.projectName)
      .where('id', '=', linked[0]?.projectId ?? 0)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    const trail = await ctx.db
      .selectFrom('audit_log')
      .where('entity_type', '=', 'attraction_lead')
      .where('entity_id', '=', String(lead.id))
      .where('action', '=', 'convert')
      .select('id')
      .execute();
    expect(trail).toHaveLength(1);
  });

  it('refuses a missing owner by field and creates nothing', async () => {
    const lead = await signedLead();
    const response = await convert(lead, { ownerOrgId: undefined });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([
      'ownerOrgId',
    ]);
  });
});

describe('scope', () => {
  it('lets a district see and change only its own leads; the city sees all', async () => {
    const mine = await createLead();
    const theirs = await createLead(otherDistrict, { regionCode: '230603' });
    const listed = (await district.request({ method: 'GET', url: '/api/v1/attraction/leads' })).json<{
      items: LeadOutput[];
    }>();
    expect(listed.items.every((l) => l.regionCode === '230602')).toBe(true);
    expect((await district.request({ method: 'GET', url: `/api/v1/attraction/leads/${theirs.id}` })).statusCode).toBe(
      404,
    );
    expect((await move(district, theirs, 'framework')).statusCode).toBe(404);
    const outside = await district.request({
      method: 'POST',
      url: '/api/v1/attraction/leads',
      payload: { ...LEAD, regionCode: '230603' },
    });
    expect(outside.statusCode).toBe(400);
    const all = (await city.request({ method: 'GET', url: '/api/v1/attraction/leads' })).json<{
      items: LeadOutput[];
    }>();
    expect(all.items.map((l) => l.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('keeps the system administrator out of every attraction route', async () => {
    for (const url of ['/leads', '/leads/1', '/six-lists', '/summary', '/leads/export', '/six-lists/export'])
      expect((await admin.request({ method: 'GET', url: `/api/v1/attraction${url}` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/v1/attraction/leads', payload: LEAD })).statusCode).toBe(
      403,
    );
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a NUL byte', { investor: '某集团\u0000有限公司' }, 'investor'],
    ['a 20,000-character investor', { investor: '投'.repeat(20_000) }, 'investor'],
    ['an amount one past the column', { amount: '922337203685.4775808' }, 'amount'],
    ['an unknown source', { source: 'carrier_pigeon' }, 'source'],
  ];
  for (const [what, over, field] of cases)
    it(`refuses ${what} by field and changes nothing`, async () => {
      const before = await leadCount();
      const response = await district.request({
        method: 'POST',
        url: '/api/v1/attraction/leads',
        payload: { ...LEAD, ...over },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([field]);
      expect(await leadCount()).toBe(before);
    });
});

describe('the six lists, the year figures and the exports', () => {
  it('places the leads on their lists and counts planned / signed / landed per district', async () => {
    const lists = (await city.request({ method: 'GET', url: '/api/v1/attraction/six-lists' })).json<{
      lists: { list: string; count: number }[];
    }>();
    expect(lists.lists.map((l) => l.list)).toEqual([
      'attraction',
      'start',
      'construction',
      'production',
      'capacity',
      'upgrade',
    ]);
    expect(lists.lists.find((l) => l.list === 'start')?.count).toBeGreaterThan(0);
    const summary = (await city.request({ method: 'GET', url: '/api/v1/attraction/summary?year=2021' })).json<{
      total: { planned: number; signed: number; landed: number };
      districts: { regionCode: string }[];
      funnel: { step: string; count: number }[];
      batches: { sign: { count: number } };
    }>();
    expect(summary.total.planned).toBe(await leadCount());
    expect(summary.total.landed).toBeGreaterThanOrEqual(3);
    expect(summary.districts.map((d) => d.regionCode)).toEqual(['230602', '230603']);
    expect(summary.funnel[0]?.count).toBe(summary.total.planned);
    expect(summary.batches.sign.count).toBe(summary.total.signed);
  });

  it('leaves off the 开工 list a registered lead whose project the reader cannot see', async () => {
    const converted = (await convert(await signedLead())).json<LeadOutput>();
    const onStart = async () =>
      (await city.request({ method: 'GET', url: '/api/v1/attraction/six-lists' }))
        .json<{ lists: { list: string; items: { id: number }[] }[] }>()
        .lists.find((l) => l.list === 'start')
        ?.items.map((item) => item.id);
    expect(await onStart()).toContain(converted.id);
    // The project removed (soft-deleted): nobody sees it any more, so its phase is unknown to every reader.
    await ctx.db
      .updateTable('projects')
      .set({ deleted_at: new Date() })
      .where('id', '=', converted.projectId ?? 0)
      .execute();
    expect(await onStart()).not.toContain(converted.id);
  });

  it('exports the lead list and the six lists as xlsx', async () => {
    for (const url of ['/leads/export', '/six-lists/export']) {
      const response = await city.request({ method: 'GET', url: `/api/v1/attraction${url}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
