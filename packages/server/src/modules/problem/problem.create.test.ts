/**
 * createProblem, the entry shared by the problem list, the meetings and the inspections: a raise (and an assignment
 * in the same step) writes the problem with its clock, two history lines, an audit row and the unit's notices; every
 * refusal (out of scope, wrong role, unknown unit or origin, agreed date on an ordinary item) writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_13710, type DeadlineRule } from '@keyprojects/core';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { fixedClock } from '../../clock.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { createProblem, type NewProblem } from './problem.create.ts';
import { createProblemCast, type ProblemCast } from './problem.fixture.ts';

let ctx: TestContext;
let cast: ProblemCast;
const deps = { clock: fixedClock(TEST_TODAY) }; // 2021-05-20, a Thursday

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
}, 60_000);

afterAll(() => ctx.close());

const raise = (actor: Actor, input: Partial<NewProblem> = {}) =>
  ctx.db.transaction().execute((trx) =>
    createProblem(trx, deps, actor, {
      projectId: cast.project,
      title: '施工用电未接入',
      category: 'utilities',
      description: '项目临时用电申请已提交一个月，尚未接入。',
      ...input,
    }),
  );

const counts = async () => ({
  problems: Number(
    (
      await ctx.db
        .selectFrom('problems')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  events: Number(
    (
      await ctx.db
        .selectFrom('problem_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  notices: Number(
    (
      await ctx.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

/** Runs a refused call and returns its error, checking that it wrote nothing. */
async function refused(call: () => Promise<unknown>): Promise<AppError> {
  const before = await counts();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await counts()).toEqual(before);
  return error as AppError;
}

