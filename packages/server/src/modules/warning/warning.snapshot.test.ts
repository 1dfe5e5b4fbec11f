/**
 * The warning snapshot's last filed report (the "not reported for N months" rules read it): the latest month up to
 * the date's whose report was filed, across years, drafts and reports sent back not counting, later months ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { loadStatProjects, planProject } from '../../../test/stat-fixture.ts';
import { loadWarningSnapshots } from './warning.repository.ts';

const WAN = 1_000_000n;
const project = (id: number, cutoffs: string[]) => planProject(id, '230602', cutoffs, 10n);
const monthIndex = (year: number, month: number) => year * 12 + month - 1;

let database: Database;
let ids: Map<number, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  // Approved reports of November and December 2020 for A and B; C never reports.
  ids = await loadStatProjects(
    database.db,
    [project(1, ['2020-11-25', '2020-12-25']), project(2, ['2020-11-25', '2020-12-25']), project(3, [])],
    2020,
  );
  await database.db
    .insertInto('reporting_periods')
    .values(
      [1, 2, 3, 4, 5].map((month) => ({
        year: 2021,
        month,
        cutoff_date: `2021-0${month}-25`,
        deadline: `2021-0${month}-28`,
      })),
    )
    .execute();
  const report = (projectId: number, month: number, state: 'draft' | 'returned' | 'submitted' | 'approved') => ({
    project_id: ids.get(projectId) ?? -1,
    year: 2021,
    month,
    state,
    completed_this_month: 10n * WAN,
  });
  // A: a January draft and a February report sent back — neither filed. B: February submitted, May approved.
  await database.db
    .insertInto('monthly_reports')
    .values([report(1, 1, 'draft'), report(1, 2, 'returned'), report(2, 2, 'submitted'), report(2, 5, 'approved')])
    .execute();
}, 120_000);
afterAll(() => database.close());

async function lastReported(asOf: string) {
  const rows = await loadWarningSnapshots(database.db, '230600', asOf);
  return [1, 2, 3].map((id) => rows.find((row) => row.id === ids.get(id))?.last_reported_index);
}

describe('the warning snapshot’s last filed report', () => {
  it('reaches back into the year before past drafts and returned reports, and is null with none', async () => {
    expect(await lastReported('2021-03-31')).toEqual([monthIndex(2020, 12), monthIndex(2021, 2), null]);
  });

  it('ignores the months after the date', async () => {
    expect(await lastReported('2021-04-30')).toEqual([monthIndex(2020, 12), monthIndex(2021, 2), null]);
    expect(await lastReported('2021-05-31')).toEqual([monthIndex(2020, 12), monthIndex(2021, 5), null]);
    expect(await lastReported('2020-11-30')).toEqual([monthIndex(2020, 11), monthIndex(2020, 11), null]);
  });
});
