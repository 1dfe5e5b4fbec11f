/**
 * Reference data through the API: codelists (signed-in users; stages and plan years read by the meta service), the
 * regions of a user's scope, and the public health and environment checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yi, type Codelists, type HealthOutput, type ScopeRegionsOutput } from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { loadStatProjects } from '../../../test/stat-fixture.ts';

let ctx: TestContext;
let district: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  const reported = (cutoff: string) => [{ cutoff, completed: 0n, startedOn: null }];
  const project = {
    id: 1,
    regionCode: '230602',
    levels: [],
    category: 'industry' as const,
    industry: null,
    nature: 'new' as const,
    totalInvestment: yi('1'),
    annualPlan: yi('0.5'),
    plannedNewStart: false,
    completedOn: null,
    plannedCompletionDate: null,
    reports: reported('2020-04-20'),
  };
  await loadStatProjects(ctx.db, [project], 2020);
  await loadStatProjects(ctx.db, [{ ...project, reports: reported('2021-04-20') }], 2021);
}, 120_000);
afterAll(() => ctx.close());

describe('reference data', () => {
  it('lists the codelists to a signed-in user, with the configured stages and the years that have a plan', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/codelists' })).statusCode).toBe(401);
    const response = await district.request({ method: 'GET', url: '/api/v1/codelists' });
    expect(response.statusCode).toBe(200);
    const codelists = response.json<Codelists>();
    expect(codelists.planYears).toEqual([2021, 2020]);
    expect(codelists.stages.length).toBeGreaterThan(0);
    expect(codelists.natures.map((n) => n.code)).toEqual(['new', 'continuing', 'reserve']);
  });

  it('lists the regions of the user’s scope only', async () => {
    const { regions } = (
      await district.request({ method: 'GET', url: '/api/v1/regions/scope' })
    ).json<ScopeRegionsOutput>();
    expect(regions).toEqual([expect.objectContaining({ code: '230602', level: 'county', parentCode: '230600' })]);
  });

  it('answers the health and environment checks without a session', async () => {
    const health = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json<HealthOutput>()).toMatchObject({ status: 'ok', database: 'ok' });
    const environment = await ctx.app.inject({ method: 'GET', url: '/api/v1/environment' });
    expect(environment.json()).toEqual({ demo: false, production: false, city: null });
  });
});
