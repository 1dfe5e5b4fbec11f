/**
 * Kysely access to milestone plans (里程碑计划): a project's plan versions and their nodes, the draft's conditional
 * writes (row_version for If-Match, so that of two racing saves exactly one matches), approval (the previous
 * approved version superseded first: one approved per project), a node's progress, the node lists across projects
 * and the re-planned projects. Every project is reached through scope.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix, type NodeStatus, type PlanStatus } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Versions that were approved at some time: the baseline is the lowest of them. */
const EVER_APPROVED: readonly PlanStatus[] = ['approved', 'superseded'];

/** The project (in the actor's scope) with its template and lifecycle position; locked when `lock` is set. */
export async function findPlanProject(db: Db, actor: ScopeActor, projectId: number, lock = false) {
  return scopedProjects(db, actor)
    .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
    .where('projects.id', '=', projectId)
    .select([
      'projects.id',
      'projects.code',
      'projects.name',
      'projects.region_code as regionCode',
      'projects.lifecycle_stage as lifecycleStage',
      'projects.lifecycle_step as lifecycleStep',
      't.definition',
    ])
    .$if(lock, (qb) => qb.forUpdate('projects'))
    .executeTakeFirst();
}

/** Every version of the project's plan, newest first, with who created and approved it. */
export async function planVersions(db: Db, projectId: number) {
  return db
    .selectFrom('milestone_plans as mp')
    .leftJoin('users as c', 'c.id', 'mp.created_by')
    .leftJoin('users as a', 'a.id', 'mp.approved_by')
    .where('mp.project_id', '=', projectId)
    .select([
      'mp.id',
      'mp.project_id as projectId',
      'mp.version',
      'mp.status',
      sql<string>`mp.target_date::text`.as('targetDate'),
      'mp.reason',
      'mp.row_version as rowVersion',
      'mp.created_at as createdAt',
      'c.display_name as createdByName',
      'mp.approved_at as approvedAt',
      'a.display_name as approvedByName',
    ])
    .orderBy('mp.version', 'desc')
    .execute();
}
export type PlanVersionRow = Awaited<ReturnType<typeof planVersions>>[number];

const NODE_COLUMNS = [
  'n.id as nodeId',
  'n.plan_id as planId',
  'n.node_key as key',
  'n.name',
  'n.stage_code as stageCode',
  'n.step_code as stepCode',
  sql<string>`n.planned_start::text`.as('plannedStart'),
  sql<string>`n.planned_end::text`.as('plannedEnd'),
  sql<string | null>`n.actual_start::text`.as('actualStart'),
  sql<string | null>`n.actual_end::text`.as('actualEnd'),
  'n.status',
  'n.responsible_org_id as responsibleOrgId',
  'o.name as responsibleOrgName',
  'n.responsible_person as responsiblePerson',
  'n.note',
] as const;

