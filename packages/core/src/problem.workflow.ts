/**
 * The problem list's workflow (问题清单): the states of a problem, the actions that move it, who may take each
 * from which states, and the extra conditions (the assigned unit only, a reason to return or reopen, a grade to
 * verify, the resolver never verifying). One table and one pure `nextState`; the server runs it inside a
 * conditional update on the expected state, so that of two racing transitions exactly one wins.
 */
import type { Codelist } from './codelists.ts';
import type { MessageKey } from './messages.ts';
import type { Role } from './roles.ts';

export const PROBLEM_STATES = ['open', 'accepted', 'in_progress', 'resolved', 'verified_closed', 'returned'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
export const PROBLEM_STATE_LABELS: Codelist<ProblemState> = {
  open: { zh: '待受理', en: 'Open' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结待验收', en: 'Resolved, awaiting verification' },
  verified_closed: { zh: '已验收销号', en: 'Verified and closed' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** States in which a problem still counts as open work (on the lists, the clocks and the warnings). */
export const OPEN_PROBLEM_STATES: readonly ProblemState[] = ['open', 'accepted', 'in_progress', 'resolved', 'returned'];

export const PROBLEM_CATEGORIES = [
  'land',
  'planning_permits',
  'funding',
  'utilities',
  'demolition',
  'environment',
  'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CATEGORY_LABELS: Codelist<ProblemCategory> = {
  land: { zh: '用地', en: 'Land' },
  planning_permits: { zh: '规划审批', en: 'Planning and permits' },
  funding: { zh: '资金', en: 'Funding' },
  utilities: { zh: '水电气', en: 'Power, water and gas' },
  demolition: { zh: '征地拆迁', en: 'Demolition and relocation' },
  environment: { zh: '环境', en: 'Environment' },
  other: { zh: '其他', en: 'Other' },
};

/** The grades the assigning office gives a closure. */
export const PROBLEM_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type ProblemGrade = (typeof PROBLEM_GRADES)[number];
export const PROBLEM_GRADE_LABELS: Codelist<ProblemGrade> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

export const PROBLEM_ACTIONS = [
  'raise',
  'assign',
  'accept',
  'return',
  'progress',
  'resolve',
  'verify',
  'reject',
  'reopen',
] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];
export const PROBLEM_ACTION_LABELS: Codelist<ProblemAction> = {
  raise: { zh: '提出问题', en: 'Raise' },
  assign: { zh: '交办', en: 'Assign' },
  accept: { zh: '受理', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  progress: { zh: '报告进展', en: 'Report progress' },
  resolve: { zh: '办结并申请销号', en: 'Resolve and apply to close' },
  verify: { zh: '验收销号', en: 'Verify and close' },
  reject: { zh: '验收不通过', en: 'Reject the resolution' },
  reopen: { zh: '重新打开', en: 'Reopen' },
};

/** DRC staff: they assign, verify, reject and reopen. */
const STAFF: readonly Role[] = ['city_admin', 'district_staff'];

/** What else an action needs besides the role and the state. */
type Requirement = 'assignedUnit' | 'unitToAssign' | 'reason' | 'grade' | 'notResolver';

interface Transition {
  /** States the action may be taken from; null is "no problem yet" (raising one). */
  from: readonly (ProblemState | null)[];
  to: ProblemState;
  roles: readonly Role[];
  requires: readonly Requirement[];
}

/**
 * The workflow as one table. Owners, service officers and DRC staff raise; staff assign (again after a return);
 * the assigned responsible unit accepts or returns (not its remit, with a reason), reports progress and resolves;
 * staff verify with a grade, or reject the resolution with a reason (back to in progress), or reopen a closed
 * problem with a reason.
 */
export const PROBLEM_TRANSITIONS: Readonly<Record<ProblemAction, Transition>> = {
  raise: { from: [null], to: 'open', roles: ['owner', 'service_officer', ...STAFF], requires: [] },
  assign: { from: ['open', 'returned'], to: 'open', roles: STAFF, requires: ['unitToAssign'] },
  accept: { from: ['open'], to: 'accepted', roles: ['responsible_unit'], requires: ['assignedUnit'] },
  return: {
    from: ['open', 'accepted'],
    to: 'returned',
    roles: ['responsible_unit'],
    requires: ['assignedUnit', 'reason'],
  },
  progress: {
    from: ['accepted', 'in_progress'],
    to: 'in_progress',
    roles: ['responsible_unit'],
    requires: ['assignedUnit'],
  },
  resolve: {
    from: ['accepted', 'in_progress'],
    to: 'resolved',
    roles: ['responsible_unit'],
    requires: ['assignedUnit'],
  },
  verify: { from: ['resolved'], to: 'verified_closed', roles: STAFF, requires: ['grade', 'notResolver'] },
  reject: { from: ['resolved'], to: 'in_progress', roles: STAFF, requires: ['reason'] },
  reopen: { from: ['verified_closed'], to: 'in_progress', roles: STAFF, requires: ['reason'] },
};

/** The facts a transition is judged on besides state and role: who acts, the assignment, the resolver, the input. */
export interface ProblemTransitionContext {
  actorUserId: number;
  actorOrganizationId: number | null;
  /** The responsible unit (organisation) the problem is assigned to now, if any. */
  assignedUnitId: number | null;
  /** For `assign`: the unit to assign to, and whether it lies in the actor's scope (the server checks that). */
  unitToAssign?: { id: number; inScope: boolean } | null;
  /** Who resolved the problem (user and unit), for the rule that the resolver does not verify. */
  resolvedByUserId?: number | null;
  resolvedByOrganizationId?: number | null;
  reason?: string | null;
  grade?: ProblemGrade | null;
}

/** The outcome of an attempted transition: the new state, or the message key saying why it is refused. */
export type ProblemTransitionResult = { ok: true; state: ProblemState } | { ok: false; reason: MessageKey };

/**
 * The state a problem moves to when `role` takes `action` in state `state` (null: before it exists), or the
 * reason it may not: checked in order role, state, then the action's own requirements.
 */
export function nextState(
  state: ProblemState | null,
  action: ProblemAction,
  role: Role,
  context: ProblemTransitionContext,
): ProblemTransitionResult {
  const transition = PROBLEM_TRANSITIONS[action];
  if (!transition.roles.includes(role)) return { ok: false, reason: 'problem.forbidden' };
  if (!transition.from.includes(state)) return { ok: false, reason: 'problem.state' };
  for (const requirement of transition.requires) {
    const refusal = unmet(requirement, context);
    if (refusal) return { ok: false, reason: refusal };
  }
  return { ok: true, state: transition.to };
}

function unmet(requirement: Requirement, context: ProblemTransitionContext): MessageKey | null {
  switch (requirement) {
    case 'assignedUnit':
      if (context.assignedUnitId === null) return 'problem.notAssigned';
      return context.actorOrganizationId === context.assignedUnitId ? null : 'problem.notAssignedUnit';
    case 'unitToAssign':
      if (!context.unitToAssign) return 'problem.unitRequired';
      return context.unitToAssign.inScope ? null : 'problem.unitOutOfScope';
    case 'reason':
      return context.reason && context.reason.trim().length > 0 ? null : 'problem.reasonRequired';
    case 'grade':
      return context.grade ? null : 'problem.gradeRequired';
    case 'notResolver': {
      const sameUser = context.resolvedByUserId != null && context.resolvedByUserId === context.actorUserId;
      const sameUnit =
        context.resolvedByOrganizationId != null && context.resolvedByOrganizationId === context.actorOrganizationId;
      return sameUser || sameUnit ? 'problem.selfVerify' : null;
    }
  }
}

/** The actions a role could take on a problem in a state (the buttons to show); requirements are checked on submit. */
export function availableProblemActions(state: ProblemState | null, role: Role): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((action) => {
    const transition = PROBLEM_TRANSITIONS[action];
    return transition.roles.includes(role) && transition.from.includes(state);
  });
}
