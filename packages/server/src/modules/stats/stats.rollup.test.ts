import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  breakdown,
  chengdu2019Fixture,
  computeFigures,
  isMonthEnd,
  withRates,
  type BreakdownDimension,
  type StatOptions,
  type StatProject,
} from '@keyprojects/core';
import { generateScale } from '../../../../../bench/src/generate-reports.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { expectRollupAsRebuilt } from '../../../test/rollup.ts';
import { loadStatProjects } from '../../../test/stat-fixture.ts';
import type { Database } from '../../db/database.ts';
import { generateDaqingDemo } from '../../demo/daqing.generator.ts';
import { daqingStatProjects } from '../../demo/daqing.stats.ts';
import { refreshYearProgress } from '../report/report.repository.ts';
import { dashboardStatistics, rollupAnswers, statisticsOf } from './stats-rollup.repository.ts';
import { statistics, type SqlDimension, type StatScope } from './stats.repository.ts';

const cityAdmin = (regionCode: string) => ({ id: 1, role: 'city_admin' as const, regionCode, organizationId: null });
const chengduAdmin = cityAdmin('510100');
const daqingAdmin = cityAdmin('230600');
const provinceAdmin = cityAdmin('230000');

const DIMENSIONS: [BreakdownDimension, SqlDimension][] = [
  ['region', 'region'],
  ['category', 'category'],
  ['nature', 'nature'],
  ['industry', 'industry'],
  ['sizeTier', 'sizeTier'],
  ['level', 'level'],
];
const SQL_DIMENSIONS: SqlDimension[] = [...DIMENSIONS.map(([, d]) => d), 'prefecture'];

let database: Database;
let chengdu: StatProject[];
let daqing2021: StatProject[];

beforeAll(async () => {
  database = await createTestDatabase();
  chengdu = chengdu2019Fixture().projects;
  await loadStatProjects(database.db, chengdu, 2019);
  daqing2021 = daqingStatProjects(generateDaqingDemo(), 2021);
  await loadStatProjects(database.db, daqing2021, 2021);
}, 300_000);
afterAll(() => database.close());

/** The figures as the dashboard reads them (the rollup at a month's end) equal core's, group by group. */
async function expectCoreAgreement(scope: StatScope, projects: StatProject[], options: StatOptions) {
  const read = await statisticsOf(
    database.db,
    scope,
    options,
    DIMENSIONS.map(([, d]) => d),
  );
  expect(withRates(read.totals), options.asOf).toEqual(computeFigures(projects, options));
  for (const [core, dimension] of DIMENSIONS) {
    const rows = (read.groups[dimension] ?? []).map((r) => ({ key: r.key, figures: withRates(r.totals) }));
    expect(rows, `${options.asOf} ${core}`).toEqual(breakdown(projects, options, core));
  }
}

/** Everything the dashboard shows from the rollup equals the projects path's (series, unlocated, previous year). */
async function expectSameAsProjects(scope: StatScope, options: StatOptions, db = database.db) {
  const previous = { year: options.year - 1, asOf: `${options.year - 1}${options.asOf.slice(4)}` };
  const viaDashboard = await dashboardStatistics(db, scope, options, previous, SQL_DIMENSIONS);
  const viaProjects = await statistics(db, scope, options, { dimensions: SQL_DIMENSIONS, unlocated: true });
  const previousViaProjects = await statistics(db, scope, previous);
  expect(viaDashboard.current, options.asOf).toEqual(viaProjects);
  expect(viaDashboard.previous, previous.asOf).toEqual(previousViaProjects.totals);
}

const MONTH_ENDS = (year: number) =>
  Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, i + 1, 0)).toISOString().slice(0, 10));

