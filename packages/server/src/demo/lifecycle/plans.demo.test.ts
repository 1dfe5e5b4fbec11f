/**
 * The demo's plans on the 大庆 city as of 2021-05-20: approved construction plans for a good share of the projects
 * under way, some re-planned with their reason and days moved, nodes done on time, done late and open past their
 * date, generated plans (and drafts) for projects not started, and lists that are not empty for the city and for
 * the demo's responsible unit. The construction layout's dates are checked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../cli/cli-actor.ts';
import { fixedClock } from '../../clock.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { listPlanNodes, listReplanned } from '../../modules/plan/plan.service.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { constructionNodes, demoProgress } from './plans.demo.layout.ts';
import { seedPlansDemo, type PlansDemoResult } from './plans.demo.ts';

let ctx: TestContext;
let result: PlansDemoResult;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  result = await seedPlansDemo(ctx.db, TEST_TODAY);
}, 600_000);
afterAll(() => ctx.close());

describe('the construction layout', () => {
  // 2021-04-01..2021-11-30 is 244 days: shares 25/60/90% end on days 61, 146, 220 (05-31, 08-24, 11-06).
  it('spreads four nodes from the start to the planned completion', () => {
    expect(constructionNodes('2021-04-01', '2021-11-30')?.map((n) => [n.key, n.plannedStart, n.plannedEnd])).toEqual([
      ['foundation', '2021-04-01', '2021-05-31'],
      ['main_structure', '2021-06-01', '2021-08-24'],
      ['equipment_installation', '2021-08-25', '2021-11-06'],
      ['completion_acceptance', '2021-11-07', '2021-11-30'],
    ]);
    expect(constructionNodes('2021-04-01', '2021-04-10')).toBeNull();
  });

  it('finishes on time, late, or leaves the latest due node open, by the project index', () => {
    const node = { key: 'main_structure', name: '主体结构', stageCode: 'construction' };
    const past = { ...node, plannedStart: '2021-03-01', plannedEnd: '2021-04-30' };
    expect(demoProgress(past, 0, true, TEST_TODAY)).toEqual({
      status: 'done',
      actualStart: '2021-03-01',
      actualEnd: '2021-04-30',
    });
    expect(demoProgress(past, 1, true, TEST_TODAY)).toEqual({
      status: 'done',
      actualStart: '2021-03-02',
      actualEnd: '2021-05-10',
    });
    expect(demoProgress(past, 2, true, TEST_TODAY)?.status).toBe('in_progress');
    expect(
      demoProgress({ ...past, plannedStart: '2021-06-01', plannedEnd: '2021-07-01' }, 0, false, TEST_TODAY),
    ).toBeNull();
  });
});

describe('the demo plans', () => {
  it('plans a good share of the projects under way, re-plans some, and generates plans for some not started', () => {
    expect(result.construction).toBeGreaterThanOrEqual(20);
    expect(result.replanned).toBeGreaterThanOrEqual(5);
    expect(result.generated).toBeGreaterThan(0);
    expect(result.drafts).toBeGreaterThan(0);
  });

  it('has nodes done on time, done late and open past their date', async () => {
    const nodes = await ctx.db
      .selectFrom('milestone_nodes as n')
      .innerJoin('milestone_plans as p', 'p.id', 'n.plan_id')
      .where('p.status', '=', 'approved')
      .select(['n.status', 'n.planned_end', 'n.actual_end'])
      .execute();
    const done = nodes.filter((n) => n.status === 'done' && n.actual_end !== null);
    expect(done.some((n) => (n.actual_end ?? '') <= n.planned_end)).toBe(true);
    expect(done.some((n) => (n.actual_end ?? '') > n.planned_end)).toBe(true);
    expect(nodes.some((n) => n.status !== 'done' && n.planned_end < TEST_TODAY)).toBe(true);
  });

  it('fills the city lists and the demo unit’s own list', async () => {
    const deps = { db: ctx.db, clock: fixedClock(TEST_TODAY) };
    const admin = await cliActor(ctx.db, { as: 'daqing.admin' });
    const page = { regionCode: undefined, responsibleOrgId: undefined, page: 1, pageSize: 50 };
    expect((await listPlanNodes(deps, admin, { ...page, window: 'overdue' })).total).toBeGreaterThan(0);
    expect((await listPlanNodes(deps, admin, { ...page, window: 'month' })).total).toBeGreaterThan(0);
    const replanned = await listReplanned(deps, admin, {});
    expect(replanned.total).toBe(result.replanned);
    expect(new Set(replanned.items.map((r) => r.daysMoved))).toEqual(new Set([45, 60, 90]));
    expect(replanned.items.every((r) => r.lastReason !== null)).toBe(true);
    const unit = await cliActor(ctx.db, { as: 'unit.demo' });
    const own = await listPlanNodes(deps, unit, { ...page, window: 'overdue' });
    const month = await listPlanNodes(deps, unit, { ...page, window: 'month' });
    expect(own.total + month.total).toBeGreaterThan(0);
  });
});
