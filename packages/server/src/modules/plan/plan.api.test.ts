/**
 * Milestone plans over the API, on one project of 萨尔图区 (default template, in preparation) as of 2021-05-20:
 * a target before the earliest is refused with the earliest date; the backwards draft's dates (worked by hand);
 * draft saves need If-Match and of two racing saves one wins; bad input is refused whole with nothing written;
 * approval makes the baseline; a re-plan needs its reason, keeps the baseline and shows the delay against both;
 * the node lists by window, region and unit; another district gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  toPlanNodeInput,
  type PlanNodeInput,
  type PlanNodeOutput,
  type PlanNodesOutput,
  type ProjectPlanOutput,
  type ReplannedOutput,
} from '@keyprojects/core';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { createProblemCast, type ProblemCast } from '../problem/problem.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
let staff: Client;
let sibling: Client;
let unit: Client;
let url: string;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  staff = await signIn(ctx.app, cast.staff.user);
  sibling = await signIn(ctx.app, cast.siblingStaff.user);
  unit = await signIn(ctx.app, cast.unit.user);
  url = `/api/v1/projects/${cast.project}/plan`;
}, 60_000);
afterAll(() => ctx.close());

const planCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('milestone_plans')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const dates = (nodes: readonly PlanNodeOutput[]) =>
  Object.fromEntries(nodes.map((n) => [n.key, [n.plannedStart, n.plannedEnd]]));
const node = (plan: ProjectPlanOutput['current'], key: string) => plan?.nodes.find((n) => n.key === key);

let draft: ProjectPlanOutput;

describe('generating a plan backwards', () => {
  // Preparation (no step yet) to 开工: 60 + 60 + 45 + 30 + 1 = 196 days from 2021-05-20: 2021-12-01 at the earliest.
  it('refuses a target before the earliest, naming the earliest date, and writes nothing', async () => {
    const response = await staff.request({
      method: 'POST',
      url: `${url}/generate`,
      payload: { targetDate: '2021-11-30', untilStage: 'started' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { fields: Record<string, string> } }>().error.fields.targetDate).toContain(
      '2021-12-01',
    );
    expect(await planCount()).toBe(0);
    const view = (await staff.request({ method: 'GET', url: `${url}?untilStage=started` })).json<ProjectPlanOutput>();
    expect(view.current).toBeNull();
    expect(view.earliestTarget).toBe('2021-12-01');
  });

  // 开工 12-31; 施工准备 30 d 12-01..12-30; 初步设计 45 d 10-17..11-30; 立项用地规划 60 d 08-18..10-16;
  // 建议书及可研 60 d 06-19..08-17.
  it('lays the draft out backwards from the target and answers its row version as the ETag', async () => {
    const response = await staff.request({
      method: 'POST',
      url: `${url}/generate`,
      payload: { targetDate: '2021-12-31', untilStage: 'started' },
    });
    expect(response.statusCode).toBe(201);
    draft = response.json<ProjectPlanOutput>();
    expect(dates(draft.draft?.nodes ?? [])).toEqual({
      proposal_feasibility: ['2021-06-19', '2021-08-17'],
      approval_land_planning: ['2021-08-18', '2021-10-16'],
      design_drawings: ['2021-10-17', '2021-11-30'],
      site_preparation: ['2021-12-01', '2021-12-30'],
      started: ['2021-12-31', '2021-12-31'],
    });
    expect(response.headers.etag).toBe(`"${draft.draft?.rowVersion}"`);
    expect(draft.draft?.version).toBe(1);
  });
});

/** The edited draft: feasibility planned to end 04-30, permits 05-15 (both past), design due this week (05-21). */
function editedNodes(): PlanNodeInput[] {
  const nodes = (draft.draft?.nodes ?? []).map(toPlanNodeInput);
  const set = (key: string, plannedStart: string, plannedEnd: string, extra: Partial<PlanNodeInput> = {}) => {
    const found = nodes.find((n) => n.key === key);
    if (found) Object.assign(found, { plannedStart, plannedEnd, ...extra });
  };
  set('proposal_feasibility', '2021-03-01', '2021-04-30');
  set('approval_land_planning', '2021-05-01', '2021-05-15', { responsibleOrgId: cast.unit.orgId });
  set('design_drawings', '2021-05-16', '2021-05-21');
  return nodes;
}