/** The nodes of the given plans in their order. */
export async function planNodes(db: Db, planIds: readonly number[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('milestone_nodes as n')
    .leftJoin('organizations as o', 'o.id', 'n.responsible_org_id')
    .where('n.plan_id', 'in', planIds)
    .select(NODE_COLUMNS)
    .orderBy('n.plan_id')
    .orderBy('n.sort_order')
    .orderBy('n.id')
    .execute();
}
export type PlanNodeRow = Awaited<ReturnType<typeof planNodes>>[number];

export interface NewPlan {
  projectId: number;
  version: number;
  targetDate: string;
  reason: string | null;
  createdBy: number | null;
}

/** Inserts a draft version; its id. */
export async function insertDraft(trx: Transaction<DB>, plan: NewPlan): Promise<number> {
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

/**
 * Rewrites the draft's target and reason and bumps its row version, only while it is still a draft at
 * `expectedRowVersion` (any version when null): the new row version, or undefined when another save came first.
 */
export async function rewriteDraft(
  trx: Transaction<DB>,
  planId: number,
  expectedRowVersion: number | null,
  header: { targetDate: string; reason: string | null },
): Promise<number | undefined> {
  const row = await trx
    .updateTable('milestone_plans')
    .set((eb) => ({ target_date: header.targetDate, reason: header.reason, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .$if(expectedRowVersion !== null, (qb) => qb.where('row_version', '=', expectedRowVersion ?? 0))
    .returning('row_version')
    .executeTakeFirst();
  return row?.row_version;
}

export interface NodeRow {
  key: string;
  name: string;
  stageCode: string | null;
  stepCode: string | null;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: NodeStatus;
  responsibleOrgId: number | null;
  responsiblePerson: string | null;
  note: string | null;
}

/** Replaces the plan's nodes whole, in the order given. */
export async function replaceNodes(trx: Transaction<DB>, planId: number, nodes: readonly NodeRow[]): Promise<void> {
  await trx.deleteFrom('milestone_nodes').where('plan_id', '=', planId).execute();
  if (nodes.length === 0) return;
  await trx
    .insertInto('milestone_nodes')
    .values(
      nodes.map((node, index) => ({
        plan_id: planId,
        node_key: node.key,
        name: node.name,
        stage_code: node.stageCode,
        step_code: node.stepCode,
        planned_start: node.plannedStart,
        planned_end: node.plannedEnd,
        actual_start: node.actualStart,
        actual_end: node.actualEnd,
        status: node.status,
        responsible_org_id: node.responsibleOrgId,
        responsible_person: node.responsiblePerson,
        note: node.note,
        sort_order: index,
      })),
    )
    .execute();
}

/** The project's approved version becomes superseded (before a draft is approved in its place). */
export async function supersedeApproved(trx: Transaction<DB>, projectId: number): Promise<void> {
  await trx
    .updateTable('milestone_plans')
    .set({ status: 'superseded' })
    .where('project_id', '=', projectId)
    .where('status', '=', 'approved')
    .execute();
}

/** Approves the draft if it is still a draft at `expectedRowVersion`; false when another request came first. */
export async function approveDraft(
  trx: Transaction<DB>,
  planId: number,
  expectedRowVersion: number,
  approvedBy: number | null,
  approvedAt: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('milestone_plans')
    .set((eb) => ({
      status: 'approved',
      approved_by: approvedBy,
      approved_at: approvedAt,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .where('row_version', '=', expectedRowVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Writes a node's actual dates and status (and note, when given); false when the plan has no such node. */
export async function writeNodeProgress(
  trx: Transaction<DB>,
  planId: number,
  key: string,
  progress: { status: NodeStatus; actualStart: string | null; actualEnd: string | null; note?: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('milestone_nodes')
    .set({
      status: progress.status,
      actual_start: progress.actualStart,
      actual_end: progress.actualEnd,
      ...(progress.note === undefined ? {} : { note: progress.note }),
    })
    .where('plan_id', '=', planId)
    .where('node_key', '=', key)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The ids among `ids` that name no organisation. */
export async function unknownOrganizations(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('organizations').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

/** Each project's baseline plan: the lowest version ever approved. */
function baselinePlans(db: Db) {
  return db
    .selectFrom('milestone_plans as b')
    .where('b.status', 'in', EVER_APPROVED)
    .where((eb) =>
      eb(
        'b.version',
        '=',
        eb
          .selectFrom('milestone_plans as b2')
          .select((e) => e.fn.min('b2.version').as('v'))
          .whereRef('b2.project_id', '=', 'b.project_id')
          .where('b2.status', 'in', EVER_APPROVED),
      ),
    );
}

/** The baseline nodes of the given projects (to measure the delay of their current nodes against). */
export async function baselineNodes(db: Db, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return baselinePlans(db)
    .innerJoin('milestone_nodes as n', 'n.plan_id', 'b.id')
    .where('b.project_id', 'in', projectIds)
    .select([
      'b.project_id as projectId',
      'n.node_key as key',
      sql<string>`n.planned_start::text`.as('plannedStart'),
      sql<string>`n.planned_end::text`.as('plannedEnd'),
    ])
    .execute();
}

export interface NodeListFilters {
  /** Nodes due between these dates (both included), or, when `overdueOn` is set instead, open and due before it. */
  from?: string;
  to?: string;
  overdueOn?: string;
  regionCode?: string;
  responsibleOrgId?: number;
  limit: number;
  offset: number;
}

/**
 * Nodes of the current (approved) plans of the actor's projects matching the filters, with their project and
 * region, by planned end; and their total. A responsible unit sees only the nodes assigned to its organisation.
 */
export async function listNodeRows(db: Db, actor: ScopeActor, filters: NodeListFilters) {
  const base = db
    .selectFrom('milestone_nodes as n')
    .innerJoin('milestone_plans as mp', 'mp.id', 'n.plan_id')
    .innerJoin(
      () =>
        scopedProjects(db, actor)
          .select(['projects.id', 'projects.code', 'projects.name', 'projects.region_code'])
          .as('p'),
      (j) => j.onRef('p.id', '=', 'mp.project_id'),
    )
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('organizations as o', 'o.id', 'n.responsible_org_id')
    .where('mp.status', '=', 'approved')
    .$if(actor.role === 'responsible_unit', (qb) => qb.where('n.responsible_org_id', '=', actor.organizationId ?? -1))
    .$if(filters.from !== undefined, (qb) => qb.where('n.planned_end', '>=', filters.from ?? ''))
    .$if(filters.to !== undefined, (qb) => qb.where('n.planned_end', '<=', filters.to ?? ''))
    .$if(filters.overdueOn !== undefined, (qb) =>
      qb.where('n.status', '<>', 'done').where('n.planned_end', '<', filters.overdueOn ?? ''),
    )
    .$if(filters.regionCode !== undefined, (qb) =>
      qb.where('p.region_code', 'like', `${regionPrefix(filters.regionCode ?? '')}%`),
    )
    .$if(filters.responsibleOrgId !== undefined, (qb) =>
      qb.where('n.responsible_org_id', '=', filters.responsibleOrgId ?? -1),
    );
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select([
      ...NODE_COLUMNS,
      'p.id as projectId',
      'p.code as projectCode',
      'p.name as projectName',
      'p.region_code as regionCode',
      'r.name as regionName',
      'mp.version as planVersion',
    ])
    .orderBy('n.planned_end')
    .orderBy('p.code')
    .orderBy('n.sort_order')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return { total: Number(total.n), items };
}

/**
 * The actor's projects (under `regionCode` when given) with more than one version ever approved: the baseline's and
 * the current version's targets, the current version's reason, approval time and approver.
 */
export async function replannedRows(db: Db, actor: ScopeActor, regionCode: string | undefined) {
  return db
    .selectFrom('milestone_plans as cur')
    .innerJoin(
      () =>
        scopedProjects(db, actor)
          .select(['projects.id', 'projects.code', 'projects.name', 'projects.region_code'])
          .as('p'),
      (j) => j.onRef('p.id', '=', 'cur.project_id'),
    )
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .innerJoin(
      () => baselinePlans(db).select(['b.project_id', 'b.version', 'b.target_date']).as('base'),
      (j) => j.onRef('base.project_id', '=', 'cur.project_id'),
    )
    .leftJoin('users as a', 'a.id', 'cur.approved_by')
    .where('cur.status', '=', 'approved')
    .where('cur.version', '>', sql<number>`base.version`)
    .$if(regionCode !== undefined, (qb) => qb.where('p.region_code', 'like', `${regionPrefix(regionCode ?? '')}%`))
    .select((eb) => [
      'p.id as projectId',
      'p.code as projectCode',
      'p.name as projectName',
      'r.name as regionName',
      eb
        .selectFrom('milestone_plans as v')
        .select((e) => e.fn.countAll<string>().as('c'))
        .whereRef('v.project_id', '=', 'cur.project_id')
        .where('v.status', 'in', EVER_APPROVED)
        .as('versions'),
      sql<string>`base.target_date::text`.as('baselineTarget'),
      sql<string>`cur.target_date::text`.as('latestTarget'),
      'cur.reason as lastReason',
      'cur.approved_at as lastReplannedAt',
      'a.display_name as lastReplannedByName',
    ])
    .orderBy('p.code')
    .execute();
}

/** The id of the project with this code among the actor's projects, or undefined. */
export async function findProjectIdByCode(db: Db, actor: ScopeActor, code: string): Promise<number | undefined> {
  const row = await scopedProjects(db, actor)
    .where('projects.code', '=', code)
    .select('projects.id')
    .executeTakeFirst();
  return row?.id;
}
