/**
 * Kysely access to a project's lifecycle: its template's definition, its transitions, a new transition, and the
 * project's derived columns (stage, template stage and step, actual dates) written back from them.
 */
import type { Transaction } from 'kysely';
import type { LifecyclePhase, TransitionFact } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { TransitionSource } from '../../db/schema.lifecycle.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

/** The project's row (in the actor's scope) locked for the transition, with its template; undefined: 404. */
export async function lockProjectLifecycle(trx: Transaction<DB>, actor: ScopeActor, projectId: number) {
  return scopedProjects(trx, actor)
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
    ])
    .forUpdate('projects')
    .executeTakeFirst();
}

export async function transitionFacts(trx: Transaction<DB>, projectId: number): Promise<TransitionFact[]> {
  const rows = await trx
    .selectFrom('lifecycle_transitions')
    .where('project_id', '=', projectId)
    .orderBy('occurred_on')
    .orderBy('id')
    .select(['id', 'stage_code as stageCode', 'step_code as stepCode', 'phase', 'occurred_on as occurredOn'])
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
