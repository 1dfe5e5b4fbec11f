import { describe, expect, it } from 'vitest';
import {
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_GRADE_LABELS,
  PROBLEM_STATES,
  PROBLEM_TRANSITIONS,
  availableProblemActions,
  nextState,
  type ProblemTransitionContext,
} from './problem.workflow.ts';
import { isMessageKey } from './messages.ts';

const UNIT = 30;
const OTHER_UNIT = 31;
const DRC = 10;

/** A staff member of the DRC (organisation 10, user 1). */
const staff: ProblemTransitionContext = { actorUserId: 1, actorOrganizationId: DRC, assignedUnitId: UNIT };
/** A user of the assigned responsible unit. */
const unit: ProblemTransitionContext = { actorUserId: 7, actorOrganizationId: UNIT, assignedUnitId: UNIT };

describe('the happy path', () => {
  it('runs raise → assign → accept → progress → resolve → verify', () => {
    expect(nextState(null, 'raise', 'owner', { ...staff, assignedUnitId: null })).toEqual({ ok: true, state: 'open' });
    expect(nextState(null, 'raise', 'service_officer', staff)).toEqual({ ok: true, state: 'open' });
    expect(
      nextState('open', 'assign', 'district_staff', { ...staff, unitToAssign: { id: UNIT, inScope: true } }),
    ).toEqual({
      ok: true,
      state: 'open',
    });
    expect(nextState('open', 'accept', 'responsible_unit', unit)).toEqual({ ok: true, state: 'accepted' });
    expect(nextState('accepted', 'progress', 'responsible_unit', unit)).toEqual({ ok: true, state: 'in_progress' });
    expect(nextState('in_progress', 'progress', 'responsible_unit', unit)).toEqual({ ok: true, state: 'in_progress' });
    expect(nextState('in_progress', 'resolve', 'responsible_unit', unit)).toEqual({ ok: true, state: 'resolved' });
    expect(
      nextState('resolved', 'verify', 'city_admin', {
        ...staff,
        grade: 'good',
        resolvedByUserId: 7,
        resolvedByOrganizationId: UNIT,
      }),
    ).toEqual({ ok: true, state: 'verified_closed' });
  });

  it('returns, reassigns, rejects a resolution and reopens with a reason', () => {
    expect(nextState('accepted', 'return', 'responsible_unit', { ...unit, reason: '不属于本单位职责' })).toEqual({
      ok: true,
      state: 'returned',
    });
    expect(
      nextState('returned', 'assign', 'city_admin', { ...staff, unitToAssign: { id: OTHER_UNIT, inScope: true } }),
    ).toEqual({
      ok: true,
      state: 'open',
    });
    expect(nextState('resolved', 'reject', 'district_staff', { ...staff, reason: '现场未整改到位' })).toEqual({
      ok: true,
      state: 'in_progress',
    });
    expect(nextState('verified_closed', 'reopen', 'city_admin', { ...staff, reason: '问题复发' })).toEqual({
      ok: true,
      state: 'in_progress',
    });
  });
});

