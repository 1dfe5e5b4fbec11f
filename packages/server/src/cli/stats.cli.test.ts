/**
 * `stats` on the command line acts as a real user: the first city administrator unless --as names another, with
 * that user's permission and scope; --region narrows inside the scope and a region outside it is refused (it
 * used to build a city administrator of whatever region was named).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yi, type StatProject } from '@keyprojects/core';
import type { Database } from '../db/database.ts';
import { runCommand } from '../../test/cli.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createTestUser } from '../../test/factories.ts';
import { loadStatProjects } from '../../test/stat-fixture.ts';
import type { CliValues } from './command.ts';
import { statsCommands } from './stats.commands.ts';

let database: Database;
let district: string;
let sysadmin: string;

/** A project of 2021's list in a county, reported started in April. */
const project = (id: number, regionCode: string): StatProject => ({
  id,
  regionCode,
  levels: [],
  category: 'industry',
  industry: null,
  nature: 'new',
  totalInvestment: yi('1'),
  annualPlan: yi('0.5'),
  plannedNewStart: true,
  completedOn: null,
  plannedCompletionDate: null,
  reports: [{ cutoff: '2021-04-20', completed: yi('0.1'), startedOn: '2021-04-02' }],
});

beforeAll(async () => {
  database = await createTestDatabase();
  // 大庆's administrator comes first (the default actor); a district officer of 萨尔图区; a system administrator.
  await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
  district = (await createTestUser(database.db, 'district_staff', { regionCode: '230602' })).username;
  sysadmin = (await createTestUser(database.db, 'system_admin')).username;
  // Two projects in 萨尔图区, one in 龙凤区 (both 大庆), one in 哈尔滨's 道里区.
  await loadStatProjects(
    database.db,
    [project(1, '230602'), project(2, '230602'), project(3, '230603'), project(4, '230102')],
    2021,
  );
}, 120_000);
afterAll(() => database.close());

async function stats(values: CliValues): Promise<Record<string, unknown>> {
  return (await runCommand(statsCommands, 'stats', database, { 'as-of': '2021-05-20', ...values })).output;
}

describe('the stats command', () => {
  it('acts as the first city administrator by default: the city, not the province', async () => {
    expect(await stats({})).toMatchObject({ region: '230600', projects: 3, startedNew: 3 });
  });

  it('narrows to a region inside the acting user’s scope', async () => {
    expect(await stats({ region: '230603' })).toMatchObject({ region: '230603', projects: 1 });
    expect(await stats({ as: district })).toMatchObject({ region: '230602', projects: 2, user: district });
    expect(await stats({ as: district, region: '230602' })).toMatchObject({ projects: 2 });
  });

  it('refuses a region outside the acting user’s scope instead of acting for it', async () => {
    await expect(stats({ region: '230102' })).rejects.toThrow(/outside the region/);
    await expect(stats({ region: '230000' })).rejects.toThrow(/outside the region/);
    await expect(stats({ as: district, region: '230603' })).rejects.toThrow(/outside the region/);
  });

  it('refuses a user without the statistics permission', async () => {
    await expect(stats({ as: sysadmin })).rejects.toMatchObject({ statusCode: 403 });
  });
});
