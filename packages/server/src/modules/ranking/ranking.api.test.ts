/**
 * Rankings through the API on the small fixture (ranking.fixture.ts): Yan'an's points agree term by term with the
 * hand computation of core's test, what-if never touches a published edition, an edition survives later data,
 * publishing is idempotent and racing publications leave one edition, bad input is refused by field, and scope:
 * district staff read every district's score but only their own projects, cannot publish; administrators get 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKING_PRESETS, type RankingEdition, type RankingPublishResult, type RankingResult } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { loadRankingFixture } from './ranking.fixture.ts';

let ctx: TestContext;
let city: Client;
let district: Client;
let dragon: Client;
let sysadmin: Client;
let ids: Awaited<ReturnType<typeof loadRankingFixture>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await loadRankingFixture(ctx.db);
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  dragon = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
  sysadmin = await signIn(ctx.app, await createTestUser(ctx.db, 'system_admin', { regionCode: '230600' }));
}, 300_000);
afterAll(() => ctx.close());

const MAY = '/api/v1/rankings?scheme=yanan&period=2021-05';
const termsOf = (result: RankingResult, unit: string) =>
  Object.fromEntries(
    (result.units.find((u) => u.unitCode === unit)?.terms ?? []).map((t) => [t.indicator, t.hundredths]),
  );

describe("Yan'an's ranking from the server's facts", () => {
  it('agrees with the hand computation term by term, and the terms sum to the score', async () => {
    const response = await city.request({ method: 'GET', url: MAY });
    expect(response.statusCode).toBe(200);
    const result = response.json<RankingResult>();
    expect(termsOf(result, '230602')).toEqual({
      project_start: 900,
      plan_scale: 2900,
      project_category: 2900,
      plan_progress: 10500,
      provincial_project: 2000,
      into_production: 2000,
      events_organised: 3000,
      criticism: -500,
    });
    const [first, second] = result.units;
    expect(first).toMatchObject({ unitCode: '230602', rank: 1, points: '237', hundredths: 23700 });
    expect(second).toMatchObject({ unitCode: '230603', rank: 2, points: '44' });
    for (const unit of result.units) expect(unit.terms.reduce((sum, t) => sum + t.hundredths, 0)).toBe(unit.hundredths);
    const perProject = (id: number) =>
      first?.terms.reduce((sum, t) => sum + (t.details.find((d) => d.projectId === id)?.hundredths ?? 0), 0);
    expect([perProject(ids.petrochemical), perProject(ids.hospital), perProject(ids.heating)]).toEqual([
      9000, 7600, 4600,
    ]);
    // The other districts have nothing: they share the next rank.
    expect(result.units.slice(2).every((u) => u.rank === 3 && u.hundredths === 0)).toBe(true);
    expect(result.previousPeriod).toBe('2021-04');
  });

  it('explains a term in words: indicator, value and formula', async () => {
    const result = (await city.request({ method: 'GET', url: MAY })).json<RankingResult>();
    const progress = result.units[0]?.terms.find((t) => t.indicator === 'plan_progress');
    expect(progress).toMatchObject({ label: '投资完成进度', points: '105', valueText: '3 个项目' });
    expect(progress?.formulaText).toBe('60 × 比值（封顶 1）');
    expect(progress?.details.find((d) => d.projectId === ids.petrochemical)?.valueText).toBe('6.00 / 12.00亿元');
  });

  it('shows district staff every score but only its own projects', async () => {
    const result = (await dragon.request({ method: 'GET', url: MAY })).json<RankingResult>();
    expect(result.units[0]?.hundredths).toBe(23700);
    const start = result.units[0]?.terms.find((t) => t.indicator === 'project_start');
    expect(start).toMatchObject({ details: [], hiddenProjects: 3 });
    const own = result.units.find((u) => u.unitCode === '230603')?.terms.find((t) => t.indicator === 'project_start');
    expect(own?.details.map((d) => d.projectId)).toEqual([ids.road]);
  });
});

describe('bad input', () => {
  it('refuses an unknown scheme, a malformed period and a period of the wrong kind by field', async () => {
    const fields = async (url: string) =>
      (await city.request({ method: 'GET', url })).json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(Object.keys(await fields('/api/v1/rankings?scheme=xian&period=2021-05'))).toEqual(['scheme']);
    expect(Object.keys(await fields('/api/v1/rankings?scheme=yanan&period=2021-5'))).toEqual(['period']);
    expect(Object.keys(await fields('/api/v1/rankings?scheme=henan&period=2021-05'))).toEqual(['period']);
  });

  it('refuses a period without data, and one not begun, with the reason', async () => {
    for (const period of ['2019-05', '2021-07']) {
      const response = await city.request({ method: 'GET', url: `/api/v1/rankings?scheme=yanan&period=${period}` });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields.period).toContain(period);
    }
  });

  it('refuses what-if terms that do not parse, naming the field', async () => {
    const terms = RANKING_PRESETS.yanan.terms.map((t) =>
      t.indicator === 'plan_scale' ? { ...t, formula: { kind: 'flag', points: 5 } } : t,
    );
    const response = await city.request({
      method: 'POST',
      url: '/api/v1/rankings/what-if',
      payload: { scheme: 'yanan', period: '2021-05', terms },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([
      'terms.1.formula.kind',
    ]);
  });
});

describe('publishing', () => {
  let published: RankingEdition;

  it('is refused to district staff and administrators', async () => {
    const body = { scheme: 'yanan', period: '2021-05' };
    expect(
      (await district.request({ method: 'POST', url: '/api/v1/rankings/editions', payload: body })).statusCode,
    ).toBe(403);
    expect(
      (await sysadmin.request({ method: 'POST', url: '/api/v1/rankings/editions', payload: body })).statusCode,
    ).toBe(403);
    expect((await sysadmin.request({ method: 'GET', url: MAY })).statusCode).toBe(403);
  });

  it('freezes an edition; publishing again returns it', async () => {
    const body = { scheme: 'yanan', period: '2021-05' };
    const first = await city.request({ method: 'POST', url: '/api/v1/rankings/editions', payload: body });
    expect(first.statusCode).toBe(201);
    published = first.json<RankingPublishResult>().edition;
    expect(published).toMatchObject({ edition: 1, schemeVersion: 1, period: '2021-05' });
    const again = await city.request({ method: 'POST', url: '/api/v1/rankings/editions', payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json<RankingPublishResult>()).toMatchObject({ created: false, edition: { id: published.id } });
  });

  it('what-if changes the ranking without changing the published edition', async () => {
    const terms = RANKING_PRESETS.yanan.terms.map((t) =>
      t.indicator === 'provincial_project' ? { ...t, formula: { kind: 'flag', points: 50 } } : t,
    );
    const response = await city.request({
      method: 'POST',
      url: '/api/v1/rankings/what-if',
      payload: { scheme: 'yanan', period: '2021-05', terms },
    });
    const whatIf = response.json<RankingResult>();
    expect(whatIf.whatIf).toBe(true);
    expect(whatIf.units[0]?.hundredths).toBe(26700); // 237 + (50 − 20) for the one provincial project
    const edition = await city.request({ method: 'GET', url: `/api/v1/rankings/editions/${String(published.id)}` });
    expect(edition.json<RankingEdition>()).toEqual(published);
  });

  it('keeps a published edition when the data change later; a republication is a new edition', async () => {
    await ctx.db
      .updateTable('annual_plans')
      .set({ planned_investment: 1n })
      .where('project_id', '=', ids.road)
      .execute();
    const live = (await city.request({ method: 'GET', url: MAY })).json<RankingResult>();
    expect(live.units.find((u) => u.unitCode === '230603')?.hundredths).not.toBe(4400);
    const edition = await city.request({ method: 'GET', url: `/api/v1/rankings/editions/${String(published.id)}` });
    expect(edition.json<RankingEdition>()).toEqual(published);
    const again = await city.request({
      method: 'POST',
      url: '/api/v1/rankings/editions/republish',
      payload: { scheme: 'yanan', period: '2021-05' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json<RankingPublishResult>().edition.edition).toBe(2);
    const list = await district.request({ method: 'GET', url: '/api/v1/rankings/editions?scheme=yanan' });
    expect(list.json<{ items: { edition: number }[] }>().items.map((e) => e.edition)).toEqual([2, 1]);
  });

  it('leaves exactly one edition when publications race', async () => {
    const body = { scheme: 'henan', period: '2021-Q1' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        city.request({ method: 'POST', url: '/api/v1/rankings/editions', payload: body }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<RankingPublishResult>().edition.id)).size).toBe(1);
    const rows = await ctx.db.selectFrom('ranking_editions').select('id').where('scheme_id', '=', 'henan').execute();
    expect(rows).toHaveLength(1);
  });

  it('exports a ranking and an edition as xlsx', async () => {
    for (const url of [
      '/api/v1/rankings/export.xlsx?scheme=yanan&period=2021-05',
      `/api/v1/rankings/editions/${String(published.id)}/export.xlsx`,
    ]) {
      const response = await district.request({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});

describe('data quality', () => {
  it("scores every district and lists only the reader's projects", async () => {
    const response = await district.request({ method: 'GET', url: '/api/v1/rankings/data-quality?period=2021-05' });
    expect(response.statusCode).toBe(200);
    const result = response.json<{
      districts: { regionCode: string; hundredths: number | null }[];
      projects: { projectId: number; hundredths: number; terms: Record<string, number> }[];
    }>();
    expect(result.projects.map((p) => p.projectId).sort()).toEqual(
      [ids.petrochemical, ids.hospital, ids.heating].sort(),
    );
    // Four reports due and on time, fresh, no photos, no corrections or ignored warnings: 40 + 15 + 0 + 10 + 10.
    expect(result.projects[0]).toMatchObject({ hundredths: 7500, terms: { timeliness: 4000, evidence: 0 } });
    expect(result.districts.find((d) => d.regionCode === '230603')?.hundredths).toBe(7500);
    expect(result.districts.find((d) => d.regionCode === '230604')?.hundredths).toBeNull();
  });
});

describe('adjustments entered by the city (上级通报批评)', () => {
  const enter = (client: Client, payload: Record<string, unknown>) =>
    client.request({ method: 'POST', url: '/api/v1/rankings/adjustments', payload });
  const body = { scheme: 'yanan', period: '2021-05', regionCode: '230603', points: -10, reason: '省通报批评' };

  it("enters points within the scheme's bounds, audited, and the live ranking counts them", async () => {
    const before = (await city.request({ method: 'GET', url: MAY })).json<RankingResult>();
    const entered = await enter(city, body);
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({ regionCode: '230603', points: '-10', indicator: 'criticism' });
    const after = (await city.request({ method: 'GET', url: MAY })).json<RankingResult>();
    expect(termsOf(after, '230603').criticism).toBe((termsOf(before, '230603').criticism ?? 0) - 1000);
    const listed = await district.request({
      method: 'GET',
      url: '/api/v1/rankings/adjustments?scheme=yanan&period=2021-05',
    });
    expect(listed.json<{ items: { regionCode: string; reason: string }[] }>().items).toContainEqual(
      expect.objectContaining({ regionCode: '230603', reason: '省通报批评' }),
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'ranking_adjustment')
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses points out of bounds, a scheme without adjustments, a city as the district, and other roles', async () => {
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('ranking_adjustments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const fieldOf = async (payload: Record<string, unknown>) => {
      const answer = await enter(city, payload);
      expect(answer.statusCode).toBe(400);
      return Object.keys(answer.json<{ error: { fields: Record<string, string> } }>().error.fields);
    };
    expect(await fieldOf({ ...body, points: -25 })).toEqual(['points']);
    expect(await fieldOf({ ...body, points: -4 })).toEqual(['points']);
    expect(await fieldOf({ ...body, scheme: 'henan', period: '2021-Q2' })).toEqual(['scheme']);
    expect(await fieldOf({ ...body, regionCode: '230600' })).toEqual(['regionCode']);
    expect(await fieldOf({ ...body, reason: '  ' })).toEqual(['reason']);
    expect(await fieldOf({ ...body, reason: '批'.repeat(20_000) })).toEqual(['reason']);
    expect((await enter(district, body)).statusCode).toBe(403);
    expect((await enter(sysadmin, body)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});
