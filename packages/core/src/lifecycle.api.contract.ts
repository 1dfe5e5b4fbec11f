/**
 * The lifecycle's API contract: the templates as a city administrator lists, reads, creates and edits them (an edit
 * of a version in use makes the next version), a project's lifecycle (its template, where it stands, its
 * transitions with who recorded them and their evidence, and the stages and steps it may move to next), recording a
 * transition, and the lifecycle settings (how many days back a transition may be dated).
 */
import { z } from 'zod';
import { effectiveTimesSchema } from './app-time.ts';
import { idParam, idSchema } from './id.ts';
import { LIFECYCLE_PHASES, lifecycleDefinitionSchema } from './lifecycle.contract.ts';
import { isoDate } from './project.contract.ts';
import { attachmentOutput } from './visit.contract.ts';

const labelOutput = z.object({ zh: z.string(), en: z.string() });
const templateName = z.strictObject({
  zh: z.string().trim().min(1, { error: 'text.empty' }).max(80, { error: 'text.tooLong' }),
  en: z.string().trim().min(1, { error: 'text.empty' }).max(120, { error: 'text.tooLong' }),
});

export const TRANSITION_SOURCES = ['create', 'migration', 'manual', 'report', 'event', 'import'] as const;
export type TransitionSourceCode = (typeof TRANSITION_SOURCES)[number];

/** A template in the list (GET /lifecycle/templates): the latest version of each code, and the older ones in use. */
export const lifecycleTemplateSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  /** The row's edit counter: If-Match of PUT /lifecycle/templates/:id names it. */
  rowVersion: z.number().int(),
  name: labelOutput,
  isDefault: z.boolean(),
  retired: z.boolean(),
  /** Whether a newer version of the same code exists (this one stays for the projects on it). */
  superseded: z.boolean(),
  /** Projects on this version. */
  inUse: z.number().int(),
  stageCount: z.number().int(),
  stepCount: z.number().int(),
});
export type LifecycleTemplateSummary = z.output<typeof lifecycleTemplateSummary>;

export const lifecycleTemplateList = z.object({ items: z.array(lifecycleTemplateSummary) });
export type LifecycleTemplateList = z.output<typeof lifecycleTemplateList>;

/** GET /lifecycle/templates/:id: a version with its definition. */
export const lifecycleTemplateDetail = lifecycleTemplateSummary.extend({ definition: lifecycleDefinitionSchema });
export type LifecycleTemplateDetail = z.output<typeof lifecycleTemplateDetail>;

/** POST /lifecycle/templates: a new template (version 1). */
export const lifecycleTemplateCreate = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'lifecycle.code' }),
  name: templateName,
  definition: lifecycleDefinitionSchema,
  isDefault: z.boolean().default(false),
});
export type LifecycleTemplateCreate = z.output<typeof lifecycleTemplateCreate>;
export type LifecycleTemplateCreateJson = z.input<typeof lifecycleTemplateCreate>;

/**
 * PUT /lifecycle/templates/:id (If-Match: rowVersion): the version is changed in place when no project uses it,
 * else the next version is made and the old one stays for the projects on it. The answer is the version written.
 */
export const lifecycleTemplateUpdate = z.strictObject({
  name: templateName,
  definition: lifecycleDefinitionSchema,
  isDefault: z.boolean().optional(),
  retired: z.boolean().optional(),
});
export type LifecycleTemplateUpdate = z.output<typeof lifecycleTemplateUpdate>;
export type LifecycleTemplateUpdateJson = z.input<typeof lifecycleTemplateUpdate>;

/** The answer of a template save: the version written and whether it is a new one. */
export const lifecycleTemplateSaved = lifecycleTemplateDetail.extend({ newVersion: z.boolean() });
export type LifecycleTemplateSaved = z.output<typeof lifecycleTemplateSaved>;

/** POST /projects/:id/lifecycle/transitions: a stage (and step) entered on a date. */
export const transitionInput = z.strictObject({
  stageCode: z.string().trim().min(1, { error: 'required' }).max(40, { error: 'text.tooLong' }),
  stepCode: z.string().trim().min(1).max(40, { error: 'text.tooLong' }).nullish(),
  occurredOn: isoDate,
  note: z.string().trim().max(2000, { error: 'text.tooLong' }).nullish(),
});
export type TransitionInput = z.output<typeof transitionInput>;
export type TransitionInputJson = z.input<typeof transitionInput>;

