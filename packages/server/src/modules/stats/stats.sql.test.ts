import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  breakdown,
  chengdu2019Fixture,
  computeFigures,
  formatYi,
  withRates,
  type BreakdownDimension,
  type ChengduFixture,
  type DrillMetric,
  type FigureTotals,
  type StatOptions,
  type StatProject,
} from '@keyprojects/core';
import { createTestDatabase } from '../../../test/database.ts';
import { loadStatProjects } from '../../../test/stat-fixture.ts';
import type { Database } from '../../db/database.ts';
import { generateDaqingDemo } from '../../demo/daqing.generator.ts';
import { daqingStatProjects } from '../../demo/daqing.stats.ts';
import { projectsBehind, totalsBy, totalsOf, type SqlDimension } from './stats.repository.ts';

// A city administrator's scope over each fixture's city; statistics read through the same scope helper.
const chengduAdmin = { id: 1, role: 'city_admin' as const, regionCode: '510100', organizationId: null };
const daqingAdmin = { id: 1, role: 'city_admin' as const, regionCode: '230600', organizationId: null };

let database: Database;
let chengdu: ChengduFixture;
let daqing2021: StatProject[];

beforeAll(async () => {
  database = await createTestDatabase();
  chengdu = chengdu2019Fixture();
  await loadStatProjects(database.db, chengdu.projects, 2019);
  const demo = generateDaqingDemo();
  daqing2021 = daqingStatProjects(demo, 2021);
  await loadStatProjects(database.db, daqing2021, 2021);
}, 120_000);
afterAll(() => database.close());

const DIMENSIONS: [BreakdownDimension, SqlDimension][] = [
  ['region', 'region'],
  ['category', 'category'],
  ['nature', 'nature'],
  ['industry', 'industry'],
  ['sizeTier', 'sizeTier'],
  ['level', 'level'],
];

async function expectAgreement(actor: typeof chengduAdmin, projects: StatProject[], options: StatOptions) {
  expect(withRates(await totalsOf(database.db, { actor }, options))).toEqual(computeFigures(projects, options));
  for (const [core, sqlDimension] of DIMENSIONS) {
    const rows = await totalsBy(database.db, { actor }, options, sqlDimension);
    expect(
      rows.map((r) => ({ key: r.key, figures: withRates(r.totals) })),
      core,
    ).toEqual(breakdown(projects, options, core));
  }
}

