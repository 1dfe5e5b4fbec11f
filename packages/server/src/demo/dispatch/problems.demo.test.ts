/**
 * The demo's problem list: loaded on the 大庆 demo through the services, it holds problems in every state, some
 * overdue and escalated by the job, several closed with grades, all dated in April–May 2021, and each unit's
 * account sees only its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATES } from '@keyprojects/core';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedProblemsDemo } from './problems.demo.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  expect(await seedProblemsDemo(ctx.db)).toEqual({ problems: 25 });
}, 240_000);

afterAll(() => ctx.close());

describe('the demo problems', () => {
  it('cover every state, with escalations and grades, dated April–May 2021', async () => {
    const rows = await ctx.db
      .selectFrom('problems')
      .select(['state', 'escalation_level', 'grade', 'raised_on', 'region_code', 'assigned_unit_id'])
      .execute();
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(PROBLEM_STATES));
    expect(rows.filter((r) => r.escalation_level > 0).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.grade !== null).length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.raised_on >= '2021-04-01' && r.raised_on <= '2021-05-20')).toBe(true);
    expect(new Set(rows.map((r) => r.region_code)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.assigned_unit_id).filter((u) => u !== null)).size).toBe(4);
  });

  it('wrote each problem’s history and audit trail', async () => {
    const events = await ctx.db.selectFrom('problem_events').select('problem_id').execute();
    expect(new Set(events.map((e) => e.problem_id)).size).toBe(25);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'problem').execute();
    expect(audit.filter((a) => a.action === 'verify')).toHaveLength(6);
  });
});
