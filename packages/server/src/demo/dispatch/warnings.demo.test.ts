/**
 * The demo's warnings: both presets set (audited), three evaluations whose dates differ, and realistic numbers —
 * some red, some yellow, most projects without a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningEvaluation } from '@keyprojects/core';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedWarningsDemo } from './warnings.demo.ts';

let ctx: TestContext;
let results: WarningEvaluation[];

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  results = await seedWarningsDemo(ctx.db, TEST_TODAY);
}, 300_000);
afterAll(() => ctx.close());

describe('the demo warnings', () => {
  it('sets Yinchuan for the city and Sanya for 让胡路区, audited', async () => {
    const presets = await ctx.db.selectFrom('region_warning_presets').select(['region_code', 'preset_id']).execute();
    expect(new Set(presets.map((p) => p.preset_id))).toEqual(new Set(['yinchuan', 'sanya']));
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'warning_preset')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('evaluates three dates, so that first raised, confirmed and cleared differ', async () => {
    expect(results.map((r) => r.asOf)).toEqual(['2021-04-20', '2021-05-10', TEST_TODAY]);
    const last = results.at(-1);
    expect(last?.confirmed).toBeGreaterThan(0);
    const dates = await ctx.db
      .selectFrom('warnings')
      .select(({ fn }) => fn.count<string>('first_raised_on').distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(dates.n)).toBeGreaterThan(1);
  });

  // The demo city completed 16.4% of its plan by 20 May against a time-elapsed pace of 4/12 (a northern city builds
  // little in winter), so most projects are behind the pace: many yellow, red only for the worst.
  it('gives realistic numbers: red and yellow both, red for a minority, some projects clean', async () => {
    const rows = await ctx.db
      .selectFrom('warnings')
      .select(['level', 'rule', 'project_id'])
      .where('cleared_on', 'is', null)
      .execute();
    const projects = await ctx.db.selectFrom('annual_plans').select('project_id').where('year', '=', 2021).execute();
    const warned = new Set(rows.map((r) => r.project_id));
    const red = rows.filter((r) => r.level === 'red').length;
    const byRule: Record<string, number> = {};
    for (const row of rows) byRule[row.rule] = (byRule[row.rule] ?? 0) + 1;
    expect(red).toBeGreaterThan(0);
    expect(rows.length - red).toBeGreaterThan(0);
    expect(red).toBeLessThan(projects.length * 0.6);
    expect(warned.size).toBeLessThan(projects.length);
    expect(Object.keys(byRule).length).toBeGreaterThanOrEqual(4);
  });
});
