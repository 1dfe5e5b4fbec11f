/**
 * The problem list's acceptance tests over the API: the workflow from raise to verified closure, the illegal
 * transitions (refused with their message, nothing written), the race of two staff deciding at once (exactly one
 * wins), the scope of each role, the 13710 clock across a weekend and the Labour Day holiday with the escalation
 * job, and the league table's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemDetail, ProblemLeague, ProblemList } from '@keyprojects/core';
import { signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { fixedClock } from '../../clock.ts';
import { run as runEscalation } from '../../jobs/problem-escalation.job.ts';
import { createProblem } from './problem.create.ts';
import { createProblemCast, type ProblemCast } from './problem.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
let staff: Client;
let cityAdmin: Client;
let siblingStaff: Client;
let unit: Client;
let siblingUnit: Client;
let owner: Client;
let officer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  staff = await signIn(ctx.app, cast.staff.user);
  cityAdmin = await signIn(ctx.app, cast.cityAdmin.user);
  siblingStaff = await signIn(ctx.app, cast.siblingStaff.user);
  unit = await signIn(ctx.app, cast.unit.user);
  siblingUnit = await signIn(ctx.app, cast.siblingUnit.user);
  owner = await signIn(ctx.app, cast.owner.user);
  officer = await signIn(ctx.app, cast.officer.user);
}, 90_000);

afterAll(() => ctx.close());

const raiseBody = (overrides: Record<string, unknown> = {}) => ({
  projectId: cast.project,
  title: '临时用电未接入',
  category: 'utilities',
  description: '施工临时用电申请已提交，尚未接入',
  assignedUnitId: cast.unit.orgId,
  ...overrides,
});

async function raise(client: Client, overrides: Record<string, unknown> = {}): Promise<ProblemDetail> {
  const response = await client.request({ method: 'POST', url: '/api/v1/problems', payload: raiseBody(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ProblemDetail>();
}

const act = (client: Client, id: number, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/v1/problems/${id}/actions`, payload });

async function actOk(client: Client, id: number, payload: Record<string, unknown>): Promise<ProblemDetail> {
  const response = await act(client, id, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProblemDetail>();
}

const snapshot = async (id: number) => ({
  row: await ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  events: (await ctx.db.selectFrom('problem_events').select('id').where('problem_id', '=', id).execute()).length,
});

/** Sends a refused action and checks its status, its field or message, and that nothing changed. */
async function refused(client: Client, id: number, payload: Record<string, unknown>, status: number) {
  const before = await snapshot(id);
  const response = await act(client, id, payload);
  expect(response.statusCode, response.body).toBe(status);
  expect(await snapshot(id)).toEqual(before);
  return response.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
}

