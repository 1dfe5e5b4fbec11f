/**
 * The reserve library's acceptance (issue #11 item 3): Chengdu's 110 reserve projects counted 71 / 18 / 11 / 3 / 7
 * by step through the API, an earlier date counting them where they stood then, the drill-down list of one step,
 * a district seeing only its own projects, and the SQL agreeing with core's countReserve on every date tried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countReserve,
  DEFAULT_LIFECYCLE_TEMPLATE,
  reserveStepsOf,
  type ReserveProjectList,
  type ReserveSummary,
  type TransitionFact,
} from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { actorOf, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { buildChengduReserve } from './reserve.fixture.ts';
import { reserveCounts } from './reserve.repository.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let cityActor: ReturnType<typeof actorOf>;

beforeAll(async () => {
  // The application's date is after the project registered on 2021-06-01, so that its first transition keeps that
  // day (a project's first day is the earlier of its creation and the application's date); the counts are asked as
  // of 2021-05-20, when it was not yet registered.
  ctx = await createTestContext({ today: '2021-06-30' });
  const owner = await createOrganization(ctx.db);
  const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  cityActor = actorOf(admin, 'city_admin', { regionCode: '230600' });
  await buildChengduReserve(ctx.db, cityActor, owner);
  city = await signIn(ctx.app, admin);
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
}, 300_000);
afterAll(() => ctx.close());

const summary = async (client: Client, query: string) => {
  const response = await client.request({ method: 'GET', url: `/api/v1/reserve?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReserveSummary>();
};

describe('the reserve library', () => {
  it('counts Chengdu’s 110 reserve projects 71 / 18 / 11 / 3 / 7 by step', async () => {
    const result = await summary(city, 'asOf=2021-05-20&regionCode=230602');
    expect(result.total).toBe(110);
    expect(result.steps.map((s) => [s.label, s.count])).toEqual([
      ['签订投资协议', 71],
      ['项目建议书及可研', 18],
      ['立项用地规划许可', 11],
      ['初步设计及施工图', 3],
      ['施工准备', 7],
      ['未填写环节', 0],
    ]);
  });

  it('counts the projects where they stood on an earlier date', async () => {
    // On 2021-03-15 the 39 projects past the proposal stood at it, and the two started later were in the reserve.
    const march = await summary(city, 'asOf=2021-03-15&regionCode=230602');
    expect(march.steps.map((s) => s.count)).toEqual([71, 41, 0, 0, 0, 0]);
    expect(march.total).toBe(112);
    const january = await summary(city, 'asOf=2021-01-31&regionCode=230602');
    expect(january.steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 112]);
    expect((await summary(city, 'asOf=2021-01-03&regionCode=230602')).total).toBe(0);
  });

  it('lists one step’s projects with their region, step, date and investment', async () => {
    const response = await city.request({
      method: 'GET',
      url: '/api/v1/reserve/projects?asOf=2021-05-20&regionCode=230602&step=design_drawings',
    });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<ReserveProjectList>();
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({
      regionCode: '230602',
      stepCode: 'design_drawings',
      stepLabel: '初步设计及施工图',
      since: '2021-04-15',
      totalInvestment: '100.00',
    });
    const none = await city.request({ method: 'GET', url: '/api/v1/reserve/projects?asOf=2021-01-31&step=none' });
    expect(none.json<ReserveProjectList>().total).toBe(117);
  });

  it('shows a district only its own projects and refuses another district’s region', async () => {
    const own = await summary(district, 'asOf=2021-05-20');
    expect(own.total).toBe(5);
    expect(own.steps[0]?.count).toBe(5);
    const other = await district.request({ method: 'GET', url: '/api/v1/reserve?regionCode=230602' });
    expect(other.statusCode).toBe(400);
  });

  it('agrees with core’s countReserve on every date', async () => {
    const rows = await ctx.db
      .selectFrom('lifecycle_transitions')
      .select([
        'project_id',
        'id',
        'stage_code as stageCode',
        'step_code as stepCode',
        'phase',
        'occurred_on as occurredOn',
      ])
      .execute();
    const byProject = new Map<number, TransitionFact[]>();
    for (const { project_id, ...fact } of rows) byProject.set(project_id, [...(byProject.get(project_id) ?? []), fact]);
    const steps = reserveStepsOf(DEFAULT_LIFECYCLE_TEMPLATE.definition);
    for (const asOf of ['2021-01-03', '2021-01-31', '2021-03-15', '2021-04-10', '2021-05-15', '2021-05-20']) {
      const core = countReserve([...byProject.values()], asOf, steps);
      const counted = await reserveCounts(ctx.db, cityActor, { asOf, regionCode: undefined });
      const sql = new Map(counted.map((c) => [c.stepCode, c.count]));
      expect(
        core.buckets.map((b) => sql.get(b.stepCode) ?? 0),
        asOf,
      ).toEqual(core.buckets.map((b) => b.count));
    }
  });
});
