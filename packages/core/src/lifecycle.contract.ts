/**
 * Lifecycle templates (全生命周期模板) as configuration: the stages a project passes through, each mapped onto one
 * of the seven statistical phases (the `projects.stage` codes the figures count by), and the steps inside a stage
 * with a typical duration and the steps they wait for (`after`; steps that wait for the same ones run in parallel,
 * and a `parallelGroup` names such a set). The shape is checked here; the rules across steps (unknown steps,
 * cycles, order, groups) are in lifecycle.template.ts. Two templates ship: the default one, whose reserve steps
 * are the ones Chengdu counts its 110 reserve projects by, and Shenyang's "five stages, thirteen steps".
 */
import { z } from 'zod';
import { DEFAULT_STAGES, type Label } from './codelists.ts';

/** The statistical phases a template stage maps onto (the seeded `lifecycle_stages` codes). */
export const LIFECYCLE_PHASES = [
  'reserve',
  'preparation',
  'started',
  'construction',
  'completed',
  'production',
  'full_capacity',
] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];
/** The phases before the start: a project's first transition to one of them only says since when it is known. */
export const PRE_START_PHASES: readonly LifecyclePhase[] = ['reserve', 'preparation'];

const codeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'lifecycle.code' });
const labelSchema = z.strictObject({ zh: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(120) });

export const lifecycleStepSchema = z.strictObject({
  code: codeSchema,
  label: labelSchema,
  /** Typical working duration in calendar days; the plan generator lays the step out backwards with it. */
  durationDays: z.number().int({ error: 'lifecycle.duration' }).min(1, { error: 'lifecycle.duration' }).max(3650, {
    error: 'lifecycle.duration',
  }),
  /** Steps (of any stage) this one waits for; absent means the step before it in the template's order. */
  after: z.array(codeSchema).max(20).optional(),
  /** Steps sharing a group run side by side: none of them may wait for another of the group. */
  parallelGroup: codeSchema.optional(),
});
export type LifecycleStep = z.output<typeof lifecycleStepSchema>;

export const lifecycleStageSchema = z.strictObject({
  code: codeSchema,
  label: labelSchema,
  phase: z.enum(LIFECYCLE_PHASES),
  /** Typical days spent in a stage without steps (a plan lays it out as one node); absent: a one-day milestone. */
  durationDays: z
    .number()
    .int({ error: 'lifecycle.duration' })
    .min(1, { error: 'lifecycle.duration' })
    .max(3650, { error: 'lifecycle.duration' })
    .optional(),
  steps: z.array(lifecycleStepSchema).max(30).default([]),
});
export type LifecycleStage = z.output<typeof lifecycleStageSchema>;

export const lifecycleDefinitionSchema = z.strictObject({
  stages: z.array(lifecycleStageSchema).min(1).max(20),
});
export type LifecycleDefinition = z.output<typeof lifecycleDefinitionSchema>;
export type LifecycleDefinitionInput = z.input<typeof lifecycleDefinitionSchema>;

/** A shipped template: its code, names and definition (seeded as version 1 by the lifecycle migration). */
export interface ShippedLifecycleTemplate {
  code: string;
  name: Label;
  definition: LifecycleDefinition;
}

const phaseLabel = (phase: LifecyclePhase): Label =>
  DEFAULT_STAGES.find((s) => s.code === phase)?.label ?? { zh: phase, en: phase };
const stage = (phase: LifecyclePhase, steps: LifecycleStep[] = [], durationDays?: number): LifecycleStage => ({
  code: phase,
  label: phaseLabel(phase),
  phase,
  ...(durationDays === undefined ? {} : { durationDays }),
  steps,
});
const step = (code: string, zh: string, en: string, durationDays: number, extra: Partial<LifecycleStep> = {}) => ({
  code,
  label: { zh, en },
  durationDays,
  ...extra,
});