describe('the SQL statistics agree with core', () => {
  it('on Chengdu 2019 as of 31 August, reproducing seed 001', async () => {
    const seed = chengdu.expected;
    const figures = withRates(await totalsOf(database.db, { actor: chengduAdmin }, chengdu.options));
    expect(figures.projects).toBe(seed.projects);
    expect(formatYi(figures.totalInvestment, 2)).toBe(seed.totalInvestmentYi);
    expect(formatYi(figures.annualPlan, 2)).toBe(seed.annualPlanYi);
    expect(formatYi(figures.completedYtd, 2)).toBe(seed.completedYtdYi);
    expect(figures.completionRate).toBe(seed.completionRate);
    expect([figures.plannedNewStarts, figures.startedPlannedNew, figures.newStartRate]).toEqual([
      seed.plannedNewStarts,
      seed.startedPlannedNew,
      seed.newStartRate,
    ]);
    expect(figures.completedInProduction.count).toBe(seed.completedInProduction.count);
    expect(formatYi(figures.completedInProduction.totalInvestment, 2)).toBe(
      seed.completedInProduction.totalInvestmentYi,
    );
    expect(figures.expectedCompletionByYearEnd.count).toBe(seed.expectedCompletionByYearEnd.count);
    expect(formatYi(figures.expectedCompletionByYearEnd.totalInvestment, 2)).toBe(
      seed.expectedCompletionByYearEnd.totalInvestmentYi,
    );
    expect(figures.reserveProjects).toBe(seed.reserveProjects);
    const provincial = (await totalsBy(database.db, { actor: chengduAdmin }, chengdu.options, 'level')).find(
      (r) => r.key === 'provincial',
    );
    if (!provincial) throw new Error('no provincial row');
    const provincialFigures = withRates(provincial.totals);
    expect(provincialFigures.projects).toBe(seed.provincial.projects);
    expect(formatYi(provincialFigures.completedYtd, 2)).toBe(seed.provincial.completedYtdYi);
    expect([
      provincialFigures.plannedNewStarts,
      provincialFigures.startedPlannedNew,
      provincialFigures.newStartRate,
    ]).toEqual([seed.provincial.plannedNewStarts, seed.provincial.startedPlannedNew, seed.provincial.newStartRate]);
    await expectAgreement(chengduAdmin, chengdu.projects, chengdu.options);
  });

  it('on Chengdu as of a date inside a month (its own month not yet counted)', async () => {
    await expectAgreement(chengduAdmin, chengdu.projects, { year: 2019, asOf: '2019-06-17' });
  });

  it('on Daqing 2021 as of 20 May and as of 15 April, reproducing seed 000', async () => {
    const options = { year: 2021, asOf: '2021-05-20' };
    const figures = withRates(await totalsOf(database.db, { actor: daqingAdmin }, options));
    expect([figures.projects, figures.newProjects, figures.continuingProjects]).toEqual([387, 210, 177]);
    expect([figures.startedOrResumed, figures.startedNew, figures.resumedContinuing]).toEqual([299, 126, 173]);
    expect([formatYi(figures.totalInvestment), formatYi(figures.annualPlan), formatYi(figures.completedYtd)]).toEqual([
      '1528.2',
      '577.5',
      '94.5',
    ]);
    await expectAgreement(daqingAdmin, daqing2021, options);
    await expectAgreement(daqingAdmin, daqing2021, { year: 2021, asOf: '2021-04-15' });
  });

  it('narrows to a district inside the scope, and a district user cannot widen it', async () => {
    const options = { year: 2021, asOf: '2021-05-20' };
    const inDistrict = daqing2021.filter((p) => p.regionCode === '230604');
    const narrowed = await totalsOf(database.db, { actor: daqingAdmin, regionCode: '230604' }, options);
    expect(withRates(narrowed)).toEqual(computeFigures(inDistrict, options));
    const district = { id: 2, role: 'district_staff' as const, regionCode: '230604', organizationId: null };
    expect(await totalsOf(database.db, { actor: district, regionCode: '230600' }, options)).toEqual(narrowed);
  });

  it('drills down to as many projects as each figure counts (one predicate per metric)', async () => {
    const options = { year: 2021, asOf: '2021-05-20' };
    const totals = await totalsOf(database.db, { actor: daqingAdmin }, options);
    const counted: [DrillMetric, (t: FigureTotals) => number][] = [
      ['all', (t) => t.projects],
      ['new', (t) => t.newProjects],
      ['continuing', (t) => t.continuingProjects],
      ['reserve', (t) => t.reserveProjects],
      ['started', (t) => t.startedOrResumed],
      ['startedNew', (t) => t.startedNew],
      ['resumedContinuing', (t) => t.resumedContinuing],
      ['notStarted', (t) => t.projects - t.reserveProjects - t.startedOrResumed],
      ['plannedNewStarts', (t) => t.plannedNewStarts],
      ['startedPlannedNew', (t) => t.startedPlannedNew],
      ['inProduction', (t) => t.completedInProduction.count],
      ['expectedCompletion', (t) => t.expectedCompletionByYearEnd.count],
      ['overPlan150', (t) => t.overPlan150],
    ];
    for (const [metric, count] of counted) {
      const found = await projectsBehind(database.db, { actor: daqingAdmin }, options, { metric, limit: 1 });
      expect([metric, found.total]).toEqual([metric, count(totals)]);
    }
  });
});
