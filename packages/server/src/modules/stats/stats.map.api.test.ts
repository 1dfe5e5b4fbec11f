/**
 * The dashboard's map through the API on the demo city as of 20 May 2021: the dashboard carries each district's
 * located projects (count and mean position) and the unlocated count, no points; GET /stats/map-points gives the
 * largest located projects of the scope inside a box, at most `limit`, within the dashboard's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanPosition, type DashboardOutput, type MapPointOutput, type MapPointsOutput } from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createDemoContext, type DemoContext } from '../../../test/demo-context.ts';
import { readDataVersion } from '../cache/data-version.repository.ts';

let ctx: DemoContext;
let city: Client;
let district: Client;
let sysadmin: Client;

beforeAll(async () => {
  ctx = await createDemoContext('2021-05-20');
  [city, district, sysadmin] = await Promise.all([
    ctx.signInAs('city_admin'),
    ctx.signInAs('district_staff'),
    ctx.signInAs('system_admin'),
  ]);
}, 120_000);
afterAll(() => ctx.close());

const AS_OF = '2021-05-20';

async function dashboard(client: Client, query = '') {
  const response = await client.request({ method: 'GET', url: `/api/v1/stats/dashboard?asOf=${AS_OF}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DashboardOutput>();
}

async function points(client: Client, query = '') {
  const response = await client.request({ method: 'GET', url: `/api/v1/stats/map-points?asOf=${AS_OF}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MapPointsOutput>();
}

/** Largest total investment first, ties by id: the map's order. */
function largestFirst(a: MapPointOutput, b: MapPointOutput): number {
  const [x, y] = [Number(a.totalInvestment), Number(b.totalInvestment)];
  return x === y ? a.id - b.id : y - x;
}