/**
 * The default lifecycle: the seven phases as stages (so the existing stage field maps onto it one to one), with the
 * five preparation steps of a reserve project in order: 签订投资协议 while in reserve, then 项目建议书及可研,
 * 立项用地规划许可, 初步设计及施工图 and 施工准备 in preparation. The reserve library (储备库) counts the projects
 * not yet started by these steps, as Chengdu counted its 110 (71 / 18 / 11 / 3 / 7).
 */
export const DEFAULT_LIFECYCLE_TEMPLATE: ShippedLifecycleTemplate = {
  code: 'default',
  name: { zh: '默认全生命周期', en: 'Default lifecycle' },
  definition: {
    stages: [
      stage('reserve', [step('investment_agreement', '签订投资协议', 'Investment agreement signed', 30)]),
      stage('preparation', [
        step('proposal_feasibility', '项目建议书及可研', 'Proposal and feasibility study', 60),
        step('approval_land_planning', '立项用地规划许可', 'Approval, land and planning permits', 60),
        step('design_drawings', '初步设计及施工图', 'Preliminary design and construction drawings', 45),
        step('site_preparation', '施工准备', 'Site preparation', 30),
      ]),
      stage('started', [], 1),
      stage('construction', [], 540),
      stage('completed', [], 60),
      stage('production', [], 180),
      stage('full_capacity'),
    ],
  },
};

/**
 * "Five stages, thirteen steps" (五大阶段、13个主要环节, as Shenyang tracks them): planning, approvals (where the
 * land, planning, environment and energy reviews run side by side), construction, acceptance and operation.
 */
export const FIVE_STAGES_TEMPLATE: ShippedLifecycleTemplate = {
  code: 'five_stages',
  name: { zh: '五大阶段13个环节', en: 'Five stages, thirteen steps' },
  definition: {
    stages: [
      {
        code: 'planning',
        label: { zh: '谋划储备', en: 'Planning and reserve' },
        phase: 'reserve',
        steps: [
          step('project_planning', '项目谋划', 'Project planning', 30),
          step('investment_agreement', '签订投资协议', 'Investment agreement signed', 30),
          step('proposal_feasibility', '项目建议书及可研', 'Proposal and feasibility study', 60),
        ],
      },
      {
        code: 'approvals',
        label: { zh: '前期审批', en: 'Approvals' },
        phase: 'preparation',
        steps: [
          step('project_approval', '立项审批核准备案', 'Approval, authorisation or filing', 20),
          step('land_use', '用地预审与选址', 'Land use and site selection', 45, {
            after: ['project_approval'],
            parallelGroup: 'permits',
          }),
          step('planning_permit', '规划许可', 'Planning permits', 30, {
            after: ['project_approval'],
            parallelGroup: 'permits',
          }),
          step('environment_energy', '环评能评', 'Environmental and energy reviews', 40, {
            after: ['project_approval'],
            parallelGroup: 'permits',
          }),
          step('design_drawings', '初步设计及施工图审查', 'Design and drawing review', 45, {
            after: ['land_use', 'planning_permit', 'environment_energy'],
          }),
          step('construction_permit', '施工许可', 'Construction permit', 15),
        ],
      },
      {
        code: 'building',
        label: { zh: '开工建设', en: 'Construction' },
        phase: 'construction',
        steps: [step('groundbreaking', '开工', 'Groundbreaking', 1), step('main_works', '主体施工', 'Main works', 180)],
      },
      {
        code: 'acceptance',
        label: { zh: '竣工验收', en: 'Completion and acceptance' },
        phase: 'completed',
        steps: [step('completion_acceptance', '竣工验收', 'Completion acceptance', 30)],
      },
      {
        code: 'operation',
        label: { zh: '投产达效', en: 'Production and capacity' },
        phase: 'production',
        steps: [step('production_start', '投产', 'Production started', 30)],
      },
    ],
  },
};

export const SHIPPED_LIFECYCLE_TEMPLATES: readonly ShippedLifecycleTemplate[] = [
  DEFAULT_LIFECYCLE_TEMPLATE,
  FIVE_STAGES_TEMPLATE,
];
