/**
 * GET /meta/boundary: every user who reads the statistics gets the district map of its own city (from its region, or its
 * organisation's), with the areas named by region code, zones without an area placed at their configured centre,
 * and a district user's own district marked; a city without boundary data gets its regions and no map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryOutput, Role } from '@keyprojects/core';
import { createOrganization, createTestUser, signIn } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(() => ctx.close());

async function boundaryOf(role: Role, scope: { regionCode?: string | null; organizationId?: number | null }) {
  const client = await signIn(ctx.app, await createTestUser(ctx.db, role, scope));
  const response = await client.request({ method: 'GET', url: '/api/v1/meta/boundary' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BoundaryOutput>();
}

const DAQING_AREAS = ['230602', '230603', '230604', '230605', '230606', '230621', '230622', '230623', '230624'];

describe('the district map', () => {
  it('is refused without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/meta/boundary' })).statusCode).toBe(401);
  });

  it('gives the city admin the city’s districts by code, and the 高新区 as a zone at its configured centre', async () => {
    const body = await boundaryOf('city_admin', { regionCode: '230600' });
    expect(body.city).toEqual({ code: '230600', name: '大庆市' });
    expect(body.ownRegionCode).toBeNull();
    expect(body.map?.features.map((f) => f.properties.code).sort()).toEqual(DAQING_AREAS);
    const saertu = body.map?.features.find((f) => f.properties.code === '230602');
    expect(saertu?.properties.name).toBe('萨尔图区');
    expect(saertu?.geometry.coordinates.length).toBeGreaterThan(0);
    expect(body.regions.map((r) => r.code)).toEqual([...DAQING_AREAS, '230671']);
    const zone = body.regions.find((r) => r.code === '230671');
    expect(zone).toEqual({
      code: '230671',
      name: '大庆高新技术产业开发区',
      hasBoundary: false,
      centre: [125.1, 46.53],
    });
    expect(body.regions.filter((r) => r.hasBoundary && r.centre === null)).toEqual([]);
  });

  it('marks a district user’s own district on the whole city’s map', async () => {
    const body = await boundaryOf('district_staff', { regionCode: '230604' });
    expect(body.city?.code).toBe('230600');
    expect(body.ownRegionCode).toBe('230604');
    expect(body.map?.features).toHaveLength(9);
  });

  it('finds the city of an account without a region through its organisation', async () => {
    const organizationId = await createOrganization(ctx.db, { regionCode: '230603' });
    const body = await boundaryOf('owner', { organizationId });
    expect(body.city?.code).toBe('230600');
    expect(body.ownRegionCode).toBeNull();
    expect(body.map?.features).toHaveLength(9);
  });

  it('follows the configured city: 成都 matches its renamed county (新津县 → 新津区) by short name', async () => {
    const body = await boundaryOf('city_admin', { regionCode: '510100' });
    expect(body.city).toEqual({ code: '510100', name: '成都市' });
    const codes = body.map?.features.map((f) => f.properties.code) ?? [];
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    expect(body.map?.features.find((f) => f.properties.code === '510118')?.properties.name).toBe('新津区');
    expect(body.regions.find((r) => r.code === '510118')?.hasBoundary).toBe(true);
  });

  it('gives a city without boundary data its regions and no map, and a province-wide account nothing', async () => {
    const harbin = await boundaryOf('leader', { regionCode: '230100' });
    expect(harbin.city?.name).toBe('哈尔滨市');
    expect(harbin.map).toBeNull();
    expect(harbin.regions.length).toBeGreaterThan(10);
    expect(harbin.regions.every((r) => !r.hasBoundary && r.centre === null)).toBe(true);
    const province = await boundaryOf('city_admin', { regionCode: '990000' });
    expect(province).toEqual({ city: null, ownRegionCode: null, map: null, regions: [] });
  });
});