describe('the workflow', () => {
  it('runs from raise to a graded closure, the clock’s steps reported as it goes', async () => {
    const raised = await raise(staff);
    expect(raised.state).toBe('open');
    expect(raised.actions).toEqual(expect.arrayContaining(['assign']));
    const seen = await unit.request({ method: 'GET', url: `/api/v1/problems/${raised.id}` });
    expect(seen.json<ProblemDetail>().actions).toEqual(['accept', 'return']);
    const accepted = await actOk(unit, raised.id, { action: 'accept' });
    expect(accepted.clock?.steps[0]).toMatchObject({ step: 'assignment', doneOn: TEST_TODAY, state: 'done' });
    const progressed = await actOk(unit, raised.id, { action: 'progress', note: '已与供电公司对接' });
    expect(progressed.clock?.current).toBe('result');
    const resolved = await actOk(unit, raised.id, { action: 'resolve', note: '已接入' });
    expect(resolved.state).toBe('resolved');
    const closed = await actOk(staff, raised.id, { action: 'verify', grade: 'good' });
    expect(closed).toMatchObject({ state: 'verified_closed', grade: 'good', clockState: 'done' });
    expect(closed.events.map((e) => e.action)).toEqual(['raise', 'assign', 'accept', 'progress', 'resolve', 'verify']);
    const told = await ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'problem_verify')
      .execute();
    expect(told.map((n) => n.user_id)).toEqual([]); // the raiser verified it: nobody else to tell
  });

  it('refuses illegal transitions with their message and writes nothing', async () => {
    const { id } = await raise(staff);
    expect((await refused(staff, id, { action: 'verify', grade: 'good' }, 409)).message).toContain('状态');
    await actOk(unit, id, { action: 'accept' });
    await actOk(unit, id, { action: 'resolve' });
    // The unit that resolved may not verify its own work.
    expect((await refused(unit, id, { action: 'verify', grade: 'excellent' }, 403)).message).toContain('角色');
    expect((await refused(staff, id, { action: 'verify' }, 400)).fields).toHaveProperty('grade');
    expect((await refused(staff, id, { action: 'reject', reason: '  ' }, 400)).fields).toHaveProperty('reason');
    await actOk(staff, id, { action: 'verify', grade: 'pass' });
    expect((await refused(staff, id, { action: 'reopen' }, 400)).fields).toHaveProperty('reason');
    const reopened = await actOk(staff, id, { action: 'reopen', reason: '群众反映仍未通电' });
    expect(reopened).toMatchObject({ state: 'in_progress', grade: null, lastReason: '群众反映仍未通电' });
  });

  it('refuses assigning to a unit outside the district', async () => {
    const raised = await raise(owner, { assignedUnitId: null });
    const error = await refused(staff, raised.id, { action: 'assign', unitId: cast.siblingUnit.orgId }, 400);
    expect(error.fields).toEqual({ unitId: expect.stringContaining('管辖') });
    const assigned = await actOk(staff, raised.id, { action: 'assign', unitId: cast.unit.orgId, assigneeName: '李工' });
    expect(assigned).toMatchObject({ unitId: cast.unit.orgId, assigneeName: '李工', dueOn: '2021-05-27' });
  });

  it('lets exactly one of two racing decisions win; the other gets 409', async () => {
    const { id } = await raise(staff);
    await actOk(unit, id, { action: 'accept' });
    await actOk(unit, id, { action: 'resolve' });
    const answers = await Promise.all([
      act(staff, id, { action: 'verify', grade: 'excellent' }),
      act(cityAdmin, id, { action: 'reject', reason: '材料不全' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const events = await ctx.db.selectFrom('problem_events').select('action').where('problem_id', '=', id).execute();
    expect(events.filter((e) => e.action === 'verify' || e.action === 'reject')).toHaveLength(1);
  });
});

describe('the scope of each role', () => {
  it('shows a unit only the problems assigned to it, and 404 for another unit’s', async () => {
    const mine = await raise(staff);
    const theirs = await raise(siblingStaff, {
      projectId: cast.siblingProject,
      assignedUnitId: cast.siblingUnit.orgId,
    });
    const ids = (await unit.request({ method: 'GET', url: '/api/v1/problems?limit=500' })).json<ProblemList>();
    expect(ids.items.map((p) => p.id)).toContain(mine.id);
    expect(ids.items.every((p) => p.unitId === cast.unit.orgId)).toBe(true);
    expect((await unit.request({ method: 'GET', url: `/api/v1/problems/${theirs.id}` })).statusCode).toBe(404);
    expect((await act(unit, theirs.id, { action: 'accept' })).statusCode).toBe(404);
    expect((await siblingUnit.request({ method: 'GET', url: `/api/v1/problems/${theirs.id}` })).statusCode).toBe(200);
  });

  it('shows district staff their district, owners and officers their projects’ problems', async () => {
    const theirs = await raise(siblingStaff, {
      projectId: cast.siblingProject,
      assignedUnitId: cast.siblingUnit.orgId,
    });
    const ours = await raise(staff);
    for (const client of [staff, owner, officer]) {
      expect((await client.request({ method: 'GET', url: `/api/v1/problems/${ours.id}` })).statusCode).toBe(200);
      expect((await client.request({ method: 'GET', url: `/api/v1/problems/${theirs.id}` })).statusCode).toBe(404);
    }
    expect((await act(staff, theirs.id, { action: 'verify', grade: 'good' })).statusCode).toBe(404);
    const list = (await cityAdmin.request({ method: 'GET', url: '/api/v1/problems?limit=500' })).json<ProblemList>();
    expect(list.items.map((p) => p.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
    // The search matches the title, ignoring case, or the project's name.
    const searched = await raise(staff, { title: 'Temporary POWER 未接入' });
    const byTitle = await cityAdmin.request({ method: 'GET', url: '/api/v1/problems?limit=500&q=power' });
    expect(byTitle.json<ProblemList>().items.map((p) => p.id)).toEqual([searched.id]);
  });
});

describe('the 13710 clock', () => {
  it('runs across the Labour Day holiday and a weekend, escalates once a day, and lists as overdue', async () => {
    // Assigned Thursday 2021-04-29: the 1-day step falls on Friday 04-30; the 3- and 7-day steps (05-02 and 05-06)
    // on the holiday 05-01..05 and just after it, so both end on Thursday 05-06, the first working day.
    const { id } = await ctx.db.transaction().execute((trx) =>
      createProblem(trx, { clock: fixedClock('2021-04-29') }, cast.staff.actor, {
        ...raiseBody(),
        category: 'land',
        assignedUnitId: cast.unit.orgId,
      } as never),
    );
    // Assigned Friday 2021-05-14: the 1-day step (Saturday) ends on Monday 05-17.
    const weekend = await ctx.db.transaction().execute((trx) =>
      createProblem(trx, { clock: fixedClock('2021-05-14') }, cast.staff.actor, {
        ...raiseBody(),
        category: 'land',
        assignedUnitId: cast.unit.orgId,
      } as never),
    );
    const detail = (await staff.request({ method: 'GET', url: `/api/v1/problems/${id}` })).json<ProblemDetail>();
    expect(detail.clock?.steps.map((s) => [s.step, s.dueOn, s.state])).toEqual([
      ['assignment', '2021-04-30', 'overdue'],
      ['progress', '2021-05-06', 'overdue'],
      ['result', '2021-05-06', 'overdue'],
    ]);
    expect(detail.dueOn).toBe('2021-05-06');
    expect(detail.clock?.escalation).toMatchObject({ level: 3, key: 'government' });
    const other = (await staff.request({ method: 'GET', url: `/api/v1/problems/${weekend.id}` })).json<ProblemDetail>();
    expect(other.clock?.steps.map((s) => [s.dueOn, s.state, s.workingDaysLeft])).toEqual([
      ['2021-05-17', 'overdue', -3],
      ['2021-05-17', 'overdue', -3],
      ['2021-05-21', 'on_time', 1],
    ]);

    const first = await runEscalation({ db: ctx.db, clock: fixedClock(TEST_TODAY) });
    expect(first.escalated).toEqual(expect.arrayContaining([id, weekend.id]));
    expect((await runEscalation({ db: ctx.db, clock: fixedClock(TEST_TODAY) })).escalated).toEqual([]);
    const levels = await ctx.db
      .selectFrom('problems')
      .select(['id', 'escalation_level'])
      .where('id', 'in', [id, weekend.id])
      .orderBy('id')
      .execute();
    expect(levels.map((l) => l.escalation_level)).toEqual([3, 2]);

    const overdue = (
      await staff.request({ method: 'GET', url: '/api/v1/problems?overdue=true&limit=500' })
    ).json<ProblemList>();
    expect(overdue.items.map((p) => p.id)).toEqual(expect.arrayContaining([id, weekend.id]));
    expect(overdue.items.every((p) => p.clockState === 'overdue')).toBe(true);
  });
});

describe('the league table and the exports', () => {
  it('counts each unit’s problems of the period', async () => {
    const response = await cityAdmin.request({
      method: 'GET',
      url: '/api/v1/problems/league?from=2021-05-01&to=2021-05-31',
    });
    expect(response.statusCode, response.body).toBe(200);
    const league = response.json<ProblemLeague>();
    const row = league.rows.find((r) => r.unitId === cast.unit.orgId);
    const assigned = await ctx.db
      .selectFrom('problems')
      .select(['id', 'state'])
      .where('assigned_unit_id', '=', cast.unit.orgId)
      .where('assigned_on', '>=', '2021-05-01')
      .execute();
    // Every closure in these tests came on the day of assignment, so on time; the race's winner may add one.
    const closed = assigned.filter((p) => p.state === 'verified_closed').length;
    expect(row).toMatchObject({ received: assigned.length, closed, closedOnTime: closed, medianWorkingDaysToClose: 0 });
    expect(row?.grades.good).toBe(1);
    const bad = await cityAdmin.request({
      method: 'GET',
      url: '/api/v1/problems/league?from=2021-06-01&to=2021-05-01',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the list and the league as xlsx', async () => {
    for (const url of ['/api/v1/problems/export?view=tasks', '/api/v1/problems/league/export']) {
      const response = await staff.request({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
