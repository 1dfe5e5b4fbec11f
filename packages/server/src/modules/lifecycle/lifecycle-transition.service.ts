/**
 * Recording a stage or step transition: the one path by which a project's stage and actual dates change (the
 * project form, an approved report and a groundbreaking event all come through here). Core's checkTransition
 * decides; the project row is locked so two transitions of one project are decided one after the other; the
 * derived columns are written back and the change audited in the caller's transaction.
 */
import type { Transaction } from 'kysely';
import {
  checkTransition,
  currentTransition,
  derivedActualDates,
  lifecycleDefinitionSchema,
  positionIn,
  PRE_START_PHASES,
  type LifecycleDefinition,
  type TransitionRefusal,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { TransitionSource } from '../../db/schema.lifecycle.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  insertTransition,
  moveSeedsBackTo,
  lockProjectLifecycle,
  transitionFacts,
  writeDerivedLifecycle,
  type SourcedFact,
} from './lifecycle-transition.repository.ts';

/** Days back a transition may be dated unless configured otherwise. */
export const DEFAULT_BACKDATE_WINDOW_DAYS = 90;

export interface TransitionRequest {
  projectId: number;
  stageCode: string;
  stepCode: string | null;
  occurredOn: string;
  note: string | null;
  source: TransitionSource;
  eventId?: number | null;
}

export interface TransitionContext {
  today: string;
  backdateWindowDays: number;
}

const isSeed = (fact: SourcedFact) => fact.source === 'create' || fact.source === 'migration';

/**
 * The project's history as the rules read it for an entry dated `to`: a first transition to a stage before the
 * start (creation, migration) says only since when the system knows the project (projects are often registered
 * after their preparation began), so an entry dated before it moves it back to that date instead of being refused.
 */
export function seedsYieldTo(history: readonly SourcedFact[], to: string): SourcedFact[] {
  const yields = (fact: SourcedFact) => isSeed(fact) && PRE_START_PHASES.includes(fact.phase) && fact.occurredOn > to;
  return history.map((fact) => (yields(fact) ? { ...fact, occurredOn: to } : fact));
}

/** A transition weighed but not written: the locked project, its template, its history, and the refusal if any. */
export interface TransitionPreview {
  project: NonNullable<Awaited<ReturnType<typeof lockProjectLifecycle>>>;
  definition: LifecycleDefinition;
  history: SourcedFact[];
  refusal: TransitionRefusal | null;
}

/** Locks the project (404 outside the actor's scope) and decides the transition without writing anything. */
export async function previewTransition(
  trx: Transaction<DB>,
  actor: Actor,
  request: TransitionRequest,
  context: TransitionContext,
): Promise<TransitionPreview> {
  const project = await lockProjectLifecycle(trx, actor, request.projectId);
  if (!project) throw errors.notFound();
  const definition: LifecycleDefinition = lifecycleDefinitionSchema.parse(project.definition);
  const to = request.occurredOn < context.today ? request.occurredOn : context.today;
  const history = seedsYieldTo(await transitionFacts(trx, request.projectId), to);
  return { project, definition, history, refusal: checkTransition(definition, history, request, context) };
}

/**
 * Records the transition (or refuses it with a field-level 400, writing nothing) and brings the project's derived
 * columns up to date; the caller has checked the actor may reach the project. Returns the new transition's id.
 */
export async function recordTransition(
  trx: Transaction<DB>,
  actor: Actor,
  request: TransitionRequest,
  context: TransitionContext,
): Promise<number> {
  const { project, definition, history, refusal } = await previewTransition(trx, actor, request, context);
  if (refusal) throw errors.invalidField(refusal.field, refusal.code, refusal.params);
  const position = positionIn(definition, request.stageCode, request.stepCode);
  if ('error' in position) throw errors.invalidField('stageCode', position.error);
  await moveSeedsBackTo(trx, request.projectId, request.occurredOn);
  const id = await insertTransition(trx, {
    projectId: request.projectId,
    templateId: project.templateId,
    stageCode: request.stageCode,
    stepCode: request.stepCode,
    phase: position.phase,
    occurredOn: request.occurredOn,
    note: request.note,
    source: request.source,
    eventId: request.eventId ?? null,
    recordedBy: actor.id,
  });
  const facts = [...history, { ...request, phase: position.phase, id }];
  const current = currentTransition(facts) ?? facts[facts.length - 1];
  if (!current) throw new Error('a transition was just inserted');
  const derived = {
    stage: current.phase,
    lifecycleStage: current.stageCode,
    lifecycleStep: current.stepCode,
    ...derivedActualDates(facts),
  };
  await writeDerivedLifecycle(trx, request.projectId, derived);
  await recordAudit(trx, actor, {
    entityType: 'project',
    entityId: request.projectId,
    action: 'update',
    regionCode: project.regionCode,
    before: {
      stage: project.stage,
      lifecycleStage: project.lifecycleStage,
      lifecycleStep: project.lifecycleStep,
      actualStartDate: project.actualStartDate,
      actualCompletionDate: project.actualCompletionDate,
      actualProductionDate: project.actualProductionDate,
    },
    after: {
      ...derived,
      transition: { id, occurredOn: request.occurredOn, source: request.source, note: request.note },
    },
  });
  return id;
}
