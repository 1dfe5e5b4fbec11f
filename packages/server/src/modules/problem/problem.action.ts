/**
 * Acting on a problem (POST /problems/:id/actions): core's nextState decides whether the viewer's role may take the
 * action in the problem's state with what it brought (a unit, a reason, a grade); the change is written by a
 * conditional update on the version and state it was read in, so of two racing transitions exactly one wins and
 * the other gets 409. Each change writes a history line, an audit row and the notices, in one transaction.
 */
import {
  nextState,
  stepDueDates,
  type ProblemActionBody,
  type ProblemDetail,
  type ProblemState,
  type ProblemTransitionResult,
} from '@keyprojects/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { homeRegionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { notify, usersCoveringRegion, usersOfOrganization } from '../notification/notification.repository.ts';
import { assigneeNote } from './problem.create.ts';
import { ruleOf } from './problem.presenter.ts';
import * as repo from './problem.repository.ts';
import { getProblem, type ProblemDeps } from './problem.service.ts';

/** The field a refusal is reported on. */
const REFUSAL_FIELD: Partial<Record<string, string>> = {
  'problem.unitRequired': 'unitId',
  'problem.unitOutOfScope': 'unitId',
  'problem.reasonRequired': 'reason',
  'problem.gradeRequired': 'grade',
};

function refuse(result: ProblemTransitionResult): asserts result is { ok: true; state: ProblemState } {
  if (result.ok) return;
  const field = REFUSAL_FIELD[result.reason];
  if (field) throw errors.invalidField(field, result.reason);
  if (result.reason === 'problem.state' || result.reason === 'problem.notAssigned')
    throw errors.conflict(result.reason);
  throw errors.forbidden(result.reason);
}

type Row = repo.ProblemDetailRow;

/** The steps of the problem's clock that apply to it, in order. */
function clockSteps(row: Row): string[] {
  return ruleOf(row.deadlineRule)
    .steps.filter((step) => step.appliesTo.includes(row.complexity))
    .map((step) => step.key);
}

/** The steps_done after a progress report: the named step, else the first not done; never the result step. */
function progressSteps(row: Row, step: string | null | undefined, today: string): Record<string, string> {
  const steps = clockSteps(row);
  const last = steps[steps.length - 1];
  const target = step ?? steps.find((key) => !row.stepsDone[key]);
  if (step && !steps.includes(step)) throw errors.invalidField('step', 'problem.stepUnknown');
  // The result step is reported by resolving; a progress report once only the result is left just adds a note.
  if (target === undefined || target === last || row.stepsDone[target]) return row.stepsDone;
  return { ...row.stepsDone, [target]: today };
}

/** Every step of the clock done (resolving reports the result and so whatever was still unreported). */
function allStepsDone(row: Row, today: string): Record<string, string> {
  return Object.fromEntries(clockSteps(row).map((key) => [key, row.stepsDone[key] ?? today]));
}

/** The clock with its result step undone again (a rejected resolution, a reopened problem). */
function resultUndone(row: Row): Record<string, string> {
  const steps = clockSteps(row);
  const last = steps[steps.length - 1];
  return Object.fromEntries(Object.entries(row.stepsDone).filter(([key]) => key !== last));
}

/** POST /problems/:id/actions: the detail after the action. */
export async function actOnProblem(
  deps: ProblemDeps,
  actor: Actor,
  id: number,
  body: ProblemActionBody,
): Promise<ProblemDetail> {
  requirePermission(actor, 'problem.work');
  const today = deps.clock.today();
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findProblem(trx, actor, id);
    if (!row) throw errors.notFound();
    const unit = body.action === 'assign' && body.unitId ? await repo.responsibleUnit(trx, body.unitId) : undefined;
    if (body.action === 'assign' && body.unitId && !unit) throw errors.invalidField('unitId', 'problem.unitUnknown');
    const result = nextState(row.state, body.action, actor.role, {
      actorUserId: actor.id,
      actorOrganizationId: actor.organizationId,
      assignedUnitId: row.unitId,
      unitToAssign: unit ? { id: unit.id, inScope: homeRegionInScope(actor, unit.regionCode) } : null,
      resolvedByUserId: row.resolvedBy,
      resolvedByOrganizationId: row.resolvedByOrg,
      reason: body.reason ?? null,
      grade: body.grade ?? null,
    });
    refuse(result);
    const changes = await changesOf(trx, row, body, actor, today, unit, result.state);
    if (!(await repo.updateProblemIf(trx, id, { version: row.version, state: row.state }, changes)))
      throw errors.conflict('problem.state');
    const note =
      body.action === 'assign' && unit
        ? assigneeNote(unit.name, { assigneeName: changes.assignee_name ?? null })
        : (body.reason ?? body.note ?? null);
    await repo.insertProblemEvents(trx, [
      {
        problemId: id,
        action: body.action,
        fromState: row.state,
        toState: result.state,
        onDate: today,
        actorId: actor.id,
        note,
      },
    ]);
    await recordAudit(trx, actor, {
      entityType: 'problem',
      entityId: id,
      action: body.action,
      regionCode: row.regionCode,
      before: { state: row.state, unitId: row.unitId, version: row.version },
      after: { state: result.state, ...changes, deadline_rule: undefined, note },
    });
    await tell(trx, row, body.action, unit?.id ?? row.unitId, today, actor);
  });
  return getProblem(deps, actor, id);
}