describe('the rollup answers a region', () => {
  it('for regional scopes only', () => {
    expect(['2021-02-28', '2020-02-29', '2021-06-30', '2021-12-31'].every(isMonthEnd)).toBe(true);
    expect(['2020-02-28', '2021-06-17', '2021-12-30'].some(isMonthEnd)).toBe(false);
    expect(rollupAnswers({ actor: daqingAdmin })).toBe(true);
    const owner = { id: 2, role: 'owner' as const, regionCode: null, organizationId: 1 };
    expect(rollupAnswers({ actor: owner })).toBe(false);
  });

  it('inside a month too, from the rows of the month end that counts the same months', async () => {
    const rolledBack = new Error('rolled back');
    await expect(
      database.db.transaction().execute(async (trx) => {
        // One key's rows, every month, made to claim 1,000 more projects: a figure read from the rollup shows them.
        const key = sql`(region_code, category, levels, nature, industry, size_tier) = (select region_code, category,
          levels, nature, industry, size_tier from stats_rollup where year = 2021 and month = 1 and projects > 0 limit 1)`;
        await sql`update stats_rollup set projects = projects + 1000 where year = 2021 and ${key}`.execute(trx);
        for (const asOf of ['2021-05-20', '2021-09-30']) {
          const read = await statisticsOf(trx, { actor: daqingAdmin }, { year: 2021, asOf }, []);
          expect(read.totals.projects, asOf).toBe(daqing2021.length + 1000);
        }
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});

describe('the rollup agrees with core', () => {
  it('on Chengdu 2019 at every month end and at dates inside months', async () => {
    for (const asOf of [...MONTH_ENDS(2019), '2019-06-17', '2019-08-31', '2019-02-03']) {
      await expectCoreAgreement({ actor: chengduAdmin }, chengdu, { year: 2019, asOf });
    }
  }, 120_000);

  it('on Daqing 2021 at every month end and at dates inside months, for the city and a district', async () => {
    for (const asOf of [...MONTH_ENDS(2021), '2021-05-20', '2021-04-15', '2021-01-04', '2021-07-01']) {
      await expectCoreAgreement({ actor: daqingAdmin }, daqing2021, { year: 2021, asOf });
    }
    const inDistrict = daqing2021.filter((p) => p.regionCode === '230604');
    await expectCoreAgreement({ actor: daqingAdmin, regionCode: '230604' }, inDistrict, {
      year: 2021,
      asOf: '2021-09-30',
    });
  }, 120_000);

  it('shows the same series, unlocated count and previous year as the projects path', async () => {
    await expectSameAsProjects({ actor: daqingAdmin }, { year: 2021, asOf: '2021-05-31' });
    await expectSameAsProjects({ actor: chengduAdmin }, { year: 2019, asOf: '2019-08-31' });
  }, 120_000);
});

describe('the rollup on the province generator', () => {
  // A database of its own: the generator's project codes would meet the Daqing fixture's.
  let province: Database;
  beforeAll(async () => {
    province = await createTestDatabase();
    await generateScale(province.db, { projects: 400, years: [2020, 2021], regionCode: '230000' });
  }, 300_000);
  afterAll(() => province.close());

  /** The rollup equals the projects path, which stats.sql.test.ts holds to core's formulas. */
  async function expectProvinceAgrees() {
    for (const asOf of ['2021-01-31', '2021-06-30', '2021-11-30', '2021-12-31', '2021-06-17']) {
      await expectSameAsProjects({ actor: provinceAdmin }, { year: 2021, asOf }, province.db);
    }
    await expectSameAsProjects(
      { actor: provinceAdmin, regionCode: '230600' },
      { year: 2021, asOf: '2021-03-31' },
      province.db,
    );
  }

  it('agrees as generated, at month ends and inside a month', async () => {
    await expectProvinceAgrees();
  }, 120_000);

  it('still agrees after reports, corrections, plan and project edits, deletions, concurrent filings and a moved cut-off', async () => {
    const db = province.db;
    const ids = (
      await sql<{ id: number }>`select id from projects where code like '2101-%' order by id limit 7`.execute(db)
    ).rows.map((r) => r.id);
    const [filed, corrected, edited, replanned, softDeleted, hardDeleted, startedLate] = ids as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    // A report filed and one corrected, each refreshing its year-progress row as the report service does.
    await db.transaction().execute(async (trx) => {
      await sql`delete from monthly_reports where project_id = ${filed} and year = 2021 and month >= 4`.execute(trx);
      await refreshYearProgress(trx, filed, 2021);
    });
    await db.transaction().execute(async (trx) => {
      await sql`update monthly_reports set completed_this_month = completed_this_month * 40, started = true,
        started_on = '2021-02-03' where project_id = ${corrected} and year = 2021 and month = 2`.execute(trx);
      await refreshYearProgress(trx, corrected, 2021);
    });
    // A start first reported in June and dated the 25th: as of June 17, once June counts, not started yet.
    await db.transaction().execute(async (trx) => {
      await sql`update monthly_reports set started = (month >= 6),
        started_on = case when month >= 6 then date '2021-06-25' end
        where project_id = ${startedLate} and year = 2021`.execute(trx);
      await refreshYearProgress(trx, startedLate, 2021);
    });
    await db
      .updateTable('projects')
      .set({
        region_code: '230604',
        levels: ['provincial'],
        category: 'social',
        industry: null,
        total_investment: 60_000_000_000_000n,
        actual_completion_date: '2021-06-10',
        longitude: null,
      })
      .where('id', '=', edited)
      .execute();
    await db
      .updateTable('annual_plans')
      .set({ nature: 'reserve', planned_investment: 1n, planned_new_start: true })
      .where('project_id', '=', replanned)
      .where('year', '=', 2021)
      .execute();
    await db.updateTable('projects').set({ deleted_at: new Date() }).where('id', '=', softDeleted).execute();
    await db.deleteFrom('project_year_progress').where('project_id', '=', hardDeleted).execute();
    await db.deleteFrom('monthly_reports').where('project_id', '=', hardDeleted).execute();
    await db.deleteFrom('lifecycle_transitions').where('project_id', '=', hardDeleted).execute();
    await db.deleteFrom('projects').where('id', '=', hardDeleted).execute();
    await expectProvinceAgrees();

    // Reports of four projects of one city filed at once (concurrent transactions on PostgreSQL): each adds its own
    // change to the same rollup rows, none is lost.
    const concurrent = (
      await sql<{ id: number }>`select id from projects where code like '2101-2306%' order by id desc limit 4`.execute(
        db,
      )
    ).rows.map((r) => r.id);
    await Promise.all(
      concurrent.map((id, i) =>
        db.transaction().execute(async (trx) => {
          await sql`update monthly_reports set completed_this_month = completed_this_month + ${1000 * (i + 1)}
            where project_id = ${id} and year = 2021 and month = 3`.execute(trx);
          await refreshYearProgress(trx, id, 2021);
        }),
      ),
    );
    await expectProvinceAgrees();

    // Kept incrementally, the rollup holds what a rebuild from scratch holds.
    await expectRollupAsRebuilt(db);

    // June's cut-off moves to the 20th: the month ends do not change, the dates inside June (read from the projects) do.
    await db
      .updateTable('reporting_periods')
      .set({ cutoff_date: '2021-06-16' })
      .where('year', '=', 2021)
      .where('month', '=', 6)
      .execute();
    await expectProvinceAgrees();
  }, 300_000);
});
