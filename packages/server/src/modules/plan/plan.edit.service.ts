/**
 * Changing milestone plans: generating the draft backwards from a target date (倒排工期; a re-plan when an approved
 * version exists, which needs its reason), saving the edited draft (If-Match on its row version: of two racing saves
 * one wins, the other gets 412), approving it (the previous approved version superseded; the first approved stays
 * the baseline for good), and recording a node's actual dates on the current plan. Each change is audited on the
 * project in its transaction; bad input is refused with field messages before anything is written.
 */
import type { Transaction } from 'kysely';
import {
  earliestTarget,
  generateBackwards,
  type PlanDraftBody,
  type PlanGenerateBody,
  type PlanNodeProgressBody,
  type ProjectPlanOutput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors, type FieldMessage } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { repointEvidence } from './plan-evidence.repository.ts';
import * as repo from './plan.repository.ts';
import { projectPlanView, splitVersions, templatePosition, type PlanDeps, type PlanProject } from './plan.service.ts';

type Trx = Transaction<DB>;

/** The project locked for the change, or 404 when the actor may not see it. */
async function lockedProject(trx: Trx, actor: Actor, projectId: number): Promise<PlanProject> {
  const project = await repo.findPlanProject(trx, actor, projectId, true);
  if (!project) throw errors.notFound();
  return project;
}

/** What an audit row keeps of a plan version: its identity, target, reason and node dates. */
function planSnapshot(
  plan: { version: number; status: string; targetDate: string; reason: string | null },
  nodes: readonly Pick<repo.NodeRow, 'key' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'status'>[],
) {
  const { version, status, targetDate, reason } = plan;
  const dates = nodes.map((n) => [n.key, n.plannedStart, n.plannedEnd, n.actualStart, n.actualEnd, n.status]);
  return { plan: { version, status, targetDate, reason, nodes: dates } };
}

type Actuals = Pick<repo.NodeRow, 'actualStart' | 'actualEnd' | 'status'>;
const NO_ACTUALS: Actuals = { actualStart: null, actualEnd: null, status: 'pending' };

/** The actual dates and status of nodes that have any, by key (carried into a new or edited draft). */
function actualsByKey(nodes: readonly repo.PlanNodeRow[]): Map<string, Actuals> {
  return new Map(
    nodes
      .filter((n) => n.actualStart !== null || n.actualEnd !== null || n.status !== 'pending')
      .map((n) => [n.key, { actualStart: n.actualStart, actualEnd: n.actualEnd, status: n.status }]),
  );
}

/**
 * POST /projects/:id/plan/generate: the draft (new, or the existing one replaced) laid out backwards from the target
 * date over the template's steps still ahead of the project; nodes already under way or done in the current plan keep
 * their actual dates and responsible unit by key.
 */
export async function generatePlan(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  body: PlanGenerateBody,
): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.edit');
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const project = await lockedProject(trx, actor, projectId);
    const { definition, position } = templatePosition(project);
    const nodes = generateBackwards(definition, position, body.targetDate, body.untilStage);
    if ('error' in nodes) throw errors.invalidField('untilStage', nodes.error, { value: body.untilStage ?? '' });
    const earliest = earliestTarget(definition, position, today, body.untilStage);
    if (earliest === null || nodes.length === 0) throw errors.invalidField('untilStage', 'plan.nothingToPlan');
    if (body.targetDate < earliest) throw errors.invalidField('targetDate', 'plan.targetTooEarly', { earliest });
    const { current, draft } = splitVersions(await repo.planVersions(trx, projectId));
    const reason = body.reason?.trim() || null;
    if (current && reason === null) throw errors.invalidField('reason', 'plan.reasonRequired');

    const currentNodes = current ? await repo.planNodes(trx, [current.id]) : [];
    const carried = actualsByKey(currentNodes);
    const unitOf = new Map(currentNodes.map((n) => [n.key, n]));
    const rows: repo.NodeRow[] = nodes.map((node) => ({
      key: node.key,
      name: node.name,
      stageCode: node.stageCode,
      stepCode: node.stepCode,
      plannedStart: node.plannedStart,
      plannedEnd: node.plannedEnd,
      ...(carried.get(node.key) ?? NO_ACTUALS),
      responsibleOrgId: unitOf.get(node.key)?.responsibleOrgId ?? null,
      responsiblePerson: unitOf.get(node.key)?.responsiblePerson ?? null,
      note: null,
    }));
    const header = { targetDate: body.targetDate, reason };
    let version: number;
    if (draft) {
      await repo.rewriteDraft(trx, draft.id, null, header);
      await repo.replaceNodes(trx, draft.id, rows);
      version = draft.version;
    } else {
      const versions = await repo.planVersions(trx, projectId);
      version = Math.max(0, ...versions.map((v) => v.version)) + 1;
      const id = await repo.insertDraft(trx, { projectId, version, ...header, createdBy: actor.id });
      await repo.replaceNodes(trx, id, rows);
    }
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: projectId,
      action: draft ? 'update' : 'create',
      regionCode: project.regionCode,
      after: planSnapshot({ version, status: 'draft', ...header }, rows),
    });
    return projectPlanView(trx, project, today);
  });
}

