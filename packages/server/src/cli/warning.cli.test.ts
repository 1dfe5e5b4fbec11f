/**
 * `evaluate-warnings` runs the job once as of a date and prints its counts; `warnings` then lists every warning
 * active on that date (projectCode, rule, ruleVersion, level, figures, raisedOn) with counts by rule and level,
 * narrowed by --region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { runCommand } from '../../test/cli.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createTestUser } from '../../test/factories.ts';
import { loadStatProjects, planProject } from '../../test/stat-fixture.ts';
import { warningCommands } from './warning.commands.ts';

let database: Database;

/** A 2021 project with a 1200万元 plan that completed 5万元 in each of January to April: far behind the pace. */
const lagging = (id: number, regionCode: string) =>
  planProject(id, regionCode, ['2021-01-25', '2021-02-25', '2021-03-25', '2021-04-25'], 5n);

beforeAll(async () => {
  database = await createTestDatabase();
  await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
  await loadStatProjects(database.db, [lagging(1, '230602'), lagging(2, '230603')], 2021);
}, 120_000);
afterAll(() => database.close());

describe('the warning commands', () => {
  it('evaluates as of a date and prints the counts', async () => {
    const { output } = await runCommand(warningCommands, 'evaluate-warnings', database, { 'as-of': '2021-05-20' });
    expect(output).toMatchObject({ asOf: '2021-05-20', projects: 2, raised: 2, confirmed: 0, cleared: 0, active: 2 });
  });

  it('lists the active warnings with their figures and counts by rule and level', async () => {
    const { output } = await runCommand(warningCommands, 'warnings', database, { 'as-of': '2021-05-20' });
    expect(output).toMatchObject({
      region: '230600',
      byLevel: { red: 2, yellow: 0, total: 2 },
      byRule: { investment_behind_pace: { red: 2, yellow: 0, total: 2 } },
    });
    const warnings = output.warnings as Record<string, unknown>[];
    expect(warnings[0]).toMatchObject({
      projectCode: expect.stringContaining('230602'),
      rule: 'investment_behind_pace',
      ruleVersion: 1,
      level: 'red',
      raisedOn: '2021-05-20',
      figures: { completedYtd: '20', paceAmount: '400', annualPlan: '1200', behind: '31.7' },
    });
  });

  it('narrows by --region, and a date before the evaluation shows nothing', async () => {
    const narrowed = await runCommand(warningCommands, 'warnings', database, {
      'as-of': '2021-05-20',
      region: '230603',
    });
    expect((narrowed.output.warnings as unknown[]).length).toBe(1);
    const before = await runCommand(warningCommands, 'warnings', database, { 'as-of': '2021-05-19' });
    expect(before.output.byLevel).toEqual({ red: 0, yellow: 0, total: 0 });
  });
});