describe('createProblem', () => {
  it('raises and assigns in one step: the 13710 clock, two history lines, an audit row, the unit told', async () => {
    const { id } = await raise(cast.staff.actor, { assignedUnitId: cast.unit.orgId, assigneeName: '王工' });
    const row = await ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'open',
      source: 'raised',
      region_code: '230602',
      assigned_unit_id: cast.unit.orgId,
      assignee_name: '王工',
      assigned_on: TEST_TODAY,
      raised_on: TEST_TODAY,
      complexity: 'ordinary',
      // Thursday + 7 calendar days = Thursday 2021-05-27, a working day.
      due_on: '2021-05-27',
    });
    expect(row.deadline_rule).toEqual(RULE_13710);
    const events = await ctx.db
      .selectFrom('problem_events')
      .select(['action', 'from_state', 'to_state', 'note'])
      .where('problem_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'raise', from_state: null, to_state: 'open', note: null },
      { action: 'assign', from_state: 'open', to_state: 'open', note: '萨尔图区住建局（王工）' },
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'region_code'])
      .where('entity_type', '=', 'problem')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_id: cast.staff.user.id, region_code: '230602' }]);
    const notices = await ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'link'])
      .where('entity_id', '=', String(id))
      .execute();
    expect(notices).toEqual([{ user_id: cast.unit.user.id, kind: 'problem_assigned', link: `/problems/${id}` }]);
  });

  it('lets an owner raise a problem on its project, unassigned, and tells the region’s staff', async () => {
    const { id } = await raise(cast.owner.actor);
    const row = await ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'open', assigned_unit_id: null, due_on: null, deadline_rule: null });
    const told = await ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('entity_id', '=', String(id))
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([cast.cityAdmin.user.id, cast.staff.user.id].sort());
  });

  it('gives a complex item its agreed final date, and refuses one on an ordinary item', async () => {
    const { id } = await raise(cast.staff.actor, {
      assignedUnitId: cast.cityUnitId,
      complexity: 'complex',
      agreedFinalDueOn: '2021-06-30',
    });
    const row = await ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ complexity: 'complex', due_on: '2021-06-30', agreed_final_due_on: '2021-06-30' });
    const error = await refused(() =>
      raise(cast.staff.actor, { assignedUnitId: cast.unit.orgId, agreedFinalDueOn: '2021-06-30' }),
    );
    expect(error.fields).toEqual({ agreedFinalDueOn: 'problem.agreedOnlyComplex' });
  });

  it('counts a complex item’s 10 working days over the weekends', async () => {
    const { id } = await raise(cast.staff.actor, { assignedUnitId: cast.unit.orgId, complexity: 'complex' });
    const row = await ctx.db.selectFrom('problems').select('due_on').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.due_on).toBe('2021-06-03');
  });

  it('keeps to the deadline rule the administrator configured', async () => {
    const rule: DeadlineRule = { ...RULE_13710, id: 'fast', version: 2, steps: RULE_13710.steps.slice(0, 2) };
    await ctx.db
      .insertInto('dispatch_config')
      .values({ key: 'deadline_rule', value: JSON.stringify(rule) })
      .execute();
    try {
      const { id } = await raise(cast.staff.actor, { assignedUnitId: cast.unit.orgId });
      const row = await ctx.db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.deadline_rule).toEqual(rule);
      expect(row.due_on).toBe('2021-05-24'); // the 3-day step, Sunday → Monday
    } finally {
      await ctx.db.deleteFrom('dispatch_config').where('key', '=', 'deadline_rule').execute();
    }
  });

  it('refuses a project outside the actor’s scope with 404', async () => {
    const error = await refused(() => raise(cast.siblingStaff.actor));
    expect(error.statusCode).toBe(404);
    expect((await refused(() => raise(cast.staff.actor, { projectId: cast.siblingProject }))).statusCode).toBe(404);
  });

  it('refuses a unit outside the district, an unknown unit, and assignment by an owner', async () => {
    const outside = await refused(() => raise(cast.staff.actor, { assignedUnitId: cast.siblingUnit.orgId }));
    expect(outside.fields).toEqual({ assignedUnitId: 'problem.unitOutOfScope' });
    const notUnit = await refused(() => raise(cast.staff.actor, { assignedUnitId: 999_999 }));
    expect(notUnit.fields).toEqual({ assignedUnitId: 'problem.unitUnknown' });
    const byOwner = await refused(() => raise(cast.owner.actor, { assignedUnitId: cast.unit.orgId }));
    expect(byOwner.fields).toEqual({ assignedUnitId: 'problem.assignStaffOnly' });
  });

  it('refuses a responsible unit raising a problem (403)', async () => {
    const error = await refused(() => raise(cast.unit.actor));
    expect(error.statusCode).toBe(403);
  });

  it('takes a meeting decision or an inspection as origin only when it exists in scope', async () => {
    const meeting = await ctx.db
      .insertInto('meetings')
      .values({ kind: 'weekly_dispatch', region_code: '230602', held_on: '2021-05-18', title: '周调度会' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const siblingMeeting = await ctx.db
      .insertInto('meetings')
      .values({ kind: 'weekly_dispatch', region_code: '230603', held_on: '2021-05-18', title: '周调度会' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inspection = await ctx.db
      .insertInto('inspections')
      .values({
        project_id: cast.project,
        inspected_on: '2021-05-19',
        mode: 'onsite',
        inspectors: '张三',
        findings: '围挡缺失',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fromMeeting = await raise(cast.staff.actor, { origin: { kind: 'meeting_decision', meetingId: meeting.id } });
    const fromInspection = await raise(cast.staff.actor, {
      origin: { kind: 'inspection', inspectionId: inspection.id },
    });
    const rows = await ctx.db
      .selectFrom('problems')
      .select(['id', 'source', 'meeting_id', 'inspection_id'])
      .where('id', 'in', [fromMeeting.id, fromInspection.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: fromMeeting.id, source: 'meeting_decision', meeting_id: meeting.id, inspection_id: null },
      { id: fromInspection.id, source: 'inspection', meeting_id: null, inspection_id: inspection.id },
    ]);
    const sibling = await refused(() =>
      raise(cast.staff.actor, { origin: { kind: 'meeting_decision', meetingId: siblingMeeting.id } }),
    );
    expect(sibling.fields).toEqual({ meetingId: 'problem.meetingUnknown' });
    const otherProject = await refused(() =>
      raise(cast.cityAdmin.actor, {
        projectId: cast.siblingProject,
        origin: { kind: 'inspection', inspectionId: inspection.id },
      }),
    );
    expect(otherProject.fields).toEqual({ inspectionId: 'problem.inspectionUnknown' });
  });
});
