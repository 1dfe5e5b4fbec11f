/**
 * No combination of valid amounts can take the city's figures down (issue #8): many projects at the largest amount
 * the column holds, with a year of reports at that amount, and every figure, the dashboard, the drill-down, the
 * bulletin, the report view and the exports answer 200 with exact sums (NUMERIC in SQL, bigint in JS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEN, formatWan } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { ensurePeriod } from '../report/period.repository.ts';
import { rebuildYearProgress } from '../report/report.repository.ts';

const PROJECTS = 6;
const MONTHS = 4; // January–April 2021, all counted by 20 May
const MAX_WAN = formatWan(MAX_FEN);

let ctx: TestContext;
let city: Client;
const ids: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  for (let i = 0; i < PROJECTS; i += 1) {
    const body = buildProject(org, {
      totalInvestment: MAX_WAN,
      plannedCompletionDate: '2021-12-31',
      annualPlans: [{ year: 2021, plannedInvestment: MAX_WAN, nature: 'new', plannedNewStart: true }],
    });
    const response = await city.request({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    ids.push(response.json<{ id: number }>().id);
  }
  // A year of approved reports at the largest amount: valid rows, each stored exactly as filing would.
  for (let month = 1; month <= MONTHS; month += 1) await ensurePeriod(ctx.db, 2021, month, 5);
  await ctx.db
    .insertInto('monthly_reports')
    .values(
      ids.flatMap((id) =>
        Array.from({ length: MONTHS }, (_, m) => ({
          project_id: id,
          year: 2021,
          month: m + 1,
          state: 'approved' as const,
          completed_this_month: MAX_FEN,
          started: true,
          started_on: '2021-01-10',
        })),
      ),
    )
    .execute();
  await rebuildYearProgress(ctx.db, 2021);
}, 120_000);
afterAll(() => ctx.close());

const sum = (count: number) => formatWan(MAX_FEN * BigInt(count));
const get = async (url: string) => {
  const response = await city.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response;
};

describe('figures over amounts at the column bound', () => {
  it('answers the headline figures with exact sums', async () => {
    const { figures } = (await get('/api/v1/stats/figures?asOf=2021-05-20')).json<{
      figures: { projects: number; totalInvestment: string; annualPlan: string; completedYtd: string };
    }>();
    expect(figures).toMatchObject({
      projects: PROJECTS,
      totalInvestment: sum(PROJECTS),
      annualPlan: sum(PROJECTS),
      completedYtd: sum(PROJECTS * MONTHS),
    });
  });

  it('answers the dashboard, with the monthly series', async () => {
    const body = (await get('/api/v1/stats/dashboard?asOf=2021-05-20')).json<{
      monthly: { month: number; completedCumulative: string }[];
      breakdowns: { byRegion: unknown[] };
    }>();
    expect(body.breakdowns.byRegion.length).toBeGreaterThan(0);
    expect(body.monthly.at(-1)).toMatchObject({ month: MONTHS, completedCumulative: sum(PROJECTS * MONTHS) });
  });

  it('answers the drill-down behind "over 150% of plan" with each project exact', async () => {
    const body = (await get('/api/v1/stats/projects?asOf=2021-05-20&metric=overPlan150')).json<{
      total: number;
      items: { completedYtd: string }[];
    }>();
    expect(body.total).toBe(PROJECTS);
    expect(body.items[0]?.completedYtd).toBe(sum(MONTHS));
  });

  it("answers a report's year-to-date and since-start totals", async () => {
    const body = (await get(`/api/v1/projects/${ids[0] ?? 0}/reports/2021/4`)).json<{ completedYtd: string }>();
    expect(body.completedYtd).toBe(sum(MONTHS));
  });

  it('composes the bulletin and its Word file', async () => {
    const preview = await city.request({
      method: 'POST',
      url: '/api/v1/bulletins/preview',
      payload: { asOf: '2021-05-20' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    await get('/api/v1/bulletins/docx?asOf=2021-05-20');
  });

  it('exports the project list and the monthly reports', async () => {
    await get('/api/v1/exports/projects.xlsx');
    await get('/api/v1/exports/monthly-reports.xlsx?year=2021&month=4');
  });
});
