import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { multipart } from '../../../test/upload.ts';
import { run as lockPeriods } from '../../jobs/lock-periods.job.ts';
import { fixedClock } from '../../clock.ts';

interface Report {
  state: string;
  completedThisMonth: string;
  completedYtd: string;
  completedSinceStart: string;
  periodLocked: boolean;
  returnReason: string | null;
  photos: { id: number; mimeType: string }[];
  corrections: { reason: string; before: { completedThisMonth: string }; after: { completedThisMonth: string } }[];
}
let ctx: TestContext;
let owner: Client;
let otherOwner: Client;
let staff: Client;
let city: Client;
let leader: Client;
let projectId: number;
let otherProjectId: number;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  const otherOrg = await createOrganization(ctx.db, { regionCode: '230602' });
  [owner, otherOwner, staff, city, leader] = await Promise.all([
    createTestUser(ctx.db, 'owner', { organizationId: org }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'owner', { organizationId: otherOrg }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'leader', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
  ]);
  const create = async (ownerOrgId: number) => {
    const response = await staff.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(ownerOrgId),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  projectId = await create(org);
  otherProjectId = await create(otherOrg);
});
afterAll(() => ctx.close());

const url = (month: number, id = projectId, year = 2021) => `/api/v1/projects/${id}/reports/${year}/${month}`;
const file = (client: Client, month: number, payload: Record<string, unknown>, id = projectId) =>
  client.request({ method: 'PUT', url: url(month, id), payload });
const review = (client: Client, month: number, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `${url(month)}/review`, payload });
const reportRows = () => ctx.db.selectFrom('monthly_reports').selectAll().execute();

function expectField(response: { statusCode: number; json: () => unknown; body: string }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(Object.keys((response.json() as ErrorBody).error.fields ?? {})).toContain(field);
}

