/**
 * Kysely access to a project's lifecycle: its template's definition, its transitions, a new transition, and the
 * project's derived columns (stage, template stage and step, actual dates) written back from them.
 */
import type { Kysely, Transaction } from 'kysely';
import { PRE_START_PHASES, type LifecyclePhase, type TransitionFact } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { TransitionSource } from '../../db/schema.lifecycle.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

function projectLifecycleQuery(db: Db, actor: ScopeActor, projectId: number) {
  return scopedProjects(db, actor)
    .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
    .where('projects.id', '=', projectId)
    .select([
      'projects.id',
      'projects.region_code as regionCode',
      'projects.stage',
      'projects.lifecycle_stage as lifecycleStage',
      'projects.lifecycle_step as lifecycleStep',
      'projects.actual_start_date as actualStartDate',
      'projects.actual_completion_date as actualCompletionDate',
      'projects.actual_production_date as actualProductionDate',
      't.id as templateId',
      't.definition',
    ]);
}

/** The project's row (in the actor's scope) locked for the transition, with its template; undefined: 404. */
export async function lockProjectLifecycle(trx: Transaction<DB>, actor: ScopeActor, projectId: number) {
  return projectLifecycleQuery(trx, actor, projectId).forUpdate('projects').executeTakeFirst();
}

/** The same row for reading (the lifecycle card); undefined: 404. */
export async function findProjectLifecycle(db: Db, actor: ScopeActor, projectId: number) {
  return projectLifecycleQuery(db, actor, projectId).executeTakeFirst();
}

/** A transition as the rules read it, with its source (a project's first ones are told apart by it). */
export type SourcedFact = TransitionFact & { source: TransitionSource };

export async function transitionFacts(trx: Db, projectId: number): Promise<SourcedFact[]> {
  const rows = await trx
    .selectFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .orderBy('occurred_on')
    .orderBy('id')
    .select(['id', 'stage_code as stageCode', 'step_code as stepCode', 'phase', 'occurred_on as occurredOn', 'source'])
    .execute();
  return rows;
}

export interface NewTransition {
  projectId: number;
  templateId: number;
  stageCode: string;
  stepCode: string | null;
  phase: LifecyclePhase;
  occurredOn: string;
  note: string | null;
  source: TransitionSource;
  eventId: number | null;
  recordedBy: number | null;
}

export async function insertTransition(trx: Transaction<DB>, t: NewTransition): Promise<number> {
  const row = await trx
    .insertInto('lifecycle_transitions')
    .values({
      project_id: t.projectId,
      template_id: t.templateId,
      stage_code: t.stageCode,
      step_code: t.stepCode,
      phase: t.phase,
      occurred_on: t.occurredOn,
      note: t.note,
      source: t.source,
      event_id: t.eventId,
      recorded_by: t.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface DerivedLifecycle {
  stage: LifecyclePhase;
  lifecycleStage: string;
  lifecycleStep: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  actualProductionDate: string | null;
}

export async function writeDerivedLifecycle(
  trx: Transaction<DB>,
  projectId: number,
  derived: DerivedLifecycle,
): Promise<void> {
  await trx
    .updateTable('projects')
    .set((eb) => ({
      stage: derived.stage,
      lifecycle_stage: derived.lifecycleStage,
      lifecycle_step: derived.lifecycleStep,
      actual_start_date: derived.actualStartDate,
      actual_completion_date: derived.actualCompletionDate,
      actual_production_date: derived.actualProductionDate,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', projectId)
    .execute();
}

/** A project's transitions for the lifecycle card, oldest first, with their template's definition and recorder. */
export async function projectTransitions(db: Db, projectId: number) {
  return db
    .selectFrom('lifecycle_transitions as lt')
    .innerJoin('lifecycle_templates as t', 't.id', 'lt.template_id')
    .leftJoin('users as u', 'u.id', 'lt.recorded_by')
    .where('lt.project_id', '=', projectId)
    .orderBy('lt.occurred_on')
    .orderBy('lt.id')
    .select([
      'lt.id',
      'lt.stage_code as stageCode',
      'lt.step_code as stepCode',
      'lt.phase',
      'lt.occurred_on as occurredOn',
      'lt.note',
      'lt.source',
      'lt.event_id as eventId',
      'lt.recorded_at as recordedAt',
      'u.display_name as recordedByName',
      't.definition',
    ])
    .execute();
}

/** Whether the transition belongs to the project (evidence is attached through the project's path). */
export async function transitionOfProject(db: Db, projectId: number, transitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('lifecycle_transitions')
    .where('id', '=', transitionId)
    .where('project_id', '=', projectId)
    .select('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** How many transitions were recorded after the project's first ones (those of its creation or the migration). */
export async function countRecordedTransitions(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .where('source', 'not in', ['create', 'migration'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Moves the project's first transitions to a stage before the start (creation, migration: "known since") dated
 * after `to` back to `to`, an earlier entry's date (see seedsYieldTo in the service).
 */
export async function moveSeedsBackTo(trx: Transaction<DB>, projectId: number, to: string): Promise<number> {
  const result = await trx
    .updateTable('lifecycle_transitions')
    .set({ occurred_on: to })
    .where('project_id', '=', projectId)
    .where('source', 'in', ['create', 'migration'])
    .where('phase', 'in', PRE_START_PHASES)
    .where('occurred_on', '>', to)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Replaces the project's first transitions with one under another template (the template switch). */
export async function reseedTransitions(trx: Transaction<DB>, projectId: number, first: NewTransition): Promise<void> {
  await trx
    .deleteFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .where('source', 'in', ['create', 'migration'])
    .execute();
  await trx
    .updateTable('projects')
    .set({ lifecycle_template_id: first.templateId })
    .where('id', '=', projectId)
    .execute();
  await insertTransition(trx, first);
}
