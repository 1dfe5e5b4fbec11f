/**
 * Funding events through the API: an event moves the project's current totals in the same transaction and keeps
 * the dated history; who may record (owner of the project, district staff in its region, the city) and who may not
 * (another district: 404; the leader: 403); bad input answers 400 by field and changes nothing; summaries as of a
 * date are core's summariseFunding over the same lines, for the city and each district, in the seed's wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fundingSentence,
  summariseFunding,
  wan,
  type FundingHistory,
  type FundingSummaryOutput,
} from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let otherDistrict: Client;
let owner: Client;
let leader: Client;
let projectA: number;
let projectB: number;
let projectC: number;

const post = (client: Client, projectId: number, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/v1/funding/projects/${String(projectId)}/events`, payload });
const history = async (projectId: number) =>
  (await city.request({ method: 'GET', url: `/api/v1/funding/projects/${String(projectId)}` })).json<FundingHistory>();

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  otherDistrict = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: org }));
  leader = await signIn(ctx.app, await createTestUser(ctx.db, 'leader', { regionCode: '230600' }));
  const create = async (regionCode: string, totalInvestment: string) => {
    const body = buildProject(org, { regionCode, totalInvestment });
    const answer = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json<{ id: number }>().id;
  };
  projectA = await create('230602', '100000');
  projectB = await create('230602', '50000');
  projectC = await create('230603', '20000');
}, 120_000);
afterAll(() => ctx.close());

describe('funding events', () => {
  it('moves the current totals with each event and keeps the dated history', async () => {
    const steps = [
      { kind: 'central_budget', step: 'applied', amount: '3000', occurredOn: '2021-01-10' },
      { kind: 'central_budget', step: 'approved', amount: '2000', occurredOn: '2021-03-02' },
      { kind: 'central_budget', step: 'issued', amount: '1200.5', occurredOn: '2021-04-15' },
      { kind: 'central_budget', step: 'issued', amount: '300', occurredOn: '2021-05-18', note: '第二批' },
    ];
    const [applied, approved, issued, issuedAgain] = steps as [(typeof steps)[0], ...typeof steps];
    expect((await post(owner, projectA, applied)).statusCode).toBe(201);
    expect((await post(district, projectA, approved ?? {})).statusCode).toBe(201);
    expect((await post(city, projectA, issued ?? {})).statusCode).toBe(201);
    const last = await post(owner, projectA, issuedAgain ?? {});
    expect(last.statusCode, last.body).toBe(201);
    const result = last.json<FundingHistory>();
    expect(result.totals).toEqual([
      { kind: 'central_budget', applied: '3000.00', approved: '2000.00', issued: '1500.50' },
    ]);
    expect(result.events.map((e) => [e.step, e.amount, e.occurredOn])).toEqual([
      ['issued', '300.00', '2021-05-18'],
      ['issued', '1200.50', '2021-04-15'],
      ['approved', '2000.00', '2021-03-02'],
      ['applied', '3000.00', '2021-01-10'],
    ]);
    expect(result.events[0]?.note).toBe('第二批');
    expect(result.events.every((e) => e.enteredBy !== null)).toBe(true);
    // The project's own answer (project_funding_sources' readers) shows the same totals.
    const project = await city.request({ method: 'GET', url: `/api/v1/projects/${String(projectA)}` });
    expect(project.json<{ fundingSources: unknown[] }>().fundingSources).toEqual([
      { kind: 'central_budget', applied: '3000.00', approved: '2000.00', issued: '1500.50' },
    ]);
  });

  it('lets no one outside the project record: another district 404, the leader 403', async () => {
    const body = { kind: 'special_bond', step: 'applied', amount: '10', occurredOn: '2021-02-01' };
    expect((await post(otherDistrict, projectA, body)).statusCode).toBe(404);
    expect((await post(leader, projectA, body)).statusCode).toBe(403);
    expect(
      (await otherDistrict.request({ method: 'GET', url: `/api/v1/funding/projects/${String(projectA)}` })).statusCode,
    ).toBe(404);
    expect((await history(projectA)).events).toHaveLength(4);
  });

  it('refuses bad input by field and changes nothing', async () => {
    const good = { kind: 'special_bond', step: 'applied', amount: '10', occurredOn: '2021-02-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, amount: '-5' }, 'amount'],
      [{ ...good, amount: '0' }, 'amount'],
      [{ ...good, amount: '99999999999999999999999' }, 'amount'],
      [{ ...good, kind: 'bank_loan' }, 'kind'],
      [{ ...good, step: 'spent' }, 'step'],
      [{ ...good, occurredOn: '2021-02-30' }, 'occurredOn'],
      [{ ...good, occurredOn: '2021-06-01' }, 'occurredOn'],
      [{ ...good, note: 'x'.repeat(20_000) }, 'note'],
    ];
    for (const [body, field] of cases) {
      const answer = await post(city, projectB, body);
      expect(answer.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(Object.keys(answer.json<{ error: { fields: object } }>().error.fields)).toContain(field);
    }
    const nul = await city.request({
      method: 'POST',
      url: `/api/v1/funding/projects/${String(projectB)}/events`,
      payload: JSON.stringify({ ...good, note: 'a\\u0000b' }).replace('\\\\u0000', '\\u0000'),
      headers: { 'content-type': 'application/json' },
    });
    expect(nul.statusCode).toBe(400);
    expect((await history(projectB)).events).toEqual([]);
    expect((await history(projectB)).totals).toEqual([]);
  });

  it('summarises as of a date with core’s summariseFunding, for the city and each district', async () => {
    await post(city, projectB, { kind: 'central_budget', step: 'issued', amount: '800', occurredOn: '2021-02-01' });
    await post(city, projectC, { kind: 'central_budget', step: 'issued', amount: '500', occurredOn: '2021-03-01' });
    await post(city, projectC, { kind: 'special_bond', step: 'approved', amount: '7000', occurredOn: '2021-03-05' });
    const answer = await city.request({ method: 'GET', url: '/api/v1/funding/summary?asOf=2021-04-30' });
    expect(answer.statusCode, answer.body).toBe(200);
    const summary = answer.json<FundingSummaryOutput>();
    const [cityRow, ...districts] = summary.regions;
    // As of April 30 the May issue of project A is not counted.
    const expected = summariseFunding('central_budget', [
      {
        projectId: projectA,
        totalInvestment: wan(100000),
        applied: wan(3000),
        approved: wan(2000),
        issued: wan(1200.5),
      },
      { projectId: projectB, totalInvestment: wan(50000), applied: 0n, approved: 0n, issued: wan(800) },
      { projectId: projectC, totalInvestment: wan(20000), applied: 0n, approved: 0n, issued: wan(500) },
    ]);
    const central = cityRow?.kinds.find((k) => k.kind === 'central_budget');
    expect(central).toMatchObject({ projects: 3, totalInvestment: '170000.00', issued: '2500.50', applied: '3000.00' });
    expect(central?.sentence).toBe(fundingSentence(expected, 'zh'));
    expect(central?.sentence).toBe('争取中央预算内投资项目3个，总投资17.0亿元，已下达资金0.3亿元');
    const saertu = districts.find((d) => d.regionCode === '230602');
    expect(saertu?.kinds.find((k) => k.kind === 'central_budget')?.projects).toBe(2);
    const longfeng = districts.find((d) => d.regionCode === '230603');
    expect(longfeng?.kinds.find((k) => k.kind === 'special_bond')).toMatchObject({ projects: 1, approved: '7000.00' });
    // A district sees its own region only, and may not ask for another.
    const own = await district.request({ method: 'GET', url: '/api/v1/funding/summary?asOf=2021-05-20' });
    expect(own.json<FundingSummaryOutput>().regions.map((r) => r.regionCode)).toEqual(['230602']);
    expect(
      (await district.request({ method: 'GET', url: '/api/v1/funding/summary?regionCode=230603' })).statusCode,
    ).toBe(400);
  });

  it("writes the same sentences into a bulletin through its 资金争取 placeholders, in the reader's scope", async () => {
    const body = '{{中央预算内投资情况}}。\n{{专项债券情况}}。';
    const preview = (client: Client, asOf: string) =>
      client.request({ method: 'POST', url: '/api/v1/bulletins/preview', payload: { asOf, body } });
    const cityText = await preview(city, '2021-04-30');
    expect(cityText.statusCode, cityText.body).toBe(200);
    const summary = (
      await city.request({ method: 'GET', url: '/api/v1/funding/summary?asOf=2021-04-30' })
    ).json<FundingSummaryOutput>();
    const sentenceOf = (kind: string) => summary.regions[0]?.kinds.find((k) => k.kind === kind)?.sentence;
    expect(cityText.json<{ paragraphs: string[] }>().paragraphs).toEqual([
      `${String(sentenceOf('central_budget'))}。`,
      `${String(sentenceOf('special_bond'))}。`,
    ]);
    // Another district has central-budget funds only before its special bond: one paragraph is left out.
    const early = await preview(otherDistrict, '2021-03-01');
    expect(early.json<{ paragraphs: string[] }>().paragraphs).toEqual([
      '争取中央预算内投资项目1个，总投资2.0亿元，已下达资金0.1亿元。',
    ]);
  });

  it('lists the funding lines and exports them to Excel', async () => {
    const lines = await city.request({ method: 'GET', url: '/api/v1/funding/lines?kind=central_budget' });
    expect(lines.json<{ items: unknown[] }>().items).toHaveLength(3);
    const file = await city.request({ method: 'GET', url: '/api/v1/exports/funding-lines.xlsx' });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