describe('filing and reviewing a monthly report', () => {
  it('lets the owner file, the district approve and the city confirm, deriving the totals', async () => {
    const draft = await file(owner, 1, {
      completedThisMonth: '300.5',
      progressText: '主体施工',
      progressPercent: 12.5,
      workers: 80,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json<Report>()).toMatchObject({ state: 'draft', completedThisMonth: '300.50' });
    expect(
      (
        await file(owner, 1, { completedThisMonth: '300.5', submit: true, started: true, startedOn: '2021-01-10' })
      ).json<Report>().state,
    ).toBe('submitted');
    expect((await review(owner, 1, { decision: 'approve' })).statusCode).toBe(403);
    const approved = await review(staff, 1, { decision: 'approve' });
    expect(approved.json<Report>()).toMatchObject({
      state: 'approved',
      completedYtd: '300.50',
      completedSinceStart: '300.50',
    });
    expect((await review(staff, 1, { decision: 'confirm' })).statusCode).toBe(403);
    expect((await review(city, 1, { decision: 'confirm' })).json<Report>().state).toBe('confirmed');

    await file(owner, 2, { completedThisMonth: '199.5', submit: true, started: true, startedOn: '2021-01-10' });
    await review(staff, 2, { decision: 'approve' });
    const feb = await owner.request({ method: 'GET', url: url(2) });
    expect(feb.json<Report>()).toMatchObject({ completedThisMonth: '199.50', completedYtd: '500.00' });
    const progress = await ctx.db
      .selectFrom('project_year_progress')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({
      year: 2021,
      completed_ytd: '500000000', // numeric: exact, whatever the sum
      started_on: '2021-01-10',
      latest_cutoff: '2021-02-28',
    });
    const project = await staff.request({ method: 'GET', url: `/api/v1/projects/${projectId}` });
    expect(project.json<{ actualStartDate: string }>().actualStartDate).toBe('2021-01-10');
  });

  it('returns a report with a reason, and the owner can resubmit it', async () => {
    await file(owner, 3, { completedThisMonth: '50', submit: true });
    expectField(await review(staff, 3, { decision: 'return' }), 'reason');
    const returned = await review(staff, 3, { decision: 'return', reason: '投资额与形象进度不符' });
    expect(returned.json<Report>()).toMatchObject({ state: 'returned', returnReason: '投资额与形象进度不符' });
    expect((await file(owner, 3, { completedThisMonth: '60', submit: true })).json<Report>().state).toBe('submitted');
  });
});

describe('refusing bad reports, writing nothing', () => {
  it('refuses a negative month that would take the year-to-date below zero', async () => {
    const before = await reportRows();
    expectField(await file(owner, 4, { completedThisMonth: '-900', submit: true }), 'completedThisMonth');
    expect((await file(owner, 4, { completedThisMonth: '-100', submit: true })).statusCode).toBe(200);
    expect((await reportRows()).length).toBe(before.length + 1);
  });

  it('refuses a project or period the user may not touch', async () => {
    const before = await reportRows();
    expect((await file(otherOwner, 4, { completedThisMonth: '1' })).statusCode).toBe(404);
    expect((await file(leader, 4, { completedThisMonth: '1' }, otherProjectId)).statusCode).toBe(403);
    expectField(await file(owner, 13, { completedThisMonth: '1' }), 'month');
    expectField(await file(owner, 6, { completedThisMonth: '1' }), 'period');
    expect(await reportRows()).toEqual(before);
  });

  it('refuses a change after lock without a reason, and keeps a correction beside the original', async () => {
    const result = await lockPeriods({ db: ctx.db, clock: fixedClock('2021-03-06') });
    expect(result.locked).toEqual(['2021-01', '2021-02']);
    expectField(await file(staff, 1, { completedThisMonth: '320' }), 'correctionReason');
    expect((await file(owner, 1, { completedThisMonth: '320', correctionReason: '补报' })).statusCode).toBe(403);
    const corrected = await file(staff, 1, { completedThisMonth: '320.5', correctionReason: '统计局核减后更正' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<Report>()).toMatchObject({
      state: 'locked',
      periodLocked: true,
      completedThisMonth: '320.50',
      corrections: [
        {
          reason: '统计局核减后更正',
          before: { completedThisMonth: '300.50' },
          after: { completedThisMonth: '320.50' },
        },
      ],
    });
    const progress = await ctx.db
      .selectFrom('project_year_progress')
      .select('completed_ytd')
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(progress.completed_ytd).toBe('520000000');
  });
});

describe('photos', () => {
  const upload = (client: Client, month: number, name: string, content: Buffer, type: string) => {
    const { payload, headers } = multipart(content, name, { field: 'photo', contentType: type });
    return client.request({ method: 'POST', url: `${url(month)}/photos`, payload, headers });
  };
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  it('stores an image and serves it only to those who see the project', async () => {
    const response = await upload(owner, 3, 'site.png', png, 'image/png');
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: number }>();
    const served = await staff.request({ method: 'GET', url: `/api/v1/report-photos/${id}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect((await otherOwner.request({ method: 'GET', url: `/api/v1/report-photos/${id}` })).statusCode).toBe(404);
  });

  it('refuses a file that is not an image, whatever its name, and one that is too large', async () => {
    const before = await ctx.db.selectFrom('report_photos').select('id').execute();
    expectField(await upload(owner, 3, 'photo.jpg', Buffer.from('MZ\x90\x00 this is an exe'), 'image/jpeg'), 'photo');
    expectField(
      await upload(owner, 3, 'big.png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png'),
      'photo',
    );
    expect(await ctx.db.selectFrom('report_photos').select('id').execute()).toEqual(before);
  });
});

describe('the review desk', () => {
  it('lists the year’s projects with their state for the month, within scope', async () => {
    const response = await staff.request({ method: 'GET', url: '/api/v1/reports?year=2021&month=3' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      items: { projectId: number; state: string }[];
      stateCounts: Record<string, number>;
    }>();
    expect(body.items.map((i) => [i.projectId, i.state])).toEqual([
      [projectId, 'submitted'],
      [otherProjectId, 'not_started'],
    ]);
    expect(body.stateCounts).toEqual({ submitted: 1, not_started: 1 });
    const mine = await owner.request({ method: 'GET', url: '/api/v1/reports?year=2021&month=3' });
    expect(mine.json<{ items: { projectId: number }[] }>().items.map((i) => i.projectId)).toEqual([projectId]);
  });
});