/** The field messages of a draft's nodes that fail the rules the schema cannot see, checked before any write. */
async function draftProblems(trx: Trx, body: PlanDraftBody): Promise<Record<string, FieldMessage>> {
  const fields: Record<string, FieldMessage> = {};
  const seen = new Set<string>();
  body.nodes.forEach((node, index) => {
    if (node.plannedEnd < node.plannedStart) fields[`nodes.${index}.plannedEnd`] = 'plan.endBeforeStart';
    if (seen.has(node.key))
      fields[`nodes.${index}.key`] = { key: 'plan.nodeKeyDuplicate', params: { value: node.key } };
    seen.add(node.key);
  });
  const orgIds = [...new Set(body.nodes.map((n) => n.responsibleOrgId).filter((id) => id != null))];
  const unknown = new Set(await repo.unknownOrganizations(trx, orgIds));
  body.nodes.forEach((node, index) => {
    if (node.responsibleOrgId != null && unknown.has(node.responsibleOrgId))
      fields[`nodes.${index}.responsibleOrgId`] = 'plan.orgUnknown';
  });
  return fields;
}

/** PUT /projects/:id/plan/draft: the draft's nodes replaced whole if it is still at `rowVersion` (412 otherwise). */
export async function saveDraft(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  rowVersion: number,
  body: PlanDraftBody,
): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.edit');
  return deps.db.transaction().execute(async (trx) => {
    const project = await repo.findPlanProject(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const fields = await draftProblems(trx, body);
    if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
    const { draft } = splitVersions(await repo.planVersions(trx, projectId));
    if (!draft) throw errors.conflict('plan.noDraft');
    const reason = body.reason === undefined ? draft.reason : body.reason?.trim() || null;
    // The conditional rewrite decides a race: the second save waits for the first's row lock, then matches nothing.
    const saved = await repo.rewriteDraft(trx, draft.id, rowVersion, { targetDate: body.targetDate, reason });
    if (saved === undefined) throw errors.versionConflict();
    const before = await repo.planNodes(trx, [draft.id]);
    const kept = actualsByKey(before);
    const rows: repo.NodeRow[] = body.nodes.map((node) => ({
      key: node.key,
      name: node.name,
      stageCode: node.stageCode ?? null,
      stepCode: node.stepCode ?? null,
      plannedStart: node.plannedStart,
      plannedEnd: node.plannedEnd,
      ...(kept.get(node.key) ?? NO_ACTUALS),
      responsibleOrgId: node.responsibleOrgId ?? null,
      responsiblePerson: node.responsiblePerson?.trim() || null,
      note: node.note?.trim() || null,
    }));
    await repo.replaceNodes(trx, draft.id, rows);
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: projectId,
      action: 'update',
      regionCode: project.regionCode,
      before: planSnapshot(draft, before),
      after: planSnapshot({ ...draft, targetDate: body.targetDate, reason }, rows),
    });
    return projectPlanView(trx, project, deps.clock.today());
  });
}

