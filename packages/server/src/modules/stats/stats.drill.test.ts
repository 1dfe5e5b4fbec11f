/**
 * Drill lists of the dashboard (issue #12, item 5) on the demo city: ordered by the figure's measure or the column
 * asked (ties by id), paged without overlap, refused outside the user's region, and exported to Excel with the
 * same filters, order and scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWan, type DrillListOutput } from '@keyprojects/core';
import type { Client } from '../../../test/factories.ts';
import { createDemoContext, type DemoContext } from '../../../test/demo-context.ts';
import { readXlsx } from '../ledger/ledger.fixtures.ts';

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
}, 180_000);
afterAll(() => ctx.close());

const drill = async (client: Client, query: string) => {
  const response = await client.request({ method: 'GET', url: `/api/v1/stats/projects?asOf=2021-05-20&${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DrillListOutput>();
};
const fen = (wan: string) => parseWan(wan) ?? 0n;

/** True when each neighbour pair is in order by `key` (desc or asc), ties broken by ascending id. */
function ordered<T extends { id: number }>(
  items: T[],
  key: (item: T) => bigint | string | null,
  order: 'asc' | 'desc',
) {
  return items.every((item, i) => {
    const next = items[i + 1];
    if (!next) return true;
    const [a, b] = [key(item), key(next)];
    if (a === b) return item.id < next.id;
    if (a === null) return false; // nulls last
    if (b === null) return true;
    return order === 'desc' ? a > b : a < b;
  });
}

describe('drill lists', () => {
  it('lists 完成投资 by completions, largest first, when asked by its measure', async () => {
    const list = await drill(city, 'metric=all&sort=completedYtd&limit=2000');
    expect(list.items.length).toBe(list.total);
    expect(ordered(list.items, (i) => fen(i.completedYtd), 'desc')).toBe(true);
    expect(fen(list.items[0]?.completedYtd ?? '0')).toBeGreaterThan(0n);
  });

  it('orders a start figure by the start date (latest first, none last) without being asked', async () => {
    const list = await drill(city, 'metric=started&limit=2000');
    expect(list.items.every((i) => i.startedOn !== null)).toBe(true);
    expect(ordered(list.items, (i) => i.startedOn, 'desc')).toBe(true);
    const all = await drill(city, 'metric=all&sort=startedOn&order=asc&limit=2000');
    expect(ordered(all.items, (i) => i.startedOn, 'asc')).toBe(true);
    expect(all.items.at(-1)?.startedOn).toBeNull();
  });

  it('sorts by any column both ways; a shorter list is the head of the longer one', async () => {
    const plan = await drill(city, 'metric=all&sort=annualPlan&order=asc&limit=2000');
    expect(ordered(plan.items, (i) => fen(i.annualPlan), 'asc')).toBe(true);
    const names = await drill(city, 'metric=new&sort=name&limit=2000');
    expect(names.items.map((i) => i.name)).toEqual(
      [...names.items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id)).map((i) => i.name),
    );
    const whole = await drill(city, 'metric=all&sort=totalInvestment&limit=2000');
    expect(ordered(whole.items, (i) => fen(i.totalInvestment), 'desc')).toBe(true);
    const page = await drill(city, 'metric=all&sort=totalInvestment&limit=50');
    expect(page.items.map((i) => i.id)).toEqual(whole.items.slice(0, 50).map((i) => i.id));
  });

  it('refuses a sort it does not know and a region outside the user’s, changing nothing', async () => {
    const bad = await city.request({ method: 'GET', url: '/api/v1/stats/projects?asOf=2021-05-20&sort=risk' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { sort: expect.any(String) } } });
    const outside = await district.request({
      method: 'GET',
      url: '/api/v1/stats/projects?asOf=2021-05-20&regionCode=230603',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ error: { fields: { regionCode: expect.any(String) } } });
  });

  it('exports the drill list to Excel with the same filters and order, in the user’s scope', async () => {
    const list = await drill(district, 'metric=all&sort=completedYtd&limit=2000');
    const response = await district.request({
      method: 'GET',
      url: '/api/v1/exports/drill-projects.xlsx?asOf=2021-05-20&metric=all&sort=completedYtd',
    });
    expect(response.statusCode, response.body).toBe(200);
    const sheet = await readXlsx(response.rawPayload);
    const codes: unknown[] = [];
    const regions = new Set<unknown>();
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      codes.push(row.getCell(1).value);
      regions.add(row.getCell(3).value);
    });
    expect(codes).toEqual(list.items.map((i) => i.code));
    expect(regions).toEqual(new Set(['让胡路区']));
    const outside = await district.request({
      method: 'GET',
      url: '/api/v1/exports/drill-projects.xlsx?asOf=2021-05-20&regionCode=230603',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/json');
    const forbidden = await sysadmin.request({
      method: 'GET',
      url: '/api/v1/exports/drill-projects.xlsx?asOf=2021-05-20',
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
