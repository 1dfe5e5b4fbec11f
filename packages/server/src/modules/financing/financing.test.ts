/**
 * The financing-needs list through the API: declaring needs (own projects only; bad input 400 by field, nothing
 * written), publishing the two-month edition (idempotent, racing publications leave one), what a financial
 * institution reads (published editions only, no project id), interest and the match moves of core's
 * matchMoveAllowed, and needs met as core's needsMet computes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  needsMet,
  wan,
  type FinancingEditionDetail,
  type FinancingEditionList,
  type FinancingMatch,
  type FinancingNeed,
  type FinancingPublishOutput,
  type FinancingSummaryOutput,
} from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import {
  actorOf,
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
} from '../../../test/factories.ts';
import { publishEdition } from './financing.service.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let owner: Client;
let leader: Client;
let bank: Client;
let otherBank: Client;
let cityActor: ReturnType<typeof actorOf>;
let ownProject: number;
let otherProject: number;

const need = (projectId: number, overrides: Record<string, unknown> = {}) => ({
  projectId,
  amount: '5000',
  instrument: 'loan',
  termMonths: 36,
  purpose: '设备购置',
  collateral: '土地使用权抵押',
  ...overrides,
});
const declare = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/financing/needs', payload });
const needCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('financing_needs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  const other = await createOrganization(ctx.db, { regionCode: '230603' });
  const cityUser = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  cityActor = actorOf(cityUser, 'city_admin', { regionCode: '230600' });
  city = await signIn(ctx.app, cityUser);
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: org }));
  leader = await signIn(ctx.app, await createTestUser(ctx.db, 'leader', { regionCode: '230600' }));
  bank = await signIn(ctx.app, await createTestUser(ctx.db, 'financial_institution'));
  otherBank = await signIn(ctx.app, await createTestUser(ctx.db, 'financial_institution'));
  const create = async (ownerOrg: number, regionCode: string) => {
    const answer = await city.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(ownerOrg, { regionCode }),
    });
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json<{ id: number }>().id;
  };
  ownProject = await create(org, '230602');
  otherProject = await create(other, '230603');
}, 120_000);
afterAll(() => ctx.close());

describe('declaring needs', () => {
  it('lets an owner declare for its own project only, and the DRC for any it sees', async () => {
    const declared = await declare(owner, need(ownProject));
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json<FinancingNeed>()).toMatchObject({
      amount: '5000.00',
      declaredOn: '2021-05-20',
      signed: '0.00',
    });
    expect((await declare(owner, need(otherProject))).statusCode).toBe(404);
    expect((await declare(district, need(otherProject))).statusCode).toBe(404);
    expect((await declare(city, need(otherProject, { amount: '12000', instrument: 'leasing' }))).statusCode).toBe(201);
    expect((await declare(leader, need(ownProject))).statusCode).toBe(403);
    expect((await declare(bank, need(ownProject))).statusCode).toBe(403);
    const mine = await owner.request({ method: 'GET', url: '/api/v1/financing/needs' });
    expect(mine.json<{ items: FinancingNeed[] }>().items.map((n) => n.projectId)).toEqual([ownProject]);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const before = await needCount();
    const cases: [Record<string, unknown>, string][] = [
      [need(ownProject, { amount: '-1' }), 'amount'],
      [need(ownProject, { amount: '99999999999999999999999999' }), 'amount'],
      [need(ownProject, { purpose: 'x'.repeat(20_000) }), 'purpose'],
      [need(ownProject, { termMonths: 0 }), 'termMonths'],
      [need(ownProject, { instrument: 'gift' }), 'instrument'],
    ];
    for (const [body, field] of cases) {
      const answer = await declare(owner, body);
      expect(answer.statusCode).toBe(400);
      expect(Object.keys(answer.json<{ error: { fields: object } }>().error.fields)).toEqual([field]);
    }
    const nul = await owner.request({
      method: 'POST',
      url: '/api/v1/financing/needs',
      payload: JSON.stringify(need(ownProject, { purpose: '设备NUL' })).replace('NUL', '\\u0000'),
      headers: { 'content-type': 'application/json' },
    });
    expect(nul.statusCode).toBe(400);
    expect(Object.keys(nul.json<{ error: { fields: object } }>().error.fields)).toEqual(['purpose']);
    expect(await needCount()).toBe(before);
  });
});

describe('editions, interest and matches', () => {
  let edition: FinancingPublishOutput;

  it('shows an institution no edition before one is published, and no needs at all', async () => {
    expect((await bank.request({ method: 'GET', url: '/api/v1/financing/editions' })).json()).toEqual({ items: [] });
    expect((await bank.request({ method: 'GET', url: '/api/v1/financing/needs' })).statusCode).toBe(403);
    expect((await bank.request({ method: 'GET', url: '/api/v1/financing/summary' })).statusCode).toBe(403);
  });

  it('publishes the two-month edition once; publishing again changes nothing', async () => {
    expect(
      (await district.request({ method: 'POST', url: '/api/v1/financing/editions', payload: {} })).statusCode,
    ).toBe(403);
    const first = await city.request({ method: 'POST', url: '/api/v1/financing/editions', payload: {} });
    expect(first.statusCode, first.body).toBe(200);
    edition = first.json<FinancingPublishOutput>();
    expect(edition).toMatchObject({ code: '2021-3', created: true, needs: 2, amount: '17000.00' });
    // A need declared afterwards does not enter the published edition, even when it is published again.
    expect((await declare(owner, need(ownProject, { amount: '100' }))).statusCode).toBe(201);
    const again = await city.request({ method: 'POST', url: '/api/v1/financing/editions', payload: {} });
    expect(again.json<FinancingPublishOutput>()).toMatchObject({ id: edition.id, created: false, needs: 2 });
  });

  it('leaves one edition when two publications race', async () => {
    const deps = { db: ctx.db, clock: fixedClock('2021-07-08') };
    const results = await Promise.all([publishEdition(deps, cityActor), publishEdition(deps, cityActor)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].id).toBe(results[1].id);
    const rows = await ctx.db.selectFrom('financing_editions').where('code', '=', '2021-4').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('shows an institution the published needs without any project id', async () => {
    const list = await bank.request({ method: 'GET', url: '/api/v1/financing/editions' });
    expect(list.json<FinancingEditionList>().items.map((e) => e.code)).toEqual(['2021-4', '2021-3']);
    const detail = await bank.request({ method: 'GET', url: `/api/v1/financing/editions/${String(edition.id)}` });
    const items = detail.json<FinancingEditionDetail>().items;
    expect(items).toHaveLength(2);
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(
        ['amount', 'collateral', 'instrument', 'needId', 'projectName', 'purpose', 'regionName', 'termMonths'].sort(),
      );
    expect(detail.body).not.toContain('projectId');
    expect((await bank.request({ method: 'GET', url: '/api/v1/financing/editions/99999' })).statusCode).toBe(404);
  });

  it('registers interest and moves matches as core allows', async () => {
    const { items } = (
      await bank.request({ method: 'GET', url: `/api/v1/financing/editions/${String(edition.id)}` })
    ).json<FinancingEditionDetail>();
    const [first, second] = items;
    if (!first || !second) throw new Error('two needs expected');
    const url = (needId: number) => `/api/v1/financing/editions/${String(edition.id)}/needs/${String(needId)}/interest`;
    const interest = await bank.request({ method: 'POST', url: url(first.needId), payload: {} });
    expect(interest.statusCode, interest.body).toBe(201);
    const match = interest.json<FinancingMatch>();
    expect(match).toMatchObject({ state: 'interested', signedAmount: null });
    expect((await bank.request({ method: 'POST', url: url(first.needId), payload: {} })).statusCode).toBe(409);
    expect((await bank.request({ method: 'POST', url: url(999999), payload: {} })).statusCode).toBe(404);
    // The DRC records for a bank it names.
    expect((await city.request({ method: 'POST', url: url(second.needId), payload: {} })).statusCode).toBe(400);
    const recorded = await city.request({
      method: 'POST',
      url: url(second.needId),
      payload: { institution: '建设银行大庆分行' },
    });
    expect(recorded.statusCode).toBe(201);

    const move = (client: Client, id: number, payload: Record<string, unknown>) =>
      client.request({ method: 'PATCH', url: `/api/v1/financing/matches/${String(id)}`, payload });
    expect((await move(otherBank, match.id, { state: 'negotiating' })).statusCode).toBe(404);
    expect((await move(bank, match.id, { state: 'signed' })).statusCode).toBe(400);
    expect((await move(bank, match.id, { state: 'negotiating' })).json<FinancingMatch>().state).toBe('negotiating');
    expect((await move(bank, match.id, { state: 'interested' })).statusCode).toBe(409);
    const signed = await move(bank, match.id, { state: 'signed', signedAmount: '3000' });
    expect(signed.json<FinancingMatch>()).toMatchObject({ state: 'signed', signedAmount: '3000.00' });
    expect((await move(bank, match.id, { state: 'declined' })).statusCode).toBe(409);
    const declined = await move(city, recorded.json<FinancingMatch>().id, { state: 'declined', note: '抵押不足' });
    expect(declined.json<FinancingMatch>()).toMatchObject({ state: 'declined', note: '抵押不足' });

    // Each institution sees its own matches; the DRC all.
    expect(
      (await bank.request({ method: 'GET', url: '/api/v1/financing/matches' })).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    expect(
      (await otherBank.request({ method: 'GET', url: '/api/v1/financing/matches' })).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);
    expect(
      (await city.request({ method: 'GET', url: '/api/v1/financing/matches' })).json<{ items: unknown[] }>().items,
    ).toHaveLength(2);

    const summary = await city.request({
      method: 'GET',
      url: `/api/v1/financing/summary?editionId=${String(edition.id)}`,
    });
    const expected = needsMet(
      items.map((item) => ({
        amount: wan(Number(item.amount)),
        signed: item.needId === first.needId ? wan(3000) : 0n,
      })),
    );
    expect(summary.json<FinancingSummaryOutput>()).toMatchObject({
      editionCode: '2021-3',
      needs: expected.needs,
      met: 1,
      signed: '3000.00',
      needed: '17000.00',
      share: expected.share,
    });
  });

  it('exports the needs, an edition and the matches', async () => {
    for (const [client, name] of [
      [city, 'financing-needs'],
      [bank, `financing-edition.xlsx?editionId=${String(edition.id)}`],
      [bank, 'financing-matches'],
    ] as const) {
      const url = `/api/v1/exports/${name.includes('.xlsx') ? name : `${name}.xlsx`}`;
      const file = await client.request({ method: 'GET', url });
      expect(file.statusCode, url).toBe(200);
      expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await bank.request({ method: 'GET', url: '/api/v1/exports/financing-needs.xlsx' })).statusCode).toBe(403);
  });
});