describe('editing the draft', () => {
  it('needs If-Match (428) and refuses bad input whole with field messages, writing nothing', async () => {
    const payload = { targetDate: '2021-12-31', nodes: editedNodes() };
    expect((await staff.request({ method: 'PUT', url: `${url}/draft`, payload })).statusCode).toBe(428);
    const bad = editedNodes().map((n, index) =>
      index === 0
        ? { ...n, plannedEnd: '2021-02-01' }
        : index === 1
          ? { ...n, key: 'design_drawings', responsibleOrgId: 999_999 }
          : n,
    );
    const response = await staff.request({
      method: 'PUT',
      url: `${url}/draft`,
      headers: { 'if-match': `"${draft.draft?.rowVersion}"` },
      payload: { targetDate: '2021-12-31', nodes: bad },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields).sort()).toEqual([
      'nodes.0.plannedEnd',
      'nodes.1.responsibleOrgId',
      'nodes.2.key',
    ]);
    const view = (await staff.request({ method: 'GET', url })).json<ProjectPlanOutput>();
    expect(view.draft).toEqual(draft.draft);
  });

  it('lets exactly one of two racing saves win; the other gets 412', async () => {
    const save = () =>
      staff.request({
        method: 'PUT',
        url: `${url}/draft`,
        headers: { 'if-match': `"${draft.draft?.rowVersion}"` },
        payload: { targetDate: '2021-12-31', nodes: editedNodes() },
      });
    const codes = (await Promise.all([save(), save()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 412]);
    draft = (await staff.request({ method: 'GET', url })).json<ProjectPlanOutput>();
    expect(draft.draft?.rowVersion).toBe(2);
    expect(node(draft.draft, 'proposal_feasibility')?.plannedEnd).toBe('2021-04-30');
  });
});

describe('approval, progress and the baseline', () => {
  it('approves the draft at its row version as the baseline (stale: 412)', async () => {
    const stale = await staff.request({ method: 'POST', url: `${url}/approve`, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    const response = await staff.request({
      method: 'POST',
      url: `${url}/approve`,
      headers: { 'if-match': `"${draft.draft?.rowVersion}"` },
    });
    expect(response.statusCode).toBe(200);
    const plan = response.json<ProjectPlanOutput>();
    expect(plan.draft).toBeNull();
    expect(plan.current).toMatchObject({ version: 1, status: 'approved', isBaseline: true });
    expect(plan.baseline?.version).toBe(1);
  });

  it('records a late finish, refuses an actual end after the application date, and shows the delays', async () => {
    const progress = (key: string, payload: object) =>
      staff.request({ method: 'PUT', url: `${url}/nodes/${key}/progress`, payload });
    const future = await progress('proposal_feasibility', { status: 'done', actualEnd: '2021-05-21' });
    expect(future.statusCode).toBe(400);
    expect((await progress('proposal_feasibility', { status: 'done' })).statusCode).toBe(400);
    const done = await progress('proposal_feasibility', {
      status: 'done',
      actualStart: '2021-03-05',
      actualEnd: '2021-05-10',
    });
    expect(done.statusCode).toBe(200);
    const plan = done.json<ProjectPlanOutput>();
    expect(node(plan.current, 'proposal_feasibility')).toMatchObject({
      delayVsPlanDays: 10,
      delayVsBaselineDays: 10,
      overdue: false,
    });
    expect(node(plan.current, 'approval_land_planning')).toMatchObject({ delayVsPlanDays: 5, overdue: true });
    expect((await progress('nowhere', { status: 'pending' })).statusCode).toBe(404);
  });
});

describe('the node lists', () => {
  const list = async (client: Client, query: string) => {
    const response = await client.request({ method: 'GET', url: `/api/v1/plans/nodes?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<PlanNodesOutput>();
  };

  it('lists this week, this month and the overdue nodes of current plans', async () => {
    const week = await list(staff, 'window=week');
    expect([week.from, week.to]).toEqual(['2021-05-17', '2021-05-23']);
    expect(week.items.map((n) => n.key)).toEqual(['design_drawings']);
    const month = await list(staff, 'window=month');
    expect(month.items.map((n) => n.key)).toEqual(['approval_land_planning', 'design_drawings']);
    const overdue = await list(staff, 'window=overdue');
    expect(overdue.items.map((n) => [n.key, n.delayVsPlanDays, n.regionCode])).toEqual([
      ['approval_land_planning', 5, '230602'],
    ]);
  });

  it('narrows by region and responsible unit; a unit sees only its own nodes', async () => {
    expect((await list(staff, 'window=month&regionCode=230603')).total).toBe(0);
    const byUnit = await list(staff, `window=month&responsibleOrgId=${cast.unit.orgId}`);
    expect(byUnit.items.map((n) => n.key)).toEqual(['approval_land_planning']);
    const own = await list(unit, 'window=month');
    expect(own.items.map((n) => [n.key, n.responsibleOrgName])).toEqual([['approval_land_planning', '萨尔图区住建局']]);
    expect((await list(sibling, 'window=month')).total).toBe(0);
  });
});

describe('re-planning', () => {
  it('needs a reason, keeps the baseline and shows the delay against both', async () => {
    const generate = (payload: object) => staff.request({ method: 'POST', url: `${url}/generate`, payload });
    const count = await planCount();
    expect((await generate({ targetDate: '2022-01-31', untilStage: 'started' })).statusCode).toBe(400);
    expect(await planCount()).toBe(count);
    const replan = await generate({
      targetDate: '2022-01-31',
      untilStage: 'started',
      reason: '用地指标调整，顺延一个月',
    });
    expect(replan.statusCode).toBe(201);
    const v2 = replan.json<ProjectPlanOutput>();
    // The finished node keeps its actual dates in the new draft.
    expect(node(v2.draft, 'proposal_feasibility')).toMatchObject({ status: 'done', actualEnd: '2021-05-10' });
    const approved = await staff.request({
      method: 'POST',
      url: `${url}/approve`,
      headers: { 'if-match': `"${v2.draft?.rowVersion}"` },
    });
    expect(approved.statusCode).toBe(200);
    const plan = approved.json<ProjectPlanOutput>();
    expect(plan.current).toMatchObject({ version: 2, isBaseline: false, reason: '用地指标调整，顺延一个月' });
    expect(plan.baseline).toMatchObject({ version: 1, status: 'superseded', isBaseline: true });
    // v2 from 2022-01-31: 立项用地规划 09-18..11-16, 建议书 07-20..09-17 — nothing late against it yet.
    expect(node(plan.current, 'proposal_feasibility')).toMatchObject({
      plannedEnd: '2021-09-17',
      baselineEnd: '2021-04-30',
      delayVsPlanDays: 0,
      delayVsBaselineDays: 10,
    });
    expect(node(plan.current, 'approval_land_planning')).toMatchObject({
      baselineStart: '2021-05-01',
      delayVsPlanDays: 0,
      delayVsBaselineDays: 5,
      overdue: false,
    });
  });

  it('lists the re-planned project with the days its target moved', async () => {
    const response = await staff.request({ method: 'GET', url: '/api/v1/plans/replanned?regionCode=230602' });
    const body = response.json<ReplannedOutput>();
    expect(body.items).toEqual([
      expect.objectContaining({
        projectId: cast.project,
        versions: 2,
        baselineTarget: '2021-12-31',
        latestTarget: '2022-01-31',
        daysMoved: 31,
        lastReason: '用地指标调整，顺延一个月',
      }),
    ]);
    const other = await sibling.request({ method: 'GET', url: '/api/v1/plans/replanned' });
    expect(other.json<ReplannedOutput>().total).toBe(0);
  });
});

describe('scope', () => {
  it('answers 404 to another district, for reads and writes', async () => {
    expect((await sibling.request({ method: 'GET', url })).statusCode).toBe(404);
    const write = await sibling.request({
      method: 'POST',
      url: `${url}/generate`,
      payload: { targetDate: '2022-06-30', reason: '试图修改' },
    });
    expect(write.statusCode).toBe(404);
  });

  it('audits every change on the project', async () => {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(cast.project))
      .where('action', 'in', ['create', 'update', 'approve'])
      .execute();
    // create: the project and the first draft; update: one save, one progress, the re-plan draft... and approvals.
    expect(rows.filter((r) => r.action === 'approve')).toHaveLength(2);
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });
});
