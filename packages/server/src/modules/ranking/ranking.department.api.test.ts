/**
 * Departments ranked (部门赛马, issue #13) through the API on the ranking fixture: two responsible units lead two
 * projects each (their names as the projects' 责任单位) and one has two problems due in May, one resolved on time.
 * The ranking agrees term by term with the hand computation below; what-if, publishing and the xlsx export work
 * for the department scheme as for the districts'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankingPublishResult, RankingResult } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { loadRankingFixture } from './ranking.fixture.ts';

let ctx: TestContext;
let city: Client;
let land = 0;
let housing = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const ids = await loadRankingFixture(ctx.db);
  const unit = async (name: string) =>
    (
      await ctx.db
        .insertInto('organizations')
        .values({ kind: 'responsible_unit', name, region_code: '230600' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  land = await unit('大庆市自然资源局');
  housing = await unit('大庆市住房和城乡建设局');
  const lead = (name: string, projectIds: number[]) =>
    ctx.db.updateTable('projects').set({ responsible_unit: name }).where('id', 'in', projectIds).execute();
  await lead('大庆市自然资源局', [ids.petrochemical, ids.hospital]);
  await lead(' 大庆市住房和城乡建设局 ', [ids.heating, ids.road]);
  const problem = { project_id: ids.petrochemical, region_code: '230602', category: 'land' as const };
  await ctx.db
    .insertInto('problems')
    .values([
      {
        ...problem,
        title: '用地报批',
        description: '用地报批材料待补正',
        state: 'resolved',
        raised_on: '2021-05-03',
        assigned_unit_id: land,
        assigned_on: '2021-05-03',
        due_on: '2021-05-10',
        resolved_on: '2021-05-09',
      },
      {
        ...problem,
        title: '林地征占',
        description: '林地征占手续未办结',
        state: 'in_progress',
        raised_on: '2021-05-05',
        assigned_unit_id: land,
        assigned_on: '2021-05-05',
        due_on: '2021-05-20',
      },
    ])
    .execute();
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
}, 300_000);
afterAll(() => ctx.close());

const MAY = '/api/v1/rankings?scheme=departments&period=2021-05';
const termsOf = (result: RankingResult, unit: number) =>
  Object.fromEntries(
    (result.units.find((u) => u.unitCode === String(unit))?.terms ?? []).map((t) => [t.indicator, t.hundredths]),
  );

describe('the department ranking', () => {
  it('agrees with the hand computation term by term, and the terms sum to the score', async () => {
    const response = await city.request({ method: 'GET', url: MAY });
    expect(response.statusCode).toBe(200);
    const result = response.json<RankingResult>();
    expect(result.unitKind).toBe('department');
    // 自然资源局: problems 1 of 2 on time → 30 × 0.5 = 15; both projects started → 20; completion 9.3 / 15 亿 = 0.62
    // is the best → 20; reports on time 8 of 8 → 15; no warnings, the fewest → 15. Total 85.
    expect(termsOf(result, land)).toEqual({
      problems_closed_on_time: 1500,
      start_resume_rate: 2000,
      completion_rate: 2000,
      reports_on_time: 1500,
      warnings_outstanding: 1500,
    });
    // 住建局 (its name written with spaces in the ledger): no problems due → 0; started 2 of 2 → 20; completion
    // 0.7 / 1.8 亿 = 0.388889 against the best 0.62 → 20 × 0.388889 / 0.62 = 12.54; reports 15; warnings 15.
    expect(termsOf(result, housing)).toEqual({
      problems_closed_on_time: 0,
      start_resume_rate: 2000,
      completion_rate: 1254,
      reports_on_time: 1500,
      warnings_outstanding: 1500,
    });
    expect(result.units[0]).toMatchObject({ unitCode: String(land), rank: 1, points: '85' });
    expect(result.units[1]).toMatchObject({ unitCode: String(housing), rank: 2, points: '62.54' });
    for (const unit of result.units) expect(unit.terms.reduce((sum, t) => sum + t.hundredths, 0)).toBe(unit.hundredths);
    const completion = result.units[1]?.terms.find((t) => t.indicator === 'completion_rate');
    expect(completion).toMatchObject({ valueText: '38.89%', bestText: '62.00%' });
  });

  it('recomputes with changed weights, publishes an edition and exports it', async () => {
    const terms = [{ indicator: 'problems_closed_on_time', formula: { kind: 'proportional', points: 100 } }];
    const whatIf = await city.request({
      method: 'POST',
      url: '/api/v1/rankings/what-if',
      payload: { scheme: 'departments', period: '2021-05', terms },
    });
    expect(whatIf.statusCode).toBe(200);
    expect(whatIf.json<RankingResult>().units[0]).toMatchObject({ unitCode: String(land), points: '50' });
    const published = await city.request({
      method: 'POST',
      url: '/api/v1/rankings/editions',
      payload: { scheme: 'departments', period: '2021-05' },
    });
    expect(published.statusCode).toBe(201);
    const { edition } = published.json<RankingPublishResult>();
    expect(edition).toMatchObject({ schemeId: 'departments', unitKind: 'department', edition: 1 });
    expect(edition.units.map((u) => u.points)).toEqual(expect.arrayContaining(['85', '62.54']));
    const sheet = await city.request({
      method: 'GET',
      url: `/api/v1/rankings/editions/${String(edition.id)}/export.xlsx`,
    });
    expect(sheet.statusCode).toBe(200);
  });
});