describe('the dashboard’s map', () => {
  it('carries each district’s located projects and their mean position, and no points', async () => {
    const answer = await dashboard(city);
    expect(answer).not.toHaveProperty('points');
    const all = await points(city);
    expect(all.truncated).toBe(false);
    const located = answer.mapRegions.reduce((sum, region) => sum + region.located, 0);
    expect(located).toBe(answer.figures.projects - answer.unlocatedProjects);
    expect(all.items).toHaveLength(located);
    expect(answer.mapRegions.map((r) => r.regionCode)).toEqual([...new Set(all.items.map((p) => p.regionCode))].sort());
    for (const region of answer.mapRegions) {
      const own = all.items.filter((p) => p.regionCode === region.regionCode);
      expect(region.located, region.regionCode).toBe(own.length);
      const [longitude, latitude] = meanPosition(own) ?? [Number.NaN, Number.NaN];
      expect(region.longitude).toBeCloseTo(longitude, 9);
      expect(region.latitude).toBeCloseTo(latitude, 9);
    }
  });

  it('leaves the districts out for a province-wide account, which has no city map, but gives it the points', async () => {
    const province = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230000' }));
    const answer = await dashboard(province);
    expect(answer.figures.projects).toBe((await dashboard(city)).figures.projects);
    expect(answer.mapRegions).toEqual([]);
    expect(await points(province)).toEqual(await points(city));
  });

  it('gives the largest located projects, largest first, each in the state the figures count', async () => {
    const all = await points(city);
    expect(all.items).toEqual([...all.items].sort(largestFirst));
    const started = (
      await city.request({ method: 'GET', url: `/api/v1/stats/projects?asOf=${AS_OF}&metric=started&limit=2000` })
    ).json<{ items: { id: number }[] }>();
    const startedIds = new Set(started.items.map((item) => item.id));
    const shownStarted = all.items.filter((p) => p.state === 'started');
    expect(shownStarted.length).toBeGreaterThan(0);
    expect(shownStarted.every((p) => startedIds.has(p.id))).toBe(true);
    expect(all.items.filter((p) => p.state === 'notStarted').some((p) => startedIds.has(p.id))).toBe(false);
  });

  it('shows a district user only its own projects, whatever region it names', async () => {
    const own = await points(district);
    const { figures, unlocatedProjects } = await dashboard(district);
    expect(own.items).toHaveLength(figures.projects - unlocatedProjects);
    expect(new Set(own.items.map((p) => p.regionCode))).toEqual(new Set(['230604']));
    expect(await points(district, '&regionCode=230600')).toEqual(own);
    expect((await points(district, '&regionCode=230602')).items).toEqual([]);
    expect(await points(city, '&regionCode=230604')).toEqual(own);
  });

  it('keeps the points inside the box asked, and at most the limit, saying when there were more', async () => {
    const all = (await points(city)).items;
    const byValue = (a: number, b: number) => a - b;
    const [lngs, lats] = [all.map((p) => p.longitude).sort(byValue), all.map((p) => p.latitude).sort(byValue)];
    const mid = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
    const box = [mid(lngs) - 0.05, mid(lats) - 0.05, mid(lngs) + 0.2, mid(lats) + 0.2].map((v) => v.toFixed(3));
    const [minLng, minLat, maxLng, maxLat] = box.map(Number) as [number, number, number, number];
    const inside = all.filter(
      (p) => p.longitude >= minLng && p.longitude <= maxLng && p.latitude >= minLat && p.latitude <= maxLat,
    );
    expect(inside.length).toBeGreaterThan(3);
    expect(inside.length).toBeLessThan(all.length);
    const boxed = await points(city, `&bbox=${box.join(',')}`);
    expect(boxed).toEqual({ items: inside, truncated: false });
    const three = await points(city, `&bbox=${box.join(',')}&limit=3`);
    expect(three).toEqual({ items: inside.slice(0, 3), truncated: true });
    expect(await points(city, `&bbox=${box.join(',')}&limit=${inside.length}`)).toEqual(boxed);
    expect((await points(city, '&bbox=10,10,11,11')).items).toEqual([]);
  });

  it('refuses a malformed box or limit with a field message, changing nothing', async () => {
    const version = await readDataVersion(ctx.db);
    const before = await points(city, '&bbox=124,45,126,47');
    for (const [query, field] of [
      ['&bbox=124,45,126', 'bbox'],
      ['&bbox=126,45,124,47', 'bbox'],
      ['&bbox=124,45,126,91', 'bbox'],
      ['&bbox=a,b,c,d', 'bbox'],
      ['&limit=0', 'limit'],
      ['&limit=1001', 'limit'],
      ['&limit=ten', 'limit'],
      ['&zoom=3', 'zoom'],
    ] as const) {
      const response = await city.request({ method: 'GET', url: `/api/v1/stats/map-points?asOf=${AS_OF}${query}` });
      expect([query, response.statusCode]).toEqual([query, 400]);
      const body = response.json<{ error: { code: string; fields: Record<string, string> } }>();
      expect(body.error.code).toBe('validation');
      expect(Object.keys(body.error.fields), query).toEqual([field]);
    }
    const bad = await city.request({ method: 'GET', url: `/api/v1/stats/map-points?asOf=${AS_OF}&bbox=1,2,3` });
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields.bbox).toContain('最小经度');
    expect(await readDataVersion(ctx.db)).toBe(version);
    expect(await points(city, '&bbox=124,45,126,47')).toEqual(before);
  });

  it('answers 403 and no points to a role without stats.read', async () => {
    const response = await sysadmin.request({ method: 'GET', url: `/api/v1/stats/map-points?asOf=${AS_OF}` });
    expect(response.statusCode).toBe(403);
    expect(response.json<Record<string, unknown>>()).not.toHaveProperty('items');
  });

  it('leaves projects without coordinates off the map and counts them in the note', async () => {
    const before = await points(district);
    const [first, second] = before.items;
    if (!first || !second) throw new Error('the demo district has fewer than two located projects');
    const located = (await dashboard(district)).mapRegions.find((r) => r.regionCode === '230604')?.located ?? 0;
    // Coordinates are optional on a project: two lose theirs, as a ledger without them would leave them.
    await ctx.db
      .updateTable('projects')
      .set({ longitude: null, latitude: null })
      .where('id', 'in', [first.id, second.id])
      .execute();
    const after = await dashboard(district);
    expect(after.unlocatedProjects).toBe(2);
    expect(after.mapRegions.find((r) => r.regionCode === '230604')?.located).toBe(located - 2);
    const ids = (await points(district)).items.map((p) => p.id);
    expect(ids).toHaveLength(before.items.length - 2);
    expect(ids).not.toContain(first.id);
    expect((await dashboard(city)).unlocatedProjects).toBe(2);
  });
});
