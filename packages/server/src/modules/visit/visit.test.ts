/**
 * Service officers' visits: only the project's own officer records one (another officer 404, staff 403), never
 * dated after the application's date (400, nothing written), audited; photos are checked images served only
 * within scope; the officer's overview counts their projects, visits, problems and warnings; staff list officers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, buildProject, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { multipart } from '../../../test/upload.ts';

let ctx: TestContext;
let staff: Client;
let otherStaff: Client;
let officer: Client;
let otherOfficer: Client;
let projectId: number;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ctx = await createTestContext();
  const ownerOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  const officerUser = await createTestUser(ctx.db, 'service_officer', { regionCode: '230600' });
  [staff, otherStaff, officer, otherOfficer] = await Promise.all([
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }).then((u) => signIn(ctx.app, u)),
    signIn(ctx.app, officerUser),
    createTestUser(ctx.db, 'service_officer', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
  ]);
  const created = await staff.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: buildProject(ownerOrg, { regionCode: '230602', serviceOfficerId: officerUser.id }),
  });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json<{ id: number }>().id;
}, 60_000);

afterAll(() => ctx.close());

const visitCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('service_visits')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const record = (client: Client, payload: Record<string, unknown>, id = projectId) =>
  client.request({ method: 'POST', url: `/api/v1/projects/${id}/visits`, payload });

describe('recording a visit', () => {
  it('lets the project’s officer record one, audited', async () => {
    const response = await record(officer, { visitedOn: '2021-05-18', findings: '  施工现场正常，塔吊已进场  ' });
    expect(response.statusCode, response.body).toBe(201);
    const visit = response.json<{ id: number; findings: string; officerId: number }>();
    expect(visit).toMatchObject({ findings: '施工现场正常，塔吊已进场', officerId: officer.user.id, projectId });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('entity_type', '=', 'visit')
      .where('entity_id', '=', String(visit.id))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'create', region_code: '230602' });
  });

  it('refuses a date after the application’s date, naming the field, and writes nothing', async () => {
    const before = await visitCount();
    const response = await record(officer, { visitedOn: '2021-05-21', findings: '明天的走访' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual(['visitedOn']);
    for (const payload of [
      { visitedOn: '2021-02-30', findings: '无效日期' },
      { visitedOn: '2021-05-10', findings: '   ' },
      { visitedOn: '2021-05-10', findings: 'x'.repeat(4001) },
      { visitedOn: '2021-05-10', findings: '多余字段', officerId: otherOfficer.user.id },
    ])
      expect((await record(officer, payload)).statusCode).toBe(400);
    expect(await visitCount()).toBe(before);
  });

  it('answers 404 to another officer and 403 to staff, writing nothing', async () => {
    const before = await visitCount();
    expect((await record(otherOfficer, { visitedOn: '2021-05-10', findings: '冒充走访' })).statusCode).toBe(404);
    expect((await record(staff, { visitedOn: '2021-05-10', findings: '代记走访' })).statusCode).toBe(403);
    expect((await record(officer, { visitedOn: '2021-05-10', findings: '不存在的项目' }, 999_999)).statusCode).toBe(
      404,
    );
    expect(await visitCount()).toBe(before);
  });
});

describe('visit photos', () => {
  it('stores a checked image for the officer’s own visit and serves it only within scope', async () => {
    const visit = (await record(officer, { visitedOn: '2021-05-19', findings: '拍照留存' })).json<{ id: number }>();
    const upload = (client: Client, bytes: Buffer, name = 'site.png') =>
      client.request({
        method: 'POST',
        url: `/api/v1/visits/${visit.id}/photos`,
        ...multipart(bytes, name, { field: 'photo', contentType: 'image/png' }),
      });
    const stored = await upload(officer, PNG);
    expect(stored.statusCode, stored.body).toBe(201);
    const photo = stored.json<{ id: number; mimeType: string }>();
    expect(photo.mimeType).toBe('image/png');
    expect((await upload(officer, Buffer.from('<script>alert(1)</script>'), 'x.png')).statusCode).toBe(400);
    expect((await upload(otherOfficer, PNG)).statusCode).toBe(404);

    const read = (client: Client) => client.request({ method: 'GET', url: `/api/v1/attachments/${photo.id}` });
    const served = await read(staff);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect((await read(otherStaff)).statusCode).toBe(404);
    expect((await read(otherOfficer)).statusCode).toBe(404);

    const listed = await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/visits` });
    const items = listed.json<{ items: { id: number; photos: { id: number }[] }[] }>().items;
    expect(items.map((i) => i.id)[0]).toBe(visit.id);
    expect(items[0]?.photos.map((p) => p.id)).toEqual([photo.id]);
    expect((await otherStaff.request({ method: 'GET', url: `/api/v1/projects/${projectId}/visits` })).statusCode).toBe(
      404,
    );
  });
});

describe('the officer’s overview and the staff’s list', () => {
  it('counts the officer’s projects, visits this month, problems and warnings', async () => {
    await ctx.db
      .insertInto('warnings')
      .values({
        project_id: projectId,
        region_code: '230602',
        rule: 'investment_lag',
        preset_id: 'yinchuan',
        rule_version: 1,
        level: 'red',
        figures: JSON.stringify({}),
        text: '投资进度落后',
        first_raised_on: '2021-05-01',
        last_confirmed_on: '2021-05-20',
        level_changed_on: '2021-05-01',
      })
      .execute();
    const response = await officer.request({ method: 'GET', url: '/api/v1/officers/me/overview' });
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json<{
      asOf: string;
      projects: { id: number; lastVisitOn: string; visits: number; redWarnings: number; openProblems: number }[];
      totals: Record<string, number>;
    }>();
    expect(overview.asOf).toBe('2021-05-20');
    expect(overview.projects).toEqual([
      expect.objectContaining({ id: projectId, lastVisitOn: '2021-05-19', visits: 2, redWarnings: 1, openProblems: 0 }),
    ]);
    expect(overview.totals).toEqual({
      projects: 1,
      visitsThisMonth: 2,
      problemsRaised: 0,
      problemsSolved: 0,
      activeWarnings: 1,
    });
    const other = await otherOfficer.request({ method: 'GET', url: '/api/v1/officers/me/overview' });
    expect(other.json<{ projects: unknown[] }>().projects).toEqual([]);
    expect((await staff.request({ method: 'GET', url: '/api/v1/officers/me/overview' })).statusCode).toBe(403);
  });

  it('lists for staff the officers of their district’s projects, and refuses officers', async () => {
    const own = await staff.request({ method: 'GET', url: '/api/v1/officers' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        id: officer.user.id,
        projects: 1,
        visits: 2,
        visitsThisMonth: 2,
        lastVisitOn: '2021-05-19',
      }),
    ]);
    const other = await otherStaff.request({ method: 'GET', url: '/api/v1/officers' });
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await officer.request({ method: 'GET', url: '/api/v1/officers' })).statusCode).toBe(403);
  });
});
