/**
 * Raising a problem (提出问题), and with a unit given, assigning it in the same step (交办): the one entry the problem
 * list's API, the meetings' decisions and the inspections' rectifications all go through, inside the caller's
 * transaction, so that a decision and its problem exist together or not at all. Every check comes before the first
 * write, so a refused call writes nothing.
 */
import type { Transaction } from 'kysely';
import {
  nextState,
  stepDueDates,
  type ProblemCategory,
  type ProblemComplexity,
  type ProblemTransitionResult,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { homeRegionInScope, regionInScope } from '../../db/scope.ts';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { notify, usersCoveringRegion, usersOfOrganization } from '../notification/notification.repository.ts';
import * as repo from './problem.repository.ts';

export type ProblemOrigin =
  { kind: 'raised' } | { kind: 'meeting_decision'; meetingId: number } | { kind: 'inspection'; inspectionId: number };

export interface NewProblem {
  projectId: number;
  title: string;
  category: ProblemCategory;
  description: string;
  complexity?: ProblemComplexity; // default 'ordinary'
  assignedUnitId?: number | null; // staff only: raise and assign in one step (two events)
  assigneeName?: string | null; // the person in the unit
  agreedFinalDueOn?: string | null; // agreed node replacing the last step's due date (complex items)
  origin?: ProblemOrigin; // default raised
}

/** Throws the refusal of a workflow step: 403 for the role, 409 for the state, else 400 on the field concerned. */
function refuse(result: ProblemTransitionResult, field: string): void {
  if (result.ok) return;
  if (result.reason === 'problem.forbidden') throw errors.forbidden(result.reason);
  if (result.reason === 'problem.state') throw errors.conflict(result.reason);
  throw errors.invalidField(field, result.reason);
}

/** The meeting or inspection the problem comes from must exist and lie in the actor's scope (400 otherwise). */
async function checkOrigin(trx: Transaction<DB>, actor: Actor, origin: ProblemOrigin, projectId: number) {
  switch (origin.kind) {
    case 'raised':
      return { source: 'raised' as const, meetingId: null, inspectionId: null };
    case 'meeting_decision': {
      const region = await repo.meetingRegion(trx, origin.meetingId);
      if (region === undefined || !regionInScope(actor, region))
        throw errors.invalidField('meetingId', 'problem.meetingUnknown');
      return { source: 'meeting_decision' as const, meetingId: origin.meetingId, inspectionId: null };
    }
    case 'inspection':
      if (!(await repo.inspectionOfProjectInScope(trx, actor, origin.inspectionId, projectId)))
        throw errors.invalidField('inspectionId', 'problem.inspectionUnknown');
      return { source: 'inspection' as const, meetingId: null, inspectionId: origin.inspectionId };
  }
}

/** Raises (and, when a unit is given, assigns) a problem in the caller's transaction; audited, notified. */
export async function createProblem(
  trx: Transaction<DB>,
  deps: Pick<AppDeps, 'clock'>,
  actor: Actor,
  input: NewProblem,
): Promise<{ id: number }> {
  requirePermission(actor, 'problem.work');
  const today = deps.clock.today();
  const title = input.title.trim();
  if (title === '') throw errors.invalidField('title', 'problem.titleRequired');
  const complexity = input.complexity ?? 'ordinary';
  const project = await repo.projectInScope(trx, actor, input.projectId);
  if (!project) throw errors.notFound();
  const context = { actorUserId: actor.id, actorOrganizationId: actor.organizationId, assignedUnitId: null };
  refuse(nextState(null, 'raise', actor.role, context), 'projectId');
  const origin = await checkOrigin(trx, actor, input.origin ?? { kind: 'raised' }, project.id);

  const unitId = input.assignedUnitId ?? null;
  let assignment: repo.NewProblemRow['assignment'] = null;
  let unitName: string | null = null;
  if (unitId !== null) {
    const unit = await repo.responsibleUnit(trx, unitId);
    if (!unit) throw errors.invalidField('assignedUnitId', 'problem.unitUnknown');
    const assign = nextState('open', 'assign', actor.role, {
      ...context,
      unitToAssign: { id: unit.id, inScope: homeRegionInScope(actor, unit.regionCode) },
    });
    if (!assign.ok && assign.reason === 'problem.forbidden')
      throw errors.invalidField('assignedUnitId', 'problem.assignStaffOnly');
    refuse(assign, 'assignedUnitId');
    const agreed = input.agreedFinalDueOn ?? null;
    if (agreed !== null && complexity !== 'complex')
      throw errors.invalidField('agreedFinalDueOn', 'problem.agreedOnlyComplex');
    if (agreed !== null && agreed < today) throw errors.invalidField('agreedFinalDueOn', 'problem.agreedTooEarly');
    const { rule, calendar } = await rulesInForce(trx);
    const dues = stepDueDates(rule, calendar, today, complexity, agreed);
    const last = dues[dues.length - 1];
    if (!last) throw new Error(`deadline rule ${rule.id} has no step for ${complexity} items`);
    unitName = unit.name;
    assignment = {
      unitId: unit.id,
      assigneeName: input.assigneeName?.trim() || null,
      assignedOn: today,
      assignedBy: actor.id,
      deadlineRule: rule,
      agreedFinalDueOn: agreed,
      dueOn: last.dueOn,
    };
  } else if (input.agreedFinalDueOn) {
    throw errors.invalidField('agreedFinalDueOn', 'problem.unitRequired');
  }

  const id = await repo.insertProblem(trx, {
    projectId: project.id,
    regionCode: project.regionCode,
    ...origin,
    title,
    category: input.category,
    description: input.description.trim(),
    complexity,
    raisedOn: today,
    raisedBy: actor.id,
    assignment,
  });
  const event = { problemId: id, fromState: null, toState: 'open' as const, onDate: today, actorId: actor.id };
  await repo.insertProblemEvents(trx, [
    { ...event, action: 'raise', note: null },
    ...(assignment
      ? [{ ...event, action: 'assign', fromState: 'open' as const, note: assigneeNote(unitName, assignment) }]
      : []),
  ]);
  await recordAudit(trx, actor, {
    entityType: 'problem',
    entityId: id,
    action: 'create',
    regionCode: project.regionCode,
    after: {
      projectId: project.id,
      source: origin.source,
      meetingId: origin.meetingId,
      inspectionId: origin.inspectionId,
      title,
      category: input.category,
      complexity,
      state: 'open',
      assignedUnitId: assignment?.unitId ?? null,
      assigneeName: assignment?.assigneeName ?? null,
      dueOn: assignment?.dueOn ?? null,
    },
  });
  const notice = {
    body: `${project.name}：${title}`,
    link: `/problems/${id}`,
    entityType: 'problem',
    entityId: id,
    createdOn: today,
  };
  if (assignment) {
    await notify(trx, await usersOfOrganization(trx, assignment.unitId), {
      ...notice,
      kind: 'problem_assigned',
      title: `新交办问题（${assignment.dueOn} 前办结）`,
    });
  } else {
    // Nobody works an unassigned problem: the staff of the project's region are told so that they assign it.
    const staff = await usersCoveringRegion(trx, project.regionCode, ['city_admin', 'district_staff']);
    await notify(
      trx,
      staff.filter((userId) => userId !== actor.id),
      { ...notice, kind: 'problem_raised', title: '新提出的问题待交办' },
    );
  }
  return { id };
}

/** The history line of an assignment: the unit and, when named, the person in it. */
export function assigneeNote(unitName: string | null, assignment: { assigneeName: string | null }): string | null {
  if (unitName === null) return null;
  return assignment.assigneeName ? `${unitName}（${assignment.assigneeName}）` : unitName;
}
