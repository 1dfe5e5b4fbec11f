/**
 * The one way a lifecycle template version and a recorded transition become JSON (the API, the lifecycle card and
 * the audit snapshots use these).
 */
import {
  effectiveTimes,
  lifecycleDefinitionSchema,
  type AttachmentOutput,
  type LifecycleDefinition,
  type LifecycleTemplateDetail,
  type TransitionOutput,
} from '@keyprojects/core';
import type { TransitionSource } from '../../db/schema.lifecycle.ts';
import type { TemplateRow } from './lifecycle-template.repository.ts';

/** A stored definition read back; stored rows passed the schema when saved. */
export const parseDefinition = (stored: unknown): LifecycleDefinition => lifecycleDefinitionSchema.parse(stored);

/** A template version as the API shows it. */
export function templateDetail(row: TemplateRow): LifecycleTemplateDetail {
  const definition = parseDefinition(row.definition);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    rowVersion: row.rowVersion,
    name: { zh: row.nameZh, en: row.nameEn },
    isDefault: row.isDefault,
    retired: row.retired,
    superseded: row.superseded,
    inUse: row.inUse,
    stageCount: definition.stages.length,
    stepCount: definition.stages.reduce((n, s) => n + s.steps.length, 0),
    definition,
  };
}

/** A stored transition with its template's definition and recorder, as read by projectTransitions. */
export interface TransitionRow {
  id: number;
  stageCode: string;
  stepCode: string | null;
  phase: TransitionOutput['phase'];
  occurredOn: string;
  note: string | null;
  source: TransitionSource;
  eventId: number | null;
  recordedAt: Date;
  recordedByName: string | null;
  definition: unknown;
}

/**
 * A transition as the lifecycle card lists it, labelled from the template it was recorded under, its recording
 * time also on the application's date `today`.
 */
export function transitionOutput(row: TransitionRow, evidence: AttachmentOutput[], today: string): TransitionOutput {
  const stage = parseDefinition(row.definition).stages.find((s) => s.code === row.stageCode);
  const step = row.stepCode === null ? undefined : stage?.steps.find((s) => s.code === row.stepCode);
  return {
    id: row.id,
    stageCode: row.stageCode,
    stepCode: row.stepCode,
    phase: row.phase,
    stageLabel: stage?.label ?? { zh: row.stageCode, en: row.stageCode },
    stepLabel: row.stepCode === null ? null : (step?.label ?? { zh: row.stepCode, en: row.stepCode }),
    occurredOn: row.occurredOn,
    note: row.note,
    source: row.source,
    eventId: row.eventId,
    recordedAt: row.recordedAt.toISOString(),
    effectiveAt: effectiveTimes(today, { recordedAt: row.recordedAt }),
    recordedByName: row.recordedByName,
    evidence,
  };
}