describe('refusals', () => {
  it('refuses closing without resolving', () => {
    for (const state of ['open', 'accepted', 'in_progress', 'returned', 'verified_closed'] as const) {
      expect(nextState(state, 'verify', 'city_admin', { ...staff, grade: 'pass' }), state).toEqual({
        ok: false,
        reason: 'problem.state',
      });
    }
  });

  it('refuses verification by the unit or the person that resolved, and without a grade', () => {
    expect(nextState('resolved', 'verify', 'responsible_unit', { ...unit, grade: 'pass' })).toEqual({
      ok: false,
      reason: 'problem.forbidden',
    });
    // DRC staff who resolved it themselves (their own office was the responsible unit).
    expect(
      nextState('resolved', 'verify', 'district_staff', { ...staff, grade: 'pass', resolvedByOrganizationId: DRC }),
    ).toEqual({ ok: false, reason: 'problem.selfVerify' });
    expect(nextState('resolved', 'verify', 'district_staff', { ...staff, grade: 'pass', resolvedByUserId: 1 })).toEqual(
      {
        ok: false,
        reason: 'problem.selfVerify',
      },
    );
    expect(nextState('resolved', 'verify', 'district_staff', staff)).toEqual({
      ok: false,
      reason: 'problem.gradeRequired',
    });
  });

  it('refuses reopening, returning and rejecting without a reason (blank counts as none)', () => {
    expect(nextState('verified_closed', 'reopen', 'city_admin', staff)).toEqual({
      ok: false,
      reason: 'problem.reasonRequired',
    });
    expect(nextState('verified_closed', 'reopen', 'city_admin', { ...staff, reason: '  ' })).toEqual({
      ok: false,
      reason: 'problem.reasonRequired',
    });
    expect(nextState('open', 'return', 'responsible_unit', unit)).toEqual({
      ok: false,
      reason: 'problem.reasonRequired',
    });
    expect(nextState('resolved', 'reject', 'city_admin', staff)).toEqual({
      ok: false,
      reason: 'problem.reasonRequired',
    });
  });

  it('lets only the assigned unit work a problem, and only once it is assigned', () => {
    expect(nextState('open', 'accept', 'responsible_unit', { ...unit, actorOrganizationId: OTHER_UNIT })).toEqual({
      ok: false,
      reason: 'problem.notAssignedUnit',
    });
    expect(nextState('open', 'accept', 'responsible_unit', { ...unit, assignedUnitId: null })).toEqual({
      ok: false,
      reason: 'problem.notAssigned',
    });
    expect(nextState('open', 'accept', 'owner', unit)).toEqual({ ok: false, reason: 'problem.forbidden' });
  });

  it('refuses assigning without a unit or to a unit outside scope', () => {
    expect(nextState('open', 'assign', 'district_staff', staff)).toEqual({ ok: false, reason: 'problem.unitRequired' });
    expect(
      nextState('open', 'assign', 'district_staff', { ...staff, unitToAssign: { id: UNIT, inScope: false } }),
    ).toEqual({
      ok: false,
      reason: 'problem.unitOutOfScope',
    });
    expect(
      nextState('accepted', 'assign', 'district_staff', { ...staff, unitToAssign: { id: UNIT, inScope: true } }),
    ).toEqual({
      ok: false,
      reason: 'problem.state',
    });
  });

  it('lets leaders and administrators do nothing', () => {
    for (const role of ['leader', 'system_admin', 'security_admin', 'audit_admin'] as const) {
      expect(availableProblemActions(null, role)).toEqual([]);
      for (const state of PROBLEM_STATES) expect(availableProblemActions(state, role)).toEqual([]);
    }
  });
});

describe('the table', () => {
  it('reaches every state and refuses only with catalogue keys', () => {
    const reached = new Set(PROBLEM_ACTIONS.map((action) => PROBLEM_TRANSITIONS[action].to));
    expect([...reached].sort()).toEqual([...PROBLEM_STATES].sort());
    for (const key of [
      'problem.forbidden',
      'problem.state',
      'problem.notAssigned',
      'problem.notAssignedUnit',
      'problem.unitRequired',
      'problem.unitOutOfScope',
      'problem.selfVerify',
      'problem.reasonRequired',
      'problem.gradeRequired',
    ]) {
      expect(isMessageKey(key), key).toBe(true);
    }
  });

  it('offers each role its buttons', () => {
    expect(availableProblemActions('open', 'responsible_unit')).toEqual(['accept', 'return']);
    expect(availableProblemActions('resolved', 'district_staff')).toEqual(['verify', 'reject']);
    expect(availableProblemActions(null, 'owner')).toEqual(['raise']);
  });

  it('labels every category and grade in both languages', () => {
    expect(PROBLEM_CATEGORIES.map((category) => PROBLEM_CATEGORY_LABELS[category].zh)).toEqual([
      '用地',
      '规划审批',
      '资金',
      '水电气',
      '征地拆迁',
      '环境',
      '其他',
    ]);
    expect(Object.values(PROBLEM_GRADE_LABELS).map((label) => label.zh)).toEqual(['优秀', '良好', '合格', '不合格']);
  });
});
