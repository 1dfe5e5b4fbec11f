/**
 * The lifecycle side of the OC4IDS export and import: each project's current plan and transitions gathered for
 * the milestones (core oc4ids.milestones.ts maps them), and an imported project's milestones written as a draft
 * plan that the DRC approves later (an unchanged package writes nothing), with its seeded transitions claimed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely, Transaction } from 'kysely';
import {
  lifecycleDefinitionSchema,
  type LifecycleDefinition,
  type Oc4idsLifecycleSource,
  type Oc4idsMilestonePlan,
  type Oc4idsPlanNodeSource,
  type Oc4idsTransitionSource,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { ScopeActor } from '../../db/scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './oc4ids.lifecycle.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Template definitions by id; a definition that no longer parses counts as unknown (its names are not resolved). */
export async function templateDefinitions(db: Db): Promise<Map<number, LifecycleDefinition>> {
  const result = new Map<number, LifecycleDefinition>();
  for (const row of await repo.findTemplateDefinitions(db)) {
    const parsed = lifecycleDefinitionSchema.safeParse(row.definition);
    if (parsed.success) result.set(row.id, parsed.data);
  }
  return result;
}

type Lists = { nodes: Oc4idsPlanNodeSource[]; transitions: Oc4idsTransitionSource[] };

/** Each project's plan nodes and transitions, judged on `today`. */
export async function lifecycleSources(
  db: Db,
  actor: ScopeActor,
  projectIds: readonly number[],
  today: string,
): Promise<Map<number, Oc4idsLifecycleSource>> {
  const [definitions, templates, nodes, transitions] = await Promise.all([
    templateDefinitions(db),
    repo.findProjectTemplates(db, actor, projectIds),
    repo.findCurrentPlanNodes(db, projectIds),
    repo.findTransitions(db, projectIds),
  ]);
  const result = new Map<number, { today: string; definition: LifecycleDefinition | null } & Lists>();
  for (const { projectId, templateId } of templates) {
    const definition = templateId === null ? null : (definitions.get(templateId) ?? null);
    result.set(projectId, { today, definition, nodes: [], transitions: [] });
  }
  for (const { projectId, ...node } of nodes) result.get(projectId)?.nodes.push(node);
  for (const { projectId, templateId, ...transition } of transitions)
    result.get(projectId)?.transitions.push({ ...transition, definition: definitions.get(templateId) ?? null });
  return result;
}

/** The definition of a project's template (null when it has none that parses). */
export async function projectDefinition(
  trx: Transaction<DB>,
  actor: ScopeActor,
  projectId: number,
): Promise<LifecycleDefinition | null> {
  const [definitions, [template]] = await Promise.all([
    templateDefinitions(trx),
    repo.findProjectTemplates(trx, actor, [projectId]),
  ]);
  return (template?.templateId ? definitions.get(template.templateId) : undefined) ?? null;
}

/** The first stage of the project's template with the phase (the default template's stage of that code). */
export async function stageOfPhase(
  trx: Transaction<DB>,
  actor: ScopeActor,
  projectId: number,
  phase: string,
): Promise<string | null> {
  const definition = await projectDefinition(trx, actor, projectId);
  return definition?.stages.find((stage) => stage.phase === phase)?.code ?? null;
}

/**
 * A new project's seeded transitions (dated by the insert trigger on the application's day) become the import's,
 * noted with the status they came from.
 */
export async function claimSeededTransitions(
  trx: Transaction<DB>,
  projectId: number,
  status: string | undefined,
): Promise<void> {
  await repo.claimSeededTransitions(trx, projectId, `OC4IDS 导入，项目状态：${status ?? '未注明'}`);
}

const comparable = (nodes: readonly Oc4idsMilestonePlan['nodes'][number][]) =>
  nodes.map((n) => [n.key, n.name, n.stageCode, n.stepCode, n.plannedStart, n.plannedEnd, n.actualEnd, n.status]);

/**
 * Writes the imported milestones as the project's draft plan: the existing draft is replaced (its row version
 * bumped), or a new draft version is added after the approved plan (a re-plan, with the package as its reason).
 * Nothing is written when the latest plan already says the same, or when no milestone could be imported.
 * Returns whether anything changed.
 */
export async function writeDraftPlan(
  trx: Transaction<DB>,
  actor: Actor,
  project: { id: number; regionCode: string },
  plan: Oc4idsMilestonePlan,
  packageUri: string,
): Promise<boolean> {
  if (plan.targetDate === null) return false;
  const latest = await repo.findLatestPlan(trx, project.id);
  if (latest) {
    const nodes = await repo.findPlanNodes(trx, latest.id);
    if (latest.targetDate === plan.targetDate && isDeepStrictEqual(comparable(nodes), comparable(plan.nodes)))
      return false;
  }
  let planId: number;
  let version: number;
  if (latest?.status === 'draft') {
    planId = latest.id;
    version = latest.version;
    await repo.resetDraftPlan(trx, planId, plan.targetDate);
  } else {
    version = (await repo.maxPlanVersion(trx, project.id)) + 1;
    // After an approved plan the draft is a re-plan, which needs its reason.
    const reason = latest ? `OC4IDS 导入更新：${packageUri}`.slice(0, 2000) : null;
    planId = await repo.insertDraftPlan(trx, {
      projectId: project.id,
      version,
      targetDate: plan.targetDate,
      reason,
      createdBy: actor.id,
    });
  }
  await repo.insertPlanNodes(trx, planId, plan.nodes);
  await recordAudit(trx, actor, {
    entityType: 'project',
    entityId: project.id,
    action: 'update',
    regionCode: project.regionCode,
    before: latest
      ? { milestonePlan: { version: latest.version, status: latest.status, targetDate: latest.targetDate } }
      : null,
    after: {
      milestonePlan: { version, status: 'draft', targetDate: plan.targetDate, nodes: plan.nodes.length },
      source: 'oc4ids',
    },
  });
  return true;
}
