/**
 * Reading milestone plans: a project's plan (current, draft, baseline, versions, the earliest feasible target from
 * the application's date), the nodes of current plans due this week or this month or overdue across the actor's
 * projects (周任务、月节点), and the re-planned projects with the days their target moved against the baseline.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  daysBetween,
  effectiveTimes,
  earliestTarget,
  lifecycleDefinitionSchema,
  monthWindow,
  positionIn,
  weekWindow,
  type LifecycleDefinition,
  type LifecyclePosition,
  type PlanNodesOutput,
  type PlanNodesQuery,
  type ProjectPlanOutput,
  type ProjectPlanQuery,
  type ReplannedOutput,
  type ReplannedQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { attachmentsOf } from '../attachment/attachment.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { toPlan, toPlanNodeRow, toPlanVersion, type BaselineByKey } from './plan.presenter.ts';
import * as repo from './plan.repository.ts';

export interface PlanDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type Db = Kysely<DB> | Transaction<DB>;
export type PlanProject = NonNullable<Awaited<ReturnType<typeof repo.findPlanProject>>>;

/** The project's template and where it stands in it (null: not in the template, so plan from its start). */
export function templatePosition(project: PlanProject): {
  definition: LifecycleDefinition;
  position: LifecyclePosition | null;
} {
  const definition = lifecycleDefinitionSchema.parse(project.definition);
  const position =
    project.lifecycleStage === null ? null : positionIn(definition, project.lifecycleStage, project.lifecycleStep);
  return { definition, position: position === null || 'error' in position ? null : position };
}

/** The baseline (lowest version ever approved), the current (approved) version and the draft among the versions. */
export function splitVersions(versions: readonly repo.PlanVersionRow[]) {
  const approvedEver = versions.filter((v) => v.status !== 'draft');
  return {
    baseline: approvedEver.reduce<repo.PlanVersionRow | undefined>(
      (lowest, v) => (lowest === undefined || v.version < lowest.version ? v : lowest),
      undefined,
    ),
    current: versions.find((v) => v.status === 'approved'),
    draft: versions.find((v) => v.status === 'draft'),
  };
}

/** The project's whole plan view as of `today` (also the answer of every plan write, read in its transaction). */
export async function projectPlanView(
  db: Db,
  project: PlanProject,
  today: string,
  untilStage?: string,
): Promise<ProjectPlanOutput> {
  const versions = await repo.planVersions(db, project.id);
  const { baseline, current, draft } = splitVersions(versions);
  const ids = [...new Set([baseline?.id, current?.id, draft?.id].filter((id) => id !== undefined))];
  const nodes = await repo.planNodes(db, ids);
  const nodesOf = (planId: number | undefined) => nodes.filter((node) => node.planId === planId);
  const baselineByKey: BaselineByKey = new Map(nodesOf(baseline?.id).map((node) => [node.key, node]));
  const evidence = await attachmentsOf(
    db,
    'milestone',
    nodes.map((node) => node.nodeId),
  );
  const context = { baselineId: baseline?.id ?? null, baseline: baselineByKey, today, evidence };
  const { definition, position } = templatePosition(project);
  return {
    projectId: project.id,
    asOf: today,
    current: current ? toPlan(current, nodesOf(current.id), context) : null,
    draft: draft ? toPlan(draft, nodesOf(draft.id), context) : null,
    baseline: baseline ? toPlanVersion(baseline, baseline.id, today) : null,
    versions: versions.map((v) => toPlanVersion(v, context.baselineId, today)),
    earliestTarget: earliestTarget(definition, position, today, untilStage),
  };
}

/** GET /projects/:id/plan; 404 when the actor may not see the project. */
export async function getProjectPlan(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  query: ProjectPlanQuery = {},
): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.read');
  const project = await repo.findPlanProject(deps.db, actor, projectId);
  if (!project) throw errors.notFound();
  return projectPlanView(deps.db, project, deps.clock.today(), query.untilStage);
}

/** The plan of the project with this code (as the CLI names projects); 404 when the actor may not see it. */
export async function getProjectPlanByCode(deps: PlanDeps, actor: Actor, code: string): Promise<ProjectPlanOutput> {
  requirePermission(actor, 'plan.read');
  const id = await repo.findProjectIdByCode(deps.db, actor, code);
  if (id === undefined) throw errors.notFound();
  return getProjectPlan(deps, actor, id);
}

/** GET /plans/nodes: this week's tasks, this month's nodes, or the overdue ones, across the actor's projects. */
export async function listPlanNodes(deps: PlanDeps, actor: Actor, query: PlanNodesQuery): Promise<PlanNodesOutput> {
  requirePermission(actor, 'plan.read');
  const today = deps.clock.today();
  const window = query.window === 'week' ? weekWindow(today) : query.window === 'month' ? monthWindow(today) : null;
  const { total, items } = await repo.listNodeRows(deps.db, actor, {
    ...(window ?? { overdueOn: today }),
    regionCode: query.regionCode,
    responsibleOrgId: query.responsibleOrgId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const baselines = await repo.baselineNodes(deps.db, [...new Set(items.map((row) => row.projectId))]);
  const byProject = new Map<number, Map<string, { plannedStart: string; plannedEnd: string }>>();
  for (const node of baselines) {
    const map = byProject.get(node.projectId) ?? new Map<string, { plannedStart: string; plannedEnd: string }>();
    map.set(node.key, node);
    byProject.set(node.projectId, map);
  }
  const evidence = await attachmentsOf(
    deps.db,
    'milestone',
    items.map((row) => row.nodeId),
  );
  return {
    asOf: today,
    // The overdue list is every open node due before the as-of date: its window is shown as that date.
    from: window?.from ?? today,
    to: window?.to ?? today,
    total,
    items: items.map((row) => toPlanNodeRow(row, byProject.get(row.projectId) ?? new Map(), today, evidence)),
  };
}

/** GET /plans/replanned: the projects re-planned since their baseline, with the days the target moved. */
export async function listReplanned(deps: PlanDeps, actor: Actor, query: ReplannedQuery): Promise<ReplannedOutput> {
  requirePermission(actor, 'plan.read');
  const rows = await repo.replannedRows(deps.db, actor, query.regionCode);
  const today = deps.clock.today();
  const items = rows.map((row) => ({
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionName: row.regionName,
    versions: Number(row.versions ?? 0),
    baselineTarget: row.baselineTarget,
    latestTarget: row.latestTarget,
    daysMoved: daysBetween(row.baselineTarget, row.latestTarget),
    lastReason: row.lastReason,
    lastReplannedAt: row.lastReplannedAt?.toISOString() ?? '',
    lastReplannedByName: row.lastReplannedByName,
    effectiveAt: effectiveTimes(today, { lastReplannedAt: row.lastReplannedAt }),
  }));
  return { asOf: today, total: items.length, items };
}
