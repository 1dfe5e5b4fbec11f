import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import {
  sCurve,
  spiByGroup,
  wan,
  type SCurveOutput,
  type SpiRegionsOutput,
  type StatProject,
  type StatReport,
} from '@keyprojects/core';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { loadStatProjects } from '../../../test/stat-fixture.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { generateDaqingDemo } from '../../demo/daqing.generator.ts';
import { daqingStatProjects } from '../../demo/daqing.stats.ts';
import { spiByRegion, yearListSpiInputs } from './spi.repository.ts';
import { sCurveInputOf } from './spi.service.ts';

const CUTOFFS = ['2021-01-25', '2021-02-25', '2021-03-25', '2021-04-25', '2021-05-20'];

function statProject(id: number, regionCode: string, annualPlan: bigint, completed: readonly bigint[]): StatProject {
  const reports: StatReport[] = completed.map((c, i) => ({
    cutoff: CUTOFFS[i] ?? '',
    completed: c,
    startedOn: '2021-01-10',
  }));
  return {
    id,
    regionCode,
    levels: ['municipal'],
    category: 'industry',
    industry: 'C',
    nature: 'continuing',
    totalInvestment: wan('50000'),
    annualPlan,
    plannedNewStart: false,
    completedOn: null,
    plannedCompletionDate: null,
    reports,
  };
}