/**
 * POST /projects/:id/plan/approve: the draft at `rowVersion` becomes the approved plan and the previous approved one
 * superseded; a re-plan needs its reason. The first approved version stays the baseline.
 */
export async function approvePlan(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  rowVersion: number,
): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.approve');
  return deps.db.transaction().execute(async (trx) => {
    const project = await lockedProject(trx, actor, projectId);
    const { current, draft } = splitVersions(await repo.planVersions(trx, projectId));
    if (!draft) throw errors.conflict('plan.noDraft');
    if (draft.rowVersion !== rowVersion) throw errors.versionConflict();
    if (current && draft.reason === null) throw errors.invalidField('reason', 'plan.reasonRequired');
    await repo.supersedeApproved(trx, projectId);
    if (!(await repo.approveDraft(trx, draft.id, rowVersion, actor.id, new Date()))) throw errors.versionConflict();
    // Evidence follows its node (by key) into the approved version; a dropped node's stays on the superseded one.
    if (current) await repointEvidence(trx, current.id, draft.id);
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: projectId,
      action: 'approve',
      regionCode: project.regionCode,
      before: current
        ? { plan: { version: current.version, status: 'approved', targetDate: current.targetDate } }
        : null,
      after: {
        plan: { version: draft.version, status: 'approved', targetDate: draft.targetDate, reason: draft.reason },
      },
    });
    return projectPlanView(trx, project, deps.clock.today());
  });
}

/** Field messages for a node's progress as of the application's date. */
function progressProblems(body: PlanNodeProgressBody, today: string): Record<string, FieldMessage> {
  const fields: Record<string, FieldMessage> = {};
  const future = { key: 'plan.actualFuture', params: { today } } as const;
  if (body.actualStart && body.actualStart > today) fields.actualStart = future;
  if (body.status === 'done' && !body.actualEnd) fields.actualEnd = 'plan.actualEndRequired';
  else if (body.status !== 'done' && body.actualEnd) fields.actualEnd = 'plan.actualEndNotDone';
  else if (body.actualEnd && body.actualEnd > today) fields.actualEnd = future;
  else if (body.actualEnd && body.actualStart && body.actualEnd < body.actualStart)
    fields.actualEnd = 'plan.actualEndBeforeStart';
  return fields;
}

/**
 * PUT /projects/:id/plan/nodes/:key/progress: a node's actual dates and status on the current plan (and on the
 * draft's node of the same key, so a re-plan under way does not lose them); nothing dated after the application's date.
 */
export async function recordNodeProgress(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  key: string,
  body: PlanNodeProgressBody,
): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.edit');
  const today = deps.clock.today();
  const fields = progressProblems(body, today);
  if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
  return deps.db.transaction().execute(async (trx) => {
    const project = await lockedProject(trx, actor, projectId);
    const { current, draft } = splitVersions(await repo.planVersions(trx, projectId));
    if (!current) throw errors.conflict('plan.noCurrent');
    const before = (await repo.planNodes(trx, [current.id])).find((n) => n.key === key);
    if (!before) throw errors.notFound();
    const progress = {
      status: body.status,
      actualStart: body.actualStart ?? null,
      actualEnd: body.actualEnd ?? null,
      ...(body.note === undefined ? {} : { note: body.note?.trim() || null }),
    };
    await repo.writeNodeProgress(trx, current.id, key, progress);
    if (draft) await repo.writeNodeProgress(trx, draft.id, key, progress);
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: projectId,
      action: 'update',
      regionCode: project.regionCode,
      before: { planNode: { version: current.version, key, ...pickActuals(before) } },
      after: { planNode: { version: current.version, key, ...pickActuals(progress) } },
    });
    return projectPlanView(trx, project, today);
  });
}

const pickActuals = (n: Actuals) => ({ status: n.status, actualStart: n.actualStart, actualEnd: n.actualEnd });
