import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAsOf, formatYi, parseWan, percent } from '@keyprojects/core';
import type { Client } from '../../../test/factories.ts';
import { createDemoContext, type DemoContext } from '../../../test/demo-context.ts';

interface Figures {
  projects: number;
  newProjects: number;
  continuingProjects: number;
  totalInvestment: string;
  annualPlan: string;
  startedOrResumed: number;
  startedNew: number;
  resumedContinuing: number;
  startRate: string;
  completedYtd: string;
  completionRate: string;
}
interface Headline {
  figures: Figures;
  yearOnYear: Figures;
}
const yi = (wan: string) => formatYi(parseWan(wan) ?? 0n);

let ctx: DemoContext;
let city: Client;
let leader: Client;
let district: Client;
let owner: Client;
let sysadmin: Client;

beforeAll(async () => {
  ctx = await createDemoContext('2021-05-20');
  [city, leader, district, owner, sysadmin] = await Promise.all([
    ctx.signInAs('city_admin'),
    ctx.signInAs('leader'),
    ctx.signInAs('district_staff'),
    ctx.signInAs('owner'),
    ctx.signInAs('system_admin'),
  ]);
}, 120_000);
afterAll(() => ctx.close());

const figures = async (client: Client, query = '') =>
  (await client.request({ method: 'GET', url: `/api/v1/stats/figures?asOf=2021-05-20${query}` })).json<Headline>();