/** The columns an action changes (besides state, version and updated_at). */
async function changesOf(
  trx: Transaction<DB>,
  row: Row,
  body: ProblemActionBody,
  actor: Actor,
  today: string,
  unit: { id: number } | undefined,
  to: ProblemState,
): Promise<repo.ProblemChanges> {
  switch (body.action) {
    case 'assign': {
      if (!unit) throw errors.invalidField('unitId', 'problem.unitRequired');
      const complexity = body.complexity ?? row.complexity;
      const agreed = body.agreedFinalDueOn ?? null;
      if (agreed !== null && complexity !== 'complex')
        throw errors.invalidField('agreedFinalDueOn', 'problem.agreedOnlyComplex');
      if (agreed !== null && agreed < today) throw errors.invalidField('agreedFinalDueOn', 'problem.agreedTooEarly');
      const { rule, calendar } = await rulesInForce(trx);
      const dues = stepDueDates(rule, calendar, today, complexity, agreed);
      return {
        state: to,
        complexity,
        assigned_unit_id: unit.id,
        assignee_name: body.assigneeName?.trim() || null,
        assigned_on: today,
        assigned_by: actor.id,
        deadline_rule: JSON.stringify(rule),
        agreed_final_due_on: agreed,
        due_on: dues[dues.length - 1]?.dueOn ?? null,
        steps_done: '{}',
        escalation_level: 0,
      };
    }
    case 'accept':
      // Accepting is the unit's first report (how it was assigned): the clock's first step.
      return { state: to, steps_done: JSON.stringify(progressSteps(row, null, today)) };
    case 'progress':
      return { state: to, steps_done: JSON.stringify(progressSteps(row, body.step, today)) };
    case 'resolve':
      return {
        state: to,
        steps_done: JSON.stringify(allStepsDone(row, today)),
        resolved_on: today,
        resolved_by: actor.id,
        resolved_by_org: actor.organizationId,
      };
    case 'verify':
      return { state: to, grade: body.grade ?? null, verified_on: today, verified_by: actor.id };
    case 'return':
      return { state: to, last_reason: (body.reason ?? '').trim() };
    case 'reject':
    case 'reopen':
      return {
        state: to,
        last_reason: (body.reason ?? '').trim(),
        steps_done: JSON.stringify(resultUndone(row)),
        resolved_on: null,
        resolved_by: null,
        resolved_by_org: null,
        verified_on: null,
        verified_by: null,
        grade: null,
      };
  }
}

/** The notices of an action: the unit on assignment, rejection or reopening; staff on resolution or return; the raiser on closure or return. */
async function tell(
  trx: Transaction<DB>,
  row: Row,
  action: ProblemActionBody['action'],
  unitId: number | null,
  today: string,
  actor: Actor,
): Promise<void> {
  const staff = () => usersCoveringRegion(trx, row.regionCode, ['city_admin', 'district_staff']);
  const unitPeople = () => (unitId === null ? Promise.resolve([]) : usersOfOrganization(trx, unitId));
  const raiser = row.raisedBy === null ? [] : [row.raisedBy];
  const recipients: Partial<Record<typeof action, () => Promise<number[]>>> = {
    assign: unitPeople,
    reject: unitPeople,
    reopen: unitPeople,
    resolve: staff,
    return: async () => [...(await staff()), ...raiser],
    verify: async () => raiser,
  };
  const who = recipients[action];
  if (!who) return;
  const titles: Record<string, string> = {
    assign: '新交办问题',
    reject: '问题办理结果未通过验收',
    reopen: '问题已重新打开',
    resolve: '问题已办结，待验收销号',
    return: '问题被责任单位退回，待重新交办',
    verify: '问题已验收销号',
  };
  await notify(
    trx,
    (await who()).filter((userId) => userId !== actor.id),
    {
      kind: `problem_${action}`,
      title: titles[action] ?? action,
      body: `${row.projectName}：${row.title}`,
      link: `/problems/${row.id}`,
      entityType: 'problem',
      entityId: row.id,
      createdOn: today,
    },
  );
}