/** A recorded transition as the project's lifecycle lists it. */
export const transitionOutput = z.object({
  id: z.number().int(),
  stageCode: z.string(),
  stepCode: z.string().nullable(),
  phase: z.enum(LIFECYCLE_PHASES),
  /** The stage's (and step's) names in the template the transition was recorded under. */
  stageLabel: labelOutput,
  stepLabel: labelOutput.nullable(),
  occurredOn: z.string(),
  note: z.string().nullable(),
  source: z.enum(TRANSITION_SOURCES),
  eventId: z.number().int().nullable(),
  recordedAt: z.string(),
  effectiveAt: effectiveTimesSchema('recordedAt'),
  recordedByName: z.string().nullable(),
  evidence: z.array(attachmentOutput),
});
export type TransitionOutput = z.output<typeof transitionOutput>;

/** A stage or step the project may move to next (the form's choices). */
export const lifecycleNextOption = z.object({
  stageCode: z.string(),
  stepCode: z.string().nullable(),
  stageLabel: labelOutput,
  stepLabel: labelOutput.nullable(),
  phase: z.enum(LIFECYCLE_PHASES),
  /** The earliest date it may be dated: the later of the back-dating window and the last transition before it. */
  earliest: z.string(),
});
export type LifecycleNextOption = z.output<typeof lifecycleNextOption>;

/** GET /projects/:id/lifecycle. */
export const projectLifecycle = z.object({
  projectId: z.number().int(),
  template: lifecycleTemplateDetail,
  currentStage: z.string().nullable(),
  currentStep: z.string().nullable(),
  currentStageLabel: labelOutput.nullable(),
  currentStepLabel: labelOutput.nullable(),
  phase: z.enum(LIFECYCLE_PHASES),
  actualStartDate: z.string().nullable(),
  actualCompletionDate: z.string().nullable(),
  actualProductionDate: z.string().nullable(),
  /** Oldest first. */
  transitions: z.array(transitionOutput),
  next: z.array(lifecycleNextOption),
  /** The application's date (the latest a transition may be dated) and the earliest by the window. */
  today: z.string(),
  earliest: z.string(),
  /** Whether the project may still be moved to another template (no transitions beyond its first ones). */
  canSwitchTemplate: z.boolean(),
});
export type ProjectLifecycle = z.output<typeof projectLifecycle>;

/** PUT /projects/:id/lifecycle/template. */
export const lifecycleTemplateSwitch = z.strictObject({ templateId: idSchema });
export type LifecycleTemplateSwitch = z.output<typeof lifecycleTemplateSwitch>;

/** Path of a transition's evidence: /projects/:id/lifecycle/transitions/:tid/attachments. */
export const transitionParams = z.strictObject({ id: idParam, tid: idParam });
export type TransitionParams = z.output<typeof transitionParams>;

export const backdateWindowDays = z
  .number({ error: 'lifecycle.window' })
  .int({ error: 'lifecycle.window' })
  .min(0, { error: 'lifecycle.window' })
  .max(3650, { error: 'lifecycle.window' });

/** The lifecycle settings value as stored. */
export const lifecycleSettingsValue = z.object({ backdateWindowDays });
export type LifecycleSettingsValue = z.output<typeof lifecycleSettingsValue>;

/** GET /lifecycle/settings: the value, its version (PUT sends it back; 0: the shipped default), when saved. */
export const lifecycleSettings = z.object({
  backdateWindowDays: z.number().int(),
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type LifecycleSettings = z.output<typeof lifecycleSettings>;

/** PUT /lifecycle/settings. */
export const lifecycleSettingsUpdate = z.strictObject({ backdateWindowDays, version: z.number().int().min(0) });
export type LifecycleSettingsUpdate = z.output<typeof lifecycleSettingsUpdate>;
export type LifecycleSettingsUpdateJson = z.input<typeof lifecycleSettingsUpdate>;