/** A milestone plan with its nodes' planned spans, inserted as the plan module stores them. */
async function insertPlan(db: Kysely<DB>, projectId: number, status: 'draft' | 'approved', spans: [string, string][]) {
  const plan = await db
    .insertInto('milestone_plans')
    .values({ project_id: projectId, version: 1, status, target_date: spans.at(-1)?.[1] ?? '2021-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('milestone_nodes')
    .values(
      spans.map(([start, end], i) => ({
        plan_id: plan.id,
        node_key: `n${i}`,
        name: `节点${i}`,
        planned_start: start,
        planned_end: end,
      })),
    )
    .execute();
}

describe('GET /projects/:id/s-curve and /stats/spi', () => {
  let ctx: TestContext;
  let admin: Client;
  let district: Client;
  let ids: Map<number, number>;

  beforeAll(async () => {
    ctx = await createTestContext();
    // A: 1000万 planned over March–September (approved plan), 100 + 150 + 50万 reported in March–May.
    // B: 1200万, no plan (whole year), 100万 a month. C: 600万, only a draft plan (whole year), nothing reported.
    ids = await loadStatProjects(
      ctx.db,
      [
        statProject(1, '230602', wan('1000'), [0n, 0n, wan('100'), wan('150'), wan('50')]),
        statProject(2, '230602', wan('1200'), [wan('100'), wan('100'), wan('100'), wan('100'), wan('100')]),
        statProject(3, '230603', wan('600'), []),
      ],
      2021,
    );
    await insertPlan(ctx.db, ids.get(1) ?? 0, 'approved', [
      ['2021-03-10', '2021-06-30'],
      ['2021-07-01', '2021-09-20'],
    ]);
    await insertPlan(ctx.db, ids.get(3) ?? 0, 'draft', [['2021-06-01', '2021-07-31']]);
    admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
    district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230603' }));
  }, 60_000);
  afterAll(() => ctx.close());

  it('gives the S-curve and SPI of a planned project as computed by hand', async () => {
    const response = await admin.request({ method: 'GET', url: `/api/v1/projects/${ids.get(1)}/s-curve?year=2021` });
    expect(response.statusCode).toBe(200);
    const body = response.json<SCurveOutput>();
    // 1000万 over 7 months = 1,428,571.42万 a month (142,857,142 fen), September gets the remainder (6 fen more).
    expect(body).toMatchObject({
      year: 2021,
      asOf: '2021-05-20',
      annualPlan: '1000.00',
      planSpan: { start: '2021-03-10', end: '2021-09-20' },
      spreadFrom: 3,
      spreadTo: 9,
      monthsCounted: 5,
      // March–May: 3 × 142,857,142 fen = 428.571426万; earned 300万; 300 / 428.571426 = 0.70000… → 0.70.
      plannedToDate: '428.571426',
      earnedToDate: '300.00',
      spi: '0.70',
    });
    expect(body.months[8]).toEqual({
      month: 9,
      planned: '142.857148',
      plannedCumulative: '1000.00',
      earnedCumulative: null,
    });
    expect(body.months[3]).toMatchObject({ plannedCumulative: '285.714284', earnedCumulative: '250.00' });
  });

  it('answers 404 for a project outside the district', async () => {
    const response = await district.request({ method: 'GET', url: `/api/v1/projects/${ids.get(1)}/s-curve` });
    expect(response.statusCode).toBe(404);
  });

  it('gives SPI per county: sum earned / sum planned to date, with the counts', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/stats/spi?year=2021' });
    expect(response.statusCode).toBe(200);
    const body = response.json<SpiRegionsOutput>();
    // 230602: (428,571,426 + 500,000,000) fen planned, 800万 earned → 0.8615… → 0.86; A is behind.
    // 230603: C's draft does not count: 600万 over the year, 250万 planned to May, nothing earned → 0.00.
    expect(body.rows).toEqual([
      expect.objectContaining({
        regionCode: '230602',
        projects: 2,
        withPlan: 1,
        behind: 1,
        plannedToDate: '928.571426',
        earnedToDate: '800.00',
        spi: '0.86',
      }),
      expect.objectContaining({
        regionCode: '230603',
        projects: 1,
        withPlan: 0,
        behind: 1,
        plannedToDate: '250.00',
        earnedToDate: '0.00',
        spi: '0.00',
      }),
    ]);
    expect(body.total).toMatchObject({
      projects: 3,
      plannedToDate: '1178.571426',
      earnedToDate: '800.00',
      spi: '0.68',
    });
  });

  it('keeps a district to its own counties', async () => {
    const body = (
      await district.request({ method: 'GET', url: '/api/v1/stats/spi?year=2021' })
    ).json<SpiRegionsOutput>();
    expect(body.rows.map((r) => r.regionCode)).toEqual(['230603']);
  });

  it('refuses a region outside the actor’s scope with a field error', async () => {
    for (const regionCode of ['230602', '222746']) {
      const response = await district.request({ method: 'GET', url: `/api/v1/stats/spi?regionCode=${regionCode}` });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('regionCode');
    }
  });
});

describe('the SQL SPI per region agrees with core on the Daqing demo', () => {
  let database: Database;
  const actor = { id: 1, role: 'city_admin' as const, regionCode: '230600', organizationId: null };

  beforeAll(async () => {
    database = await createTestDatabase();
    const ids = await loadStatProjects(database.db, daqingStatProjects(generateDaqingDemo(), 2021), 2021);
    // Approved plans of every shape: inside the year, over its start or end, wholly outside, one month long.
    const spans: [string, string][] = [
      ['2021-02-15', '2021-08-31'],
      ['2020-06-01', '2021-04-30'],
      ['2021-10-01', '2022-06-30'],
      ['2019-01-01', '2020-12-31'],
      ['2021-05-01', '2021-05-31'],
    ];
    let i = 0;
    for (const id of ids.values()) {
      if (i % 3 === 0)
        await insertPlan(database.db, id, 'approved', [spans[(i / 3) % spans.length] ?? ['2021-01-01', '2021-12-31']]);
      i += 1;
    }
  }, 120_000);
  afterAll(() => database.close());

  for (const asOf of ['2021-05-20', '2021-02-10', '2021-12-31']) {
    it(`as of ${asOf}`, async () => {
      const inputs = await yearListSpiInputs(database.db, { actor }, 2021, asOf);
      expect(inputs.length).toBeGreaterThan(50);
      const core = spiByGroup(
        inputs.map((row) => {
          const curve = sCurve(sCurveInputOf(row, 2021));
          return {
            regionKey: row.region_code,
            plannedToDate: curve.plannedToDate,
            earnedToDate: curve.earnedToDate,
            hasPlan: row.span_start !== null,
          };
        }),
      );
      const rows = await spiByRegion(database.db, { actor }, 2021, asOf, 'region');
      expect(
        rows.map((r) => ({
          key: r.key,
          projects: r.projects,
          withPlan: r.with_plan,
          behind: r.behind,
          planned: BigInt(r.planned),
          earned: BigInt(r.earned),
        })),
      ).toEqual(
        core.map((g) => ({
          key: g.key,
          projects: g.projects,
          withPlan: g.withPlan,
          behind: g.behind,
          planned: g.plannedToDate,
          earned: g.earnedToDate,
        })),
      );
    });
  }
});
