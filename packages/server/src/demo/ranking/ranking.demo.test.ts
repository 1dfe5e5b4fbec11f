/**
 * The rankings' demo on the whole 大庆 city: a published May 2021 Yan'an ranking, a 2021-Q1 Henan one and a May
 * 2021 department ranking, each ranking every unit with terms summing to the score; the May one shows 大同区's
 * criticism.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createTestUser, signIn } from '../../../test/factories.ts';
import type { RankingEdition, RankingEditionList } from '@keyprojects/core';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemoCity } from '../dispatch/seed-dispatch.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoCity(ctx.db, generateDaqingDemo());
}, 600_000);
afterAll(() => ctx.close());

describe('the rankings demo', () => {
  it('publishes the May 2021 Yan’an ranking, the 2021-Q1 Henan one and the May 2021 department one', async () => {
    const leader = await signIn(ctx.app, await createTestUser(ctx.db, 'leader', { regionCode: '230600' }));
    const list = (await leader.request({ method: 'GET', url: '/api/v1/rankings/editions' })).json<RankingEditionList>();
    expect(list.items.map((e) => [e.schemeId, e.period, e.edition]).sort()).toEqual([
      ['departments', '2021-05', 1],
      ['henan', '2021-Q1', 1],
      ['yanan', '2021-05', 1],
    ]);
    for (const item of list.items) {
      const edition = (
        await leader.request({ method: 'GET', url: `/api/v1/rankings/editions/${String(item.id)}` })
      ).json<RankingEdition>();
      expect(edition.units.length).toBeGreaterThanOrEqual(item.schemeId === 'departments' ? 10 : 9);
      for (const unit of edition.units)
        expect(unit.terms.reduce((sum, t) => sum + t.hundredths, 0)).toBe(unit.hundredths);
      expect(edition.units[0]?.hundredths).toBeGreaterThan(edition.units.at(-1)?.hundredths ?? 0);
      if (item.schemeId === 'yanan') {
        const datong = edition.units.find((u) => u.unitCode === '230606');
        expect(datong?.terms.find((t) => t.indicator === 'criticism')?.hundredths).toBe(-500);
      }
    }
  });
});
