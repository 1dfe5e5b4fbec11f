/**
 * Groundbreaking events through the API: an event's totals; a project's start recorded once whether the event or
 * a report comes first; a project in another event refused; removal and deletion guarded by the starts an event
 * recorded; a future date refused; district scope (404 for another district's event, 403 for managing the city's);
 * and the seed-001 style summary sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wan, type EventDetail, type EventSummaryOutput } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { actorOf, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { recordTransition } from '../lifecycle/lifecycle-transition.service.ts';
import { insertProjectOn, walkSteps } from '../reserve/reserve.fixture.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let otherDistrict: Client;
let cityActor: ReturnType<typeof actorOf>;
let owner: number;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await createOrganization(ctx.db);
  const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  cityActor = actorOf(admin, 'city_admin', { regionCode: '230600' });
  city = await signIn(ctx.app, admin);
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  otherDistrict = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
}, 120_000);
afterAll(() => ctx.close());

const reserveProject = async (amountWan: number, regionCode = '230602') => {
  const id = await insertProjectOn(ctx.db, owner, {
    createdOn: '2021-01-04',
    totalInvestmentFen: wan(amountWan),
    regionCode,
  });
  await walkSteps(ctx.db, cityActor, id, ['2021-02-01', '2021-03-01']);
  return id;
};

const recordStart = (projectId: number, occurredOn: string, source: 'report' | 'manual') =>
  ctx.db
    .transaction()
    .execute((trx) =>
      recordTransition(
        trx,
        cityActor,
        { projectId, stageCode: 'started', stepCode: null, occurredOn, note: null, source },
        { today: '2021-05-20', backdateWindowDays: 90 },
      ),
    );

const startsOf = async (projectId: number) =>
  ctx.db
    .selectFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .where('phase', '=', 'started')
    .select(['occurred_on', 'source', 'event_id'])
    .execute();

const createEvent = async (client: Client, body: Record<string, unknown>) =>
  client.request({
    method: 'POST',
    url: '/api/v1/events',
    payload: { name: '全市重大项目集中开工', heldOn: '2021-04-28', level: 'city', regionCode: '230602', ...body },
  });

const addProjects = (client: Client, eventId: number, projectIds: number[]) =>
  client.request({ method: 'POST', url: `/api/v1/events/${eventId}/projects`, payload: { projectIds } });

describe('groundbreaking events', () => {
  it('records starts of projects not yet started, links started ones once, and totals the event', async () => {
    const first = await reserveProject(12000);
    const second = await reserveProject(3500);
    const reported = await reserveProject(500);
    await recordStart(reported, '2021-04-10', 'report');

    const created = await createEvent(city, { place: '高新区' });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json<EventDetail>();
    const added = await addProjects(city, event.id, [first, second, reported]);
    expect(added.statusCode, added.body).toBe(200);
    const detail = added.json<EventDetail>();
    expect(detail.totals).toEqual({ projects: 3, totalInvestment: '16000.00', totalInvestmentYi: '1.60' });
    expect(detail.projects.find((p) => p.id === first)).toMatchObject({
      actualStartDate: '2021-04-28',
      startedByEvent: true,
    });
    expect(detail.projects.find((p) => p.id === reported)).toMatchObject({
      actualStartDate: '2021-04-10',
      startedByEvent: false,
    });
    expect(await startsOf(first)).toEqual([{ occurred_on: '2021-04-28', source: 'event', event_id: event.id }]);
    expect(await startsOf(reported)).toEqual([{ occurred_on: '2021-04-10', source: 'report', event_id: null }]);

    // Event first, report second: the report cannot record the start again.
    await expect(recordStart(first, '2021-05-01', 'report')).rejects.toMatchObject({ statusCode: 400 });
    expect(await startsOf(first)).toHaveLength(1);

    // Removing a project whose start the event recorded is refused; one started by a report may go.
    const removeFirst = await city.request({ method: 'DELETE', url: `/api/v1/events/${event.id}/projects/${first}` });
    expect(removeFirst.statusCode).toBe(409);
    const removeReported = await city.request({
      method: 'DELETE',
      url: `/api/v1/events/${event.id}/projects/${reported}`,
    });
    expect(removeReported.json<EventDetail>().totals.projects).toBe(2);
    expect((await city.request({ method: 'DELETE', url: `/api/v1/events/${event.id}` })).statusCode).toBe(409);

    // A project in this event cannot join another one.
    const other = (await createEvent(city, { name: '分行业集中开工', level: 'industry' })).json<EventDetail>();
    const refused = await addProjects(city, other.id, [second]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('全市重大项目集中开工');
    expect((await city.request({ method: 'DELETE', url: `/api/v1/events/${other.id}` })).statusCode).toBe(204);
  });

  it('refuses an event dated after the application’s date and writes nothing', async () => {
    const response = await createEvent(city, { heldOn: '2021-06-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields.heldOn).toContain('2021-05-20');
  });

  it('keeps another district’s event out of sight, and a district cannot manage the city’s', async () => {
    const own = (await createEvent(district, { name: '区级集中开工', level: 'function_zone' })).json<EventDetail>();
    expect((await otherDistrict.request({ method: 'GET', url: `/api/v1/events/${own.id}` })).statusCode).toBe(404);
    expect((await district.request({ method: 'GET', url: `/api/v1/events/${own.id}` })).statusCode).toBe(200);

    const cityEvent = (await createEvent(city, { name: '全市春季集中开工', regionCode: '230600' })).json<EventDetail>();
    expect((await otherDistrict.request({ method: 'GET', url: `/api/v1/events/${cityEvent.id}` })).statusCode).toBe(
      200,
    );
    const neighbour = await reserveProject(800, '230603');
    expect((await addProjects(otherDistrict, cityEvent.id, [neighbour])).statusCode).toBe(403);
    // The 230602 district cannot reach a 230603 project: 404.
    expect((await addProjects(district, own.id, [neighbour])).statusCode).toBe(404);
    const outside = await createEvent(district, { regionCode: '230603' });
    expect(outside.statusCode).toBe(400);
  });

  it('writes the summary sentence of the year’s events (two city, one function zone; 15500万元 → 1.6亿元)', async () => {
    const response = await city.request({ method: 'GET', url: '/api/v1/events/summary?year=2021' });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json<EventSummaryOutput>();
    expect(summary.byLevel).toEqual({ provincial: 0, city: 2, industry: 0, function_zone: 1 });
    expect(summary.text).toBe(
      '截至目前，举办全市重大项目集中开工2次、产业功能区重大项目集中开工1次，开工项目2个，总投资1.6亿元',
    );
  });
});
