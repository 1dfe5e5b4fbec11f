/**
 * Kysely access to the three batches' rounds (三个一批): the rounds an actor may see (as events: its region's, those
 * under and above it; for owners and officers the rounds holding their projects) with their batch counts, a
 * round's projects with their templates, the projects' transitions, and the round's writes.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { projectScopeKind, type TransitionFact } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { BatchKind } from '../../db/schema.lifecycle.ts';
import { homeRegionCondition, scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

function visibleRounds(db: Db, actor: ScopeActor) {
  return (eb: ExpressionBuilder<DB, 'batch_rounds'>): Expression<SqlBool> =>
    projectScopeKind(actor.role) === 'region'
      ? homeRegionCondition(eb, actor, eb.ref('batch_rounds.region_code'))
      : eb.exists(
          scopedProjects(db, actor)
            .innerJoin('batch_round_projects as bp', 'bp.project_id', 'projects.id')
            .where(sql<SqlBool>`bp.round_id = batch_rounds.id`)
            .select('projects.id'),
        );
}

const batchCount = (batch: BatchKind) =>
  sql<string>`(select count(*) from batch_round_projects bp where bp.round_id = batch_rounds.id and bp.batch = ${batch})`;

/** The visible rounds (or one) with the number of projects in each batch, newest first. */
export async function listRounds(db: Db, actor: ScopeActor, filter: { id?: number } = {}) {
  return db
    .selectFrom('batch_rounds')
    .innerJoin('regions as r', 'r.code', 'batch_rounds.region_code')
    .where(visibleRounds(db, actor))
    .$if(filter.id !== undefined, (qb) => qb.where('batch_rounds.id', '=', filter.id ?? 0))
    .select([
      'batch_rounds.id',
      'batch_rounds.name',
      sql<string>`batch_rounds.held_on::text`.as('heldOn'),
      'batch_rounds.region_code as regionCode',
      'r.name as regionName',
      'batch_rounds.note',
      batchCount('sign').as('sign'),
      batchCount('start').as('start'),
      batchCount('production').as('production'),
    ])
    .orderBy('batch_rounds.held_on', 'desc')
    .orderBy('batch_rounds.id', 'desc')
    .execute();
}
export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

/** The round's projects in the actor's scope, with their batch, planned day and template. */
export async function roundProjects(db: Db, actor: ScopeActor, roundId: number) {
  return scopedProjects(db, actor)
    .innerJoin('batch_round_projects as bp', 'bp.project_id', 'projects.id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
    .where('bp.round_id', '=', roundId)
    .select([
      'projects.id',
      'projects.code',
      'projects.name',
      'r.name as regionName',
      'projects.total_investment as totalInvestment',
      'bp.batch',
      sql<string | null>`bp.planned_on::text`.as('plannedOn'),
      't.definition',
    ])
    .orderBy('bp.batch')
    .orderBy('projects.code')
    .execute();
}

/** The transitions of the projects, for core's rules. */
export async function transitionsOf(db: Db, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('lifecycle_transitions')
    .where('project_id', 'in', projectIds)
    .select([
      'project_id as projectId',
      'id',
      'stage_code as stageCode',
      'step_code as stepCode',
      'phase',
      sql<string>`occurred_on::text`.as('occurredOn'),
    ])
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows satisfies (TransitionFact & { projectId: number })[];
}

export async function lockRound(trx: Transaction<DB>, id: number) {
  return trx
    .selectFrom('batch_rounds')
    .where('id', '=', id)
    .select(['id', 'name', sql<string>`held_on::text`.as('heldOn'), 'region_code as regionCode', 'note'])
    .forUpdate()
    .executeTakeFirst();
}

export interface RoundValues {
  name: string;
  heldOn: string;
  regionCode: string;
  note: string | null;
}

const columns = (v: RoundValues) => ({ name: v.name, held_on: v.heldOn, region_code: v.regionCode, note: v.note });

export async function insertRound(trx: Transaction<DB>, values: RoundValues, createdBy: number): Promise<number> {
  const row = await trx
    .insertInto('batch_rounds')
    .values({ ...columns(values), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRound(trx: Transaction<DB>, id: number, values: RoundValues): Promise<void> {
  await trx.updateTable('batch_rounds').set(columns(values)).where('id', '=', id).execute();
}

export async function deleteRound(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('batch_rounds').where('id', '=', id).execute();
}

/** Adds a project to a batch of the round; false when it was already there. */
export async function addBatchProject(
  trx: Transaction<DB>,
  row: { roundId: number; projectId: number; batch: BatchKind; plannedOn: string | null },
): Promise<boolean> {
  const result = await trx
    .insertInto('batch_round_projects')
    .values({ round_id: row.roundId, project_id: row.projectId, batch: row.batch, planned_on: row.plannedOn })
    .onConflict((oc) => oc.doNothing())
    .returning('round_id')
    .executeTakeFirst();
  return result !== undefined;
}

export async function removeBatchProject(
  trx: Transaction<DB>,
  row: { roundId: number; projectId: number; batch: BatchKind },
): Promise<boolean> {
  const result = await trx
    .deleteFrom('batch_round_projects')
    .where('round_id', '=', row.roundId)
    .where('project_id', '=', row.projectId)
    .where('batch', '=', row.batch)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
