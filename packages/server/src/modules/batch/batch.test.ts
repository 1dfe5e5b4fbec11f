/**
 * A three-batches round through the API, its rates against a hand count: of three signed projects one moved past
 * the agreement after the round (one only signed after it, one moved before it) → 33.3%; of four planned starts
 * three started by 2021-05-20 (two by 2021-04-30) → 75.0% (50.0%); of two planned productions one produced →
 * 50.0%; the lists of those that did not; a duplicate refused; another district's round out of sight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchRoundDetail } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { actorOf, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { recordTransition } from '../lifecycle/lifecycle-transition.service.ts';
import { insertProjectOn, walkSteps } from '../reserve/reserve.fixture.ts';

let ctx: TestContext;
let district: Client;
let otherDistrict: Client;
let actor: ReturnType<typeof actorOf>;
let owner: number;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await createOrganization(ctx.db);
  const staff = await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' });
  actor = actorOf(staff, 'district_staff', { regionCode: '230602' });
  district = await signIn(ctx.app, staff);
  otherDistrict = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
}, 120_000);
afterAll(() => ctx.close());

const transition = (projectId: number, stageCode: string, occurredOn: string) =>
  ctx.db
    .transaction()
    .execute((trx) =>
      recordTransition(
        trx,
        actor,
        { projectId, stageCode, stepCode: null, occurredOn, note: null, source: 'manual' },
        { today: '2021-05-20', backdateWindowDays: 3650 },
      ),
    );

const walked = async (days: string[], regionCode = '230602') => {
  const id = await insertProjectOn(ctx.db, owner, { createdOn: '2021-01-04', regionCode });
  await walkSteps(ctx.db, actor, id, days);
  return id;
};

const add = (roundId: number, batch: string, projects: { projectId: number; plannedOn?: string }[]) =>
  district.request({ method: 'POST', url: `/api/v1/batches/${roundId}/projects`, payload: { batch, projects } });

describe('the three batches', () => {
  it('computes each batch’s rate and lists the projects that did not make it', async () => {
    const signed = [
      await walked(['2021-02-01', '2021-04-02']),
      await walked(['2021-03-05']),
      await walked(['2021-02-01', '2021-02-20']),
    ];
    const starts = [
      await walked(['2021-02-01']),
      await walked(['2021-02-01']),
      await walked(['2021-02-01']),
      await walked(['2021-02-01']),
    ];
    await transition(starts[0] ?? 0, 'started', '2021-03-10');
    await transition(starts[1] ?? 0, 'started', '2021-04-20');
    await transition(starts[3] ?? 0, 'started', '2021-05-15');
    const building = [
      await insertProjectOn(ctx.db, owner, { createdOn: '2020-03-01', startedOn: '2020-05-01' }),
      await insertProjectOn(ctx.db, owner, { createdOn: '2020-03-01', startedOn: '2020-05-01' }),
    ];
    await transition(building[1] ?? 0, 'completed', '2021-04-01');
    await transition(building[1] ?? 0, 'production', '2021-05-01');

    const created = await district.request({
      method: 'POST',
      url: '/api/v1/batches',
      payload: { name: '2021年第一轮三个一批', heldOn: '2021-03-01', regionCode: '230602' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json<BatchRoundDetail>();
    expect(
      (
        await add(
          round.id,
          'sign',
          signed.map((projectId) => ({ projectId })),
        )
      ).statusCode,
    ).toBe(200);
    const plannedStarts = starts.map((projectId) => ({ projectId, plannedOn: '2021-04-30' }));
    expect((await add(round.id, 'start', plannedStarts)).statusCode).toBe(200);
    const last = await add(
      round.id,
      'production',
      building.map((projectId) => ({ projectId })),
    );
    expect(last.statusCode, last.body).toBe(200);

    const detail = last.json<BatchRoundDetail>();
    expect(detail.counts).toEqual({ sign: 3, start: 4, production: 2 });
    expect(detail.batches.map((b) => [b.batch, b.planned, b.achieved, b.rate])).toEqual([
      ['sign', 3, 1, '33.3'],
      ['start', 4, 3, '75.0'],
      ['production', 2, 1, '50.0'],
    ]);
    const missed = detail.batches[1]?.projects.filter((p) => !p.achieved).map((p) => p.id);
    expect(missed).toEqual([starts[2]]);
    expect(detail.batches[0]?.projects.find((p) => p.id === signed[0])?.achievedOn).toBe('2021-04-02');

    const april = await district.request({ method: 'GET', url: `/api/v1/batches/${round.id}?asOf=2021-04-30` });
    const aprilRates = april.json<BatchRoundDetail>().batches.map((b) => b.rate);
    expect(aprilRates).toEqual(['33.3', '50.0', '0.0']);

    const duplicate = await add(round.id, 'sign', [{ projectId: signed[0] ?? 0 }]);
    expect(duplicate.statusCode).toBe(400);
  });

  it('keeps a round out of another district’s sight and its projects out of the round', async () => {
    const created = await district.request({
      method: 'POST',
      url: '/api/v1/batches',
      payload: { name: '第二轮', heldOn: '2021-05-01', regionCode: '230602' },
    });
    const round = created.json<BatchRoundDetail>();
    expect((await otherDistrict.request({ method: 'GET', url: `/api/v1/batches/${round.id}` })).statusCode).toBe(404);
    const neighbour = await insertProjectOn(ctx.db, owner, { createdOn: '2021-01-04', regionCode: '230603' });
    expect((await add(round.id, 'sign', [{ projectId: neighbour }])).statusCode).toBe(404);
    const refused = await otherDistrict.request({
      method: 'POST',
      url: '/api/v1/batches',
      payload: { name: '越权', heldOn: '2021-05-01', regionCode: '230602' },
    });
    expect(refused.statusCode).toBe(400);
    expect((await district.request({ method: 'DELETE', url: `/api/v1/batches/${round.id}` })).statusCode).toBe(204);
  });
});
