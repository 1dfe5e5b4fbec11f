/**
 * Kysely access for the OC4IDS milestones, read from the lifecycle and plan tables directly (the export reads the
 * current approved plan and the transitions; the import writes a draft plan and marks the transitions the project
 * trigger seeded as the import's). Project ids come from the callers, who found them through the actor's scope.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Oc4idsImportedNode } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Postgres takes at most 65,535 parameters; lists of ids go in chunks well below that. */
const CHUNK = 1000;

async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await read(ids.slice(i, i + CHUNK))));
  return rows;
}

/** Every lifecycle template version with its definition (a handful of rows; the export resolves names from them). */
export async function findTemplateDefinitions(db: Db): Promise<{ id: number; definition: unknown }[]> {
  return db.selectFrom('lifecycle_templates').select(['id', 'definition']).orderBy('id').execute();
}

/** The template of each given project the actor may see. */
export async function findProjectTemplates(
  db: Db,
  actor: ScopeActor,
  projectIds: readonly number[],
): Promise<{ projectId: number; templateId: number | null }[]> {
  return inChunks(projectIds, (chunk) =>
    scopedProjects(db, actor)
      .where('projects.id', 'in', chunk)
      .select(['projects.id as projectId', 'projects.lifecycle_template_id as templateId'])
      .orderBy('projects.id')
      .execute(),
  );
}

/** The nodes of the given projects' current (approved) plans, in plan order. */
export async function findCurrentPlanNodes(db: Db, projectIds: readonly number[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom('milestone_nodes as n')
      .innerJoin('milestone_plans as p', 'p.id', 'n.plan_id')
      .where('p.status', '=', 'approved')
      .where('p.project_id', 'in', chunk)
      .select([
        'p.project_id as projectId',
        'n.node_key as key',
        'n.name',
        'n.stage_code as stageCode',
        'n.step_code as stepCode',
        'n.planned_end as plannedEnd',
        'n.actual_end as actualEnd',
      ])
      .orderBy('p.project_id')
      .orderBy('n.sort_order')
      .orderBy('n.planned_end')
      .orderBy('n.node_key')
      .execute(),
  );
}

/** The transitions of the given projects with the template each was recorded under. */
export async function findTransitions(db: Db, projectIds: readonly number[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom('lifecycle_transitions')
      .where('project_id', 'in', chunk)
      .select([
        'id',
        'project_id as projectId',
        'template_id as templateId',
        'stage_code as stageCode',
        'step_code as stepCode',
        'phase',
        'occurred_on as occurredOn',
        'source',
      ])
      .orderBy('project_id')
      .orderBy('occurred_on')
      .orderBy('id')
      .execute(),
  );
}

/**
 * Gives the transitions the project trigger seeded on insert (source 'create', dated the application's day of the
 * insert) to the import: source 'import', with a note naming the status they came from.
 */
export async function claimSeededTransitions(trx: Transaction<DB>, projectId: number, note: string): Promise<number> {
  const result = await trx
    .updateTable('lifecycle_transitions')
    .set({ source: 'import', note })
    .where('project_id', '=', projectId)
    .where('source', '=', 'create')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The project's latest plan version (its draft, or else its current approved plan), if any. */
export async function findLatestPlan(trx: Transaction<DB>, projectId: number) {
  return trx
    .selectFrom('milestone_plans')
    .where('project_id', '=', projectId)
    .where('status', '<>', 'superseded')
    .select(['id', 'version', 'status', 'target_date as targetDate', 'row_version as rowVersion'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The highest plan version the project has had (0 when none). */
export async function maxPlanVersion(trx: Transaction<DB>, projectId: number): Promise<number> {
  const row = await trx
    .selectFrom('milestone_plans')
    .where('project_id', '=', projectId)
    .select(sql<number>`coalesce(max(version), 0)::int`.as('version'))
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A plan's nodes as the import writes them, in plan order. */
export async function findPlanNodes(trx: Transaction<DB>, planId: number): Promise<Oc4idsImportedNode[]> {
  return trx
    .selectFrom('milestone_nodes')
    .where('plan_id', '=', planId)
    .select([
      'node_key as key',
      'name',
      'stage_code as stageCode',
      'step_code as stepCode',
      'planned_start as plannedStart',
      'planned_end as plannedEnd',
      'actual_end as actualEnd',
      'status',
      'sort_order as sortOrder',
    ])
    .orderBy('sort_order')
    .orderBy('node_key')
    .execute();
}

/** A new draft plan version; returns its id. */
export async function insertDraftPlan(
  trx: Transaction<DB>,
  plan: { projectId: number; version: number; targetDate: string; reason: string | null; createdBy: number },
): Promise<number> {
  const row = await trx
    .insertInto('milestone_plans')
    .values({
      project_id: plan.projectId,
      version: plan.version,
      status: 'draft',
      target_date: plan.targetDate,
      reason: plan.reason,
      created_by: plan.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A draft's new target date, its row version bumped (an If-Match holder then sees 412) and its nodes removed. */
export async function resetDraftPlan(trx: Transaction<DB>, planId: number, targetDate: string): Promise<void> {
  await trx
    .updateTable('milestone_plans')
    .set((eb) => ({ target_date: targetDate, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .execute();
  await trx.deleteFrom('milestone_nodes').where('plan_id', '=', planId).execute();
}

/** A plan's nodes. */
export async function insertPlanNodes(
  trx: Transaction<DB>,
  planId: number,
  nodes: readonly Oc4idsImportedNode[],
): Promise<void> {
  if (nodes.length === 0) return;
  await trx
    .insertInto('milestone_nodes')
    .values(
      nodes.map((node) => ({
        plan_id: planId,
        node_key: node.key,
        name: node.name,
        stage_code: node.stageCode,
        step_code: node.stepCode,
        planned_start: node.plannedStart,
        planned_end: node.plannedEnd,
        actual_end: node.actualEnd,
        status: node.status,
        sort_order: node.sortOrder,
      })),
    )
    .execute();
}