describe('the demo city through the API (SQL path)', () => {
  it('reproduces seed 000 as of 20 May 2021 with its year-on-year sentence', async () => {
    const { figures: f, yearOnYear: y } = await figures(city);
    expect([f.projects, f.newProjects, f.continuingProjects]).toEqual([387, 210, 177]);
    expect([yi(f.totalInvestment), yi(f.annualPlan), yi(f.completedYtd)]).toEqual(['1528.2', '577.5', '94.5']);
    expect([f.startedOrResumed, f.startedNew, f.resumedContinuing]).toEqual([299, 126, 173]);
    expect(percent(BigInt(f.startedOrResumed), BigInt(f.projects))).toBe('77.3');
    expect(f.startRate).toBe('77.26');
    expect(percent(parseWan(f.completedYtd) ?? 0n, parseWan(f.annualPlan) ?? 1n)).toBe('16.4');
    expect([y.projects, yi(y.totalInvestment), y.startedOrResumed]).toEqual([0, '100.0', 2]);
  });

  it('gives the industrial year-on-year changes through the category breakdown', async () => {
    const response = await leader.request({ method: 'GET', url: '/api/v1/stats/dashboard?asOf=2021-05-20' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ breakdowns: { byCategory: { key: string; figures: Figures }[] } }>();
    const industry2021 = body.breakdowns.byCategory.find((r) => r.key === 'industry')?.figures;
    const before = (await leader.request({ method: 'GET', url: '/api/v1/stats/dashboard?asOf=2020-05-20' })).json<
      typeof body
    >();
    const industry2020 = before.breakdowns.byCategory.find((r) => r.key === 'industry')?.figures;
    expect((industry2021?.projects ?? 0) - (industry2020?.projects ?? 0)).toBe(40);
    expect(
      formatYi(
        (parseWan(industry2021?.totalInvestment ?? '0') ?? 0n) - (parseWan(industry2020?.totalInvestment ?? '0') ?? 0n),
      ),
    ).toBe('236.0');
    expect((industry2021?.startedOrResumed ?? 0) - (industry2020?.startedOrResumed ?? 0)).toBe(27);
  });

  it('drills down to exactly the projects behind a figure, within scope', async () => {
    const { figures: f } = await figures(city);
    const started = (
      await city.request({ method: 'GET', url: '/api/v1/stats/projects?asOf=2021-05-20&metric=started&limit=2000' })
    ).json<{ total: number; items: unknown[] }>();
    expect([started.total, started.items.length]).toEqual([f.startedOrResumed, f.startedOrResumed]);
    const own = await figures(district);
    const inDistrict = (
      await district.request({ method: 'GET', url: '/api/v1/stats/projects?asOf=2021-05-20&metric=all&limit=2000' })
    ).json<{ total: number; items: { regionName: string }[] }>();
    expect(inDistrict.total).toBe(own.figures.projects);
    expect(new Set(inDistrict.items.map((i) => i.regionName))).toEqual(new Set(['让胡路区']));
    expect((await figures(district, '&regionCode=230600')).figures).toEqual(own.figures);
  });

  it('moves the figures when an owner’s report is approved', async () => {
    const before = (await figures(leader)).figures;
    const list = (
      await owner.request({ method: 'GET', url: '/api/v1/reports?year=2021&month=5&state=not_started' })
    ).json<{ items: { projectId: number }[] }>();
    const [pending] = list.items;
    if (!pending) throw new Error('the demo owner has no report to file');
    const url = `/api/v1/projects/${pending.projectId}/reports/2021/5`;
    const filed = await owner.request({
      method: 'PUT',
      url,
      payload: { completedThisMonth: '1234.56', started: true, startedOn: '2021-05-18', submit: true },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect((await figures(leader)).figures).toEqual(before);
    expect(
      (await district.request({ method: 'POST', url: `${url}/review`, payload: { decision: 'approve' } })).statusCode,
    ).toBe(200);
    const after = (await figures(leader)).figures;
    expect(after.startedOrResumed).toBe(before.startedOrResumed + 1);
    expect((parseWan(after.completedYtd) ?? 0n) - (parseWan(before.completedYtd) ?? 0n)).toBe(parseWan('1234.56'));
    const drill = (
      await leader.request({
        method: 'GET',
        url: '/api/v1/stats/projects?asOf=2021-05-20&metric=startedNew&limit=2000',
      })
    ).json<{ items: { id: number }[] }>();
    expect(drill.items.map((i) => i.id)).toContain(pending.projectId);
  });

  it('answers 403 and no figures to a role without stats.read (the system administrator)', async () => {
    for (const url of ['/figures', '/dashboard', '/projects']) {
      const response = await sysadmin.request({ method: 'GET', url: `/api/v1/stats${url}?asOf=2021-05-20` });
      expect([url, response.statusCode]).toEqual([url, 403]);
      expect(response.json<Record<string, unknown>>()).not.toHaveProperty('figures');
      expect(response.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
  });

  it('shows each drilled project as the project presenter does', async () => {
    const drill = (
      await city.request({ method: 'GET', url: '/api/v1/stats/projects?asOf=2021-05-20&metric=started&limit=5' })
    ).json<{ items: Record<string, unknown>[] }>();
    expect(drill.items).toHaveLength(5);
    for (const item of drill.items) {
      const project = (await city.request({ method: 'GET', url: `/api/v1/projects/${String(item.id)}` })).json<{
        annualPlans: { year: number; plannedInvestment: string }[];
        [field: string]: unknown;
      }>();
      const plan = project.annualPlans.find((p) => p.year === 2021)?.plannedInvestment;
      expect(item).toMatchObject({
        id: project.id,
        name: project.name,
        code: project.code,
        regionName: project.regionName,
        totalInvestment: project.totalInvestment,
        annualPlan: plan,
      });
    }
  });

  it('answers a dashboard asked without a date as of the default date, and names it', async () => {
    type Dashboard = { year: number; asOf: string; figures: Figures };
    const get = async (query: string) => {
      const response = await city.request({ method: 'GET', url: `/api/v1/stats/dashboard${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Dashboard>();
    };
    const periods = (await city.request({ method: 'GET', url: '/api/v1/periods?year=2021' })).json<{
      items: { cutoffDate: string }[];
    }>().items;
    const expected = defaultAsOf(2021, periods, '2021-05-20');
    const byDefault = await get('');
    expect(byDefault.asOf).toBe(expected);
    expect(byDefault.year).toBe(2021);
    expect(byDefault).toEqual(await get(`?asOf=${expected}`));
    // A region without a date is still checked against the caller's scope, and a bad date still refused.
    expect((await get('?regionCode=230604')).asOf).toBe(expected);
    const bad = await city.request({ method: 'GET', url: '/api/v1/stats/dashboard?asOf=2021-13-01' });
    expect(bad.statusCode).toBe(400);
  });
});
