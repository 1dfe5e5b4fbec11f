/**
 * Stage changes that arrive from elsewhere become transitions: a stage picked in the project form (source 'manual',
 * dated today) and an approved monthly report that says the project started or reached another phase (source
 * 'report'). Both name a statistical phase; the transition enters the first stage of the project's template with
 * that phase. The form's change is refused like any transition; a report's refused change (out of order, say)
 * leaves the stage as it was and is noted in the audit, so that an approval is never blocked by the lifecycle's rules.
 */
import type { Transaction } from 'kysely';
import { lifecycleDefinitionSchema, type LifecycleDefinition } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { lockProjectLifecycle } from './lifecycle-transition.repository.ts';
import {
  previewTransition,
  recordTransition,
  type TransitionContext,
  type TransitionRequest,
} from './lifecycle-transition.service.ts';
import { lifecycleSettingsInForce } from './lifecycle-settings.service.ts';

/** The first stage of the template whose phase is one of `phases` (in their order of preference), or null. */
export function stageForPhase(definition: LifecycleDefinition, phases: readonly string[]): string | null {
  for (const phase of phases) {
    const stage = definition.stages.find((s) => s.phase === phase);
    if (stage) return stage.code;
  }
  return null;
}

async function lockedDefinition(trx: Transaction<DB>, actor: Actor, projectId: number) {
  const project = await lockProjectLifecycle(trx, actor, projectId);
  if (!project) throw errors.notFound();
  return { project, definition: lifecycleDefinitionSchema.parse(project.definition) };
}

/** The rules' context on `today` with the configured back-dating window. */
export async function contextOn(trx: Transaction<DB>, today: string): Promise<TransitionContext> {
  return { today, backdateWindowDays: (await lifecycleSettingsInForce(trx)).backdateWindowDays };
}

/**
 * The project form's new stage (a phase code) as a transition dated today; a refusal names the form's `stage`
 * field with the lifecycle's message (e.g. out of order: a project does not move back a phase).
 */
export async function recordFormStage(
  trx: Transaction<DB>,
  actor: Actor,
  projectId: number,
  phase: string,
  today: string,
): Promise<void> {
  const { definition } = await lockedDefinition(trx, actor, projectId);
  const stageCode = stageForPhase(definition, [phase]);
  if (stageCode === null) throw errors.invalidField('stage', 'lifecycle.phaseMissing', { phase });
  const request = { projectId, stageCode, stepCode: null, occurredOn: today, note: null, source: 'manual' as const };
  try {
    await recordTransition(trx, actor, request, await contextOn(trx, today));
  } catch (error) {
    const first = error instanceof AppError && error.fields ? Object.values(error.fields)[0] : undefined;
    throw first === undefined ? error : new AppError(400, 'validation', 'error.validation', { stage: first });
  }
}

/** An approved report's progress: whether it says started (and when) and the phase it reports. */
export interface ReportedProgress {
  projectId: number;
  started: boolean;
  startedOn: string | null;
  stage: string | null;
}

/** Records the transition if the rules allow it; else notes the refusal in the audit and records nothing. */
async function recordOrNote(
  trx: Transaction<DB>,
  actor: Actor,
  request: TransitionRequest,
  context: TransitionContext,
): Promise<void> {
  const { project, refusal } = await previewTransition(trx, actor, request, context);
  if (!refusal) {
    await recordTransition(trx, actor, request, context);
    return;
  }
  await recordAudit(trx, actor, {
    entityType: 'project',
    entityId: request.projectId,
    action: 'update',
    regionCode: project.regionCode,
    before: { stage: project.stage, lifecycleStage: project.lifecycleStage },
    after: {
      stage: project.stage,
      lifecycleStage: project.lifecycleStage,
      reportedTransitionRefused: {
        stageCode: request.stageCode,
        occurredOn: request.occurredOn,
        reason: refusal.code,
        params: refusal.params ?? {},
      },
    },
  });
}

/** How far back a reported date may go: a century, i.e. no window (see applyReportedProgress). */
const REPORTED_WINDOW_DAYS = 36_500;

/**
 * An approved report brings the lifecycle up to date: a first start dated the reported start day, then the reported
 * phase (when it differs from the project's) dated the period's cut-off, or today if that is later than today.
 */
export async function applyReportedProgress(
  trx: Transaction<DB>,
  actor: Actor,
  report: ReportedProgress,
  dates: { today: string; cutoff: string },
): Promise<void> {
  // A report's dates were reviewed by the approval itself and reports lag by months: the back-dating window, meant
  // for entries typed by hand, does not apply; the order and the application's date still do.
  const context = { today: dates.today, backdateWindowDays: REPORTED_WINDOW_DAYS };
  const base = { projectId: report.projectId, stepCode: null, note: null, source: 'report' as const };
  const first = await lockedDefinition(trx, actor, report.projectId);
  if (report.started && report.startedOn && !first.project.actualStartDate) {
    const stageCode = stageForPhase(first.definition, ['started', 'construction']);
    if (stageCode) await recordOrNote(trx, actor, { ...base, stageCode, occurredOn: report.startedOn }, context);
  }
  if (!report.stage) return;
  const { project, definition } = await lockedDefinition(trx, actor, report.projectId);
  if (report.stage === project.stage) return;
  const stageCode = stageForPhase(definition, [report.stage]);
  if (!stageCode) return;
  const occurredOn = dates.cutoff < dates.today ? dates.cutoff : dates.today;
  await recordOrNote(trx, actor, { ...base, stageCode, occurredOn }, context);
}
