/**
 * A project's lifecycle: the card's view (template, where the project stands, its transitions with who recorded
 * them and their evidence, the stages and steps it may move to next and from when), recording a transition by hand,
 * attaching evidence to one, and moving a project to another template while it has recorded nothing yet. Access:
 * the project must be in the actor's scope (404 otherwise, as for the project itself).
 */
import type { Kysely } from 'kysely';
import {
  addDays,
  checkTransition,
  LIFECYCLE_PHASES,
  type AttachmentOutput,
  type LifecycleDefinition,
  type LifecycleNextOption,
  type ProjectLifecycle,
  type TransitionFact,
  type TransitionInput,
  type TransitionOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { attachmentsOf } from '../attachment/attachment.repository.ts';
import { attachPhoto, type UploadedFile } from '../attachment/attachment.service.ts';
import { findTemplate } from './lifecycle-template.repository.ts';
import {
  countRecordedTransitions,
  findProjectLifecycle,
  lockProjectLifecycle,
  projectTransitions,
  reseedTransitions,
  transitionFacts,
  transitionOfProject,
  writeDerivedLifecycle,
} from './lifecycle-transition.repository.ts';
import { recordTransition, seedsYieldTo, type TransitionContext } from './lifecycle-transition.service.ts';
import { lifecycleSettingsInForce } from './lifecycle-settings.service.ts';
import { parseDefinition, templateDetail, transitionOutput } from './lifecycle.presenter.ts';

/** The rules' context for today: the application's date and the configured back-dating window. */
export async function transitionContext(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<TransitionContext> {
  const settings = await lifecycleSettingsInForce(deps.db);
  return { today: deps.clock.today(), backdateWindowDays: settings.backdateWindowDays };
}

/** Every stage and step the project may move to on `today`, each with the earliest date the rules allow. */
export function nextOptions(
  definition: LifecycleDefinition,
  history: readonly TransitionFact[],
  context: TransitionContext,
): LifecycleNextOption[] {
  const windowStart = addDays(context.today, -context.backdateWindowDays);
  const options: LifecycleNextOption[] = [];
  for (const stage of definition.stages) {
    for (const step of [null, ...stage.steps]) {
      const target = { stageCode: stage.code, stepCode: step?.code ?? null, occurredOn: context.today };
      if (checkTransition(definition, history, target, context) !== null) continue;
      // Not before the latest transition already recorded (the rules refuse an entry before an earlier stage).
      const latest = history.reduce((max, f) => (f.occurredOn > max ? f.occurredOn : max), windowStart);
      options.push({
        stageCode: stage.code,
        stepCode: step?.code ?? null,
        stageLabel: stage.label,
        stepLabel: step?.label ?? null,
        phase: stage.phase,
        earliest: latest,
      });
    }
  }
  return options;
}

/** GET /projects/:id/lifecycle. */
export async function getProjectLifecycle(deps: AppDeps, actor: Actor, projectId: number): Promise<ProjectLifecycle> {
  requirePermission(actor, 'lifecycle.read');
  const project = await findProjectLifecycle(deps.db, actor, projectId);
  if (!project) throw errors.notFound();
  const template = await findTemplate(deps.db, project.templateId);
  if (!template) throw errors.notFound();
  const context = await transitionContext(deps);
  const definition = parseDefinition(template.definition);
  // A first "known since" transition yields to an earlier entry, however far back that goes within the window:
  // read it as of the window's start so the form offers the whole window.
  const windowStart = addDays(context.today, -context.backdateWindowDays);
  const history = seedsYieldTo(await transitionFacts(deps.db, projectId), windowStart);
  const transitions = await withEvidence(deps.db, projectId, context.today);
  const stage = definition.stages.find((s) => s.code === project.lifecycleStage);
  const step = stage?.steps.find((s) => s.code === project.lifecycleStep);
  return {
    projectId,
    template: templateDetail(template),
    currentStage: project.lifecycleStage,
    currentStep: project.lifecycleStep,
    currentStageLabel: stage?.label ?? null,
    currentStepLabel: step?.label ?? null,
    phase: LIFECYCLE_PHASES.find((p) => p === project.stage) ?? 'reserve',
    actualStartDate: project.actualStartDate,
    actualCompletionDate: project.actualCompletionDate,
    actualProductionDate: project.actualProductionDate,
    transitions,
    next: nextOptions(definition, history, context),
    today: context.today,
    earliest: windowStart,
    canSwitchTemplate: (await countRecordedTransitions(deps.db, projectId)) === 0,
  };
}

async function withEvidence(db: Kysely<DB>, projectId: number, today: string): Promise<TransitionOutput[]> {
  const rows = await projectTransitions(db, projectId);
  const evidence = await attachmentsOf(
    db,
    'transition',
    rows.map((r) => r.id),
  );
  return rows.map((row) => transitionOutput(row, evidence.get(row.id) ?? [], today));
}

/** POST /projects/:id/lifecycle/transitions: recorded by hand (source 'manual'); the project's lifecycle after it. */
export async function postTransition(
  deps: AppDeps,
  actor: Actor,
  projectId: number,
  input: TransitionInput,
): Promise<ProjectLifecycle> {
  requirePermission(actor, 'lifecycle.transition');
  const context = await transitionContext(deps);
  await deps.db.transaction().execute((trx) =>
    recordTransition(
      trx,
      actor,
      {
        projectId,
        stageCode: input.stageCode,
        stepCode: input.stepCode ?? null,
        occurredOn: input.occurredOn,
        note: input.note ?? null,
        source: 'manual',
      },
      context,
    ),
  );
  return getProjectLifecycle(deps, actor, projectId);
}

/** POST /projects/:id/lifecycle/transitions/:tid/attachments: evidence (image or PDF) of a transition. */
export async function addTransitionEvidence(
  deps: AppDeps,
  actor: Actor,
  projectId: number,
  transitionId: number,
  file: UploadedFile,
): Promise<AttachmentOutput> {
  requirePermission(actor, 'lifecycle.transition');
  return deps.db.transaction().execute(async (trx) => {
    const project = await lockProjectLifecycle(trx, actor, projectId);
    if (!project || !(await transitionOfProject(trx, projectId, transitionId))) throw errors.notFound();
    return attachPhoto(
      trx,
      actor,
      { kind: 'transition', id: transitionId, regionCode: project.regionCode, projectId },
      file,
    );
  });
}

/**
 * PUT /projects/:id/lifecycle/template: the project moves to another template (its latest version) while it has
 * recorded nothing beyond its first transitions (409 otherwise); it enters the new template's first stage of its
 * phase (else the first stage) on the date of its first transition.
 */
export async function switchProjectTemplate(
  deps: AppDeps,
  actor: Actor,
  projectId: number,
  templateId: number,
): Promise<ProjectLifecycle> {
  requirePermission(actor, 'lifecycle.transition');
  await deps.db.transaction().execute(async (trx) => {
    const project = await lockProjectLifecycle(trx, actor, projectId);
    if (!project) throw errors.notFound();
    const template = await findTemplate(trx, templateId);
    if (!template || template.superseded || template.retired)
      throw errors.invalidField('templateId', 'lifecycle.templateRetired');
    const recorded = await countRecordedTransitions(trx, projectId);
    if (recorded > 0)
      throw new AppError(409, 'conflict', 'lifecycle.switchHasTransitions', undefined, { count: recorded });
    const definition = parseDefinition(template.definition);
    const stage = definition.stages.find((s) => s.phase === project.stage) ?? definition.stages[0];
    if (!stage) throw errors.notFound();
    const history = await transitionFacts(trx, projectId);
    const occurredOn = history[0]?.occurredOn ?? deps.clock.today();
    await reseedTransitions(trx, projectId, {
      projectId,
      templateId,
      stageCode: stage.code,
      stepCode: null,
      phase: stage.phase,
      occurredOn,
      note: null,
      source: 'create',
      eventId: null,
      recordedBy: actor.id,
    });
    await writeDerivedLifecycle(trx, projectId, {
      stage: stage.phase,
      lifecycleStage: stage.code,
      lifecycleStep: null,
      actualStartDate: project.actualStartDate,
      actualCompletionDate: project.actualCompletionDate,
      actualProductionDate: project.actualProductionDate,
    });
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: projectId,
      action: 'update',
      regionCode: project.regionCode,
      before: { lifecycleTemplateId: project.templateId, lifecycleStage: project.lifecycleStage },
      after: { lifecycleTemplateId: templateId, lifecycleStage: stage.code },
    });
  });
  return getProjectLifecycle(deps, actor, projectId);
}
