/**
 * Region names as officials write them and in English (migration 2026120906_region_names), in the regions of a
 * user's scope; and the configured city's name on the public environment answer the login page reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentOutput, ScopeRegionsOutput } from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { loadConfig } from '../../config.ts';

let ctx: TestContext;
let city: Client;
let dumeng: Client;

beforeAll(async () => {
  ctx = await createTestContext({ env: { CITY_CODE: '230600' } });
  [city, dumeng] = await Promise.all([
    createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }).then((u) => signIn(ctx.app, u)),
    createTestUser(ctx.db, 'district_staff', { regionCode: '230624' }).then((u) => signIn(ctx.app, u)),
  ]);
}, 180_000);
afterAll(() => ctx.close());

async function scope(client: Client): Promise<ScopeRegionsOutput['regions']> {
  const response = await client.request({ method: 'GET', url: '/api/v1/regions/scope' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScopeRegionsOutput>().regions;
}

describe('short and English region names', () => {
  it('gives 杜蒙县 and 高新区 as short names, and the full name where it is short enough', async () => {
    const regions = await scope(city);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    expect(byCode.get('230624')).toMatchObject({
      name: '杜尔伯特蒙古族自治县',
      shortName: '杜蒙县',
      nameEn: 'Dorbod Mongol Autonomous County',
    });
    expect(byCode.get('230671')).toMatchObject({ name: '大庆高新技术产业开发区', shortName: '高新区' });
    expect(byCode.get('230602')).toMatchObject({ name: '萨尔图区', shortName: '萨尔图区', nameEn: 'Saertu District' });
    expect(regions.every((r) => r.shortName.length <= r.name.length && r.nameEn !== null)).toBe(true);
  });

  it("gives a district user its own region's names", async () => {
    expect(await scope(dumeng)).toEqual([
      {
        code: '230624',
        name: '杜尔伯特蒙古族自治县',
        shortName: '杜蒙县',
        nameEn: 'Dorbod Mongol Autonomous County',
        level: 'county',
        parentCode: '230600',
      },
    ]);
  });

  it('falls back to the full name for a region without a short or English name', async () => {
    const harbin = await createTestUser(ctx.db, 'district_staff', { regionCode: '230102' }).then((u) =>
      signIn(ctx.app, u),
    );
    const [daoli] = await scope(harbin);
    expect(daoli).toMatchObject({ code: '230102', name: '道里区', shortName: '道里区', nameEn: null });
  });
});

describe("the login page's city", () => {
  it('names the configured city to anyone, without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/environment' });
    expect(response.statusCode).toBe(200);
    expect(response.json<EnvironmentOutput>().city).toEqual({
      code: '230600',
      name: '大庆市',
      shortName: '大庆',
      nameEn: 'Daqing',
    });
  });

  it('follows the configuration: another city, or none', async () => {
    const harbin = await createTestContext({ env: { CITY_CODE: '230100' } });
    const none = await createTestContext();
    try {
      const answer = async (c: TestContext) =>
        (await c.app.inject({ method: 'GET', url: '/api/v1/environment' })).json<EnvironmentOutput>().city;
      expect(await answer(harbin)).toMatchObject({ code: '230100', name: '哈尔滨市', shortName: '哈尔滨市' });
      expect(await answer(none)).toBeNull();
    } finally {
      await Promise.all([harbin.close(), none.close()]);
    }
  }, 180_000);

  it('refuses a CITY_CODE that is not a six-digit code, naming it', () => {
    expect(() => loadConfig({ CITY_CODE: 'daqing' })).toThrow(/CITY_CODE/);
  });
});
