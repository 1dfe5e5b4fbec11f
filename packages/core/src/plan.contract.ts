/**
 * The milestone plan's (里程碑计划) API contract: generating a plan backwards from a target date (倒排工期), editing
 * its nodes (If-Match on the plan's row version), approving it (the first approved version is the baseline), a
 * re-plan with its reason, recording a node's actual dates, and the views: a project's plan with the delay of every
 * node against both the baseline and the latest plan, and the node lists per region or responsible unit (月节点、
 * 周任务). The date arithmetic behind them is in plan.schedule.ts. Dates are inclusive: a node of d days runs from
 * plannedStart to plannedStart + d − 1, and a generated node ends the day before its earliest successor starts.
 */
import { z } from 'zod';
import { effectiveTimesSchema } from './app-time.ts';
import { idParam, idSchema } from './id.ts';
import { isoDate } from './project.contract.ts';
import { REGION_CODE_PATTERN } from './region.ts';
import { attachmentOutput } from './visit.contract.ts';

export const PLAN_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const NODE_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

const optionalText = (max: number) => z.string().trim().max(max, { error: 'text.tooLong' }).nullish();
const regionCodeParam = z.string().regex(REGION_CODE_PATTERN, { error: 'region.unknown' }).optional();
const nodeKey = z.string().regex(/^[a-z0-9_]{1,60}$/, { error: 'plan.nodeKey' });

/** POST /projects/:id/plan/generate: a draft laid out backwards from the target date with the template's durations. */
export const planGenerateBody = z.strictObject({
  /** The day the plan's last node ends. */
  targetDate: isoDate,
  /** The template stage the plan runs to (its last node); absent: the template's last stage. */
  untilStage: z.string().max(40).optional(),
  /** Why the plan changes; required when an approved plan exists (a re-plan). */
  reason: optionalText(2000),
});
export type PlanGenerateBody = z.output<typeof planGenerateBody>;
export type PlanGenerateBodyJson = z.input<typeof planGenerateBody>;

export const planNodeInput = z.strictObject({
  key: nodeKey,
  name: z.string().trim().min(1, { error: 'text.empty' }).max(200, { error: 'text.tooLong' }),
  stageCode: z.string().max(40).nullish(),
  stepCode: z.string().max(40).nullish(),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  responsibleOrgId: idSchema.nullish(),
  responsiblePerson: optionalText(100),
  note: optionalText(2000),
});
export type PlanNodeInput = z.output<typeof planNodeInput>;
export type PlanNodeInputJson = z.input<typeof planNodeInput>;

/** PUT /projects/:id/plan/draft (If-Match: the draft's row version): the draft's nodes replaced whole. */
export const planDraftBody = z.strictObject({
  targetDate: isoDate,
  reason: optionalText(2000),
  nodes: z.array(planNodeInput).min(1).max(200),
});
export type PlanDraftBody = z.output<typeof planDraftBody>;
export type PlanDraftBodyJson = z.input<typeof planDraftBody>;

/** PUT /projects/:id/plan/nodes/:key/progress: a node's actual dates and status on the current plan. */
export const planNodeProgressBody = z.strictObject({
  status: z.enum(NODE_STATUSES),
  actualStart: isoDate.nullish(),
  actualEnd: isoDate.nullish(),
  note: optionalText(2000),
});
export type PlanNodeProgressBody = z.output<typeof planNodeProgressBody>;
export type PlanNodeProgressBodyJson = z.input<typeof planNodeProgressBody>;

export const planNodeOutput = z.object({
  key: z.string(),
  name: z.string(),
  stageCode: z.string().nullable(),
  stepCode: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  status: z.enum(NODE_STATUSES),
  responsibleOrgId: z.number().nullable(),
  responsibleOrgName: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  note: z.string().nullable(),
  /** The node's planned start in the baseline (null as baselineEnd), for the Gantt's ghost bar. */
  baselineStart: z.string().nullable(),
  /** The node's planned end in the baseline (null when the node is new since the baseline or none is approved). */
  baselineEnd: z.string().nullable(),
  /** Days late against the baseline and against this plan: finished late, or still open past the date (0: on time). */
  delayVsBaselineDays: z.number().nullable(),
  delayVsPlanDays: z.number(),
  overdue: z.boolean(),
  /**
   * Files attached to the node as evidence (images or PDFs; bytes at `/api/v1/attachments/:id`). They hang off the
   * node of the current plan and follow it by key when a re-plan is approved; a node dropped by a re-plan keeps its
   * evidence on the superseded version's node.
   */
  evidence: z.array(attachmentOutput.pick({ id: true, fileName: true, mimeType: true })),
});
export type PlanNodeOutput = z.output<typeof planNodeOutput>;

export const planOutput = z.object({
  id: z.number(),
  projectId: z.number(),
  version: z.number(),
  status: z.enum(PLAN_STATUSES),
  isBaseline: z.boolean(),
  targetDate: z.string(),
  reason: z.string().nullable(),
  rowVersion: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  effectiveAt: effectiveTimesSchema('createdAt', 'approvedAt'),
  nodes: z.array(planNodeOutput),
});
export type PlanOutput = z.output<typeof planOutput>;

export const planVersionOutput = planOutput.omit({ nodes: true, rowVersion: true });
export type PlanVersionOutput = z.output<typeof planVersionOutput>;

/** GET /projects/:id/plan?untilStage=: the stage the earliest target is computed to (absent: the last stage). */
export const projectPlanQuery = z.strictObject({
  untilStage: z.string().max(40).optional(),
});
export type ProjectPlanQuery = z.output<typeof projectPlanQuery>;
export type ProjectPlanQueryJson = z.input<typeof projectPlanQuery>;

/** GET /projects/:id/plan: the current (latest approved) plan, the draft if any, the baseline and every version. */
export const projectPlanOutput = z.object({
  projectId: z.number(),
  asOf: z.string(),
  current: planOutput.nullable(),
  draft: planOutput.nullable(),
  baseline: planVersionOutput.nullable(),
  versions: z.array(planVersionOutput),
  /**
   * The earliest target date a backwards plan (to `untilStage`, else the last stage) can have from the application's
   * date: today + the critical path of the steps still ahead − 1 day; null when nothing is left to plan.
   */
  earliestTarget: z.string().nullable(),
});
export type ProjectPlanOutput = z.output<typeof projectPlanOutput>;

/** GET /plans/nodes: nodes due in a window (this month's nodes, this week's tasks) or overdue, across projects. */
export const planNodesQuery = z.strictObject({
  window: z.enum(['week', 'month', 'overdue']).default('month'),
  regionCode: regionCodeParam,
  responsibleOrgId: idParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlanNodesQuery = z.output<typeof planNodesQuery>;
export type PlanNodesQueryJson = z.input<typeof planNodesQuery>;

export const planNodeRowOutput = planNodeOutput.extend({
  projectId: z.number(),
  projectCode: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  planVersion: z.number(),
});
export type PlanNodeRowOutput = z.output<typeof planNodeRowOutput>;

export const planNodesOutput = z.object({
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  items: z.array(planNodeRowOutput),
});
export type PlanNodesOutput = z.output<typeof planNodesOutput>;

/** GET /plans/replanned: a region's re-planned projects with the days the target moved against the baseline. */
export const replannedRowOutput = z.object({
  projectId: z.number(),
  projectCode: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  versions: z.number(),
  baselineTarget: z.string(),
  latestTarget: z.string(),
  daysMoved: z.number(),
  lastReason: z.string().nullable(),
  lastReplannedAt: z.string(),
  effectiveAt: effectiveTimesSchema('lastReplannedAt'),
  /** Who approved the latest version (the re-plan's owner), null when the account is gone. */
  lastReplannedByName: z.string().nullable(),
});
export type ReplannedRowOutput = z.output<typeof replannedRowOutput>;

/** GET /plans/replanned: the query (a region inside the actor's scope; absent: the whole scope). */
export const replannedQuery = z.strictObject({
  regionCode: regionCodeParam,
});
export type ReplannedQuery = z.output<typeof replannedQuery>;
export type ReplannedQueryJson = z.input<typeof replannedQuery>;

export const replannedOutput = z.object({
  asOf: z.string(),
  total: z.number(),
  items: z.array(replannedRowOutput),
});
export type ReplannedOutput = z.output<typeof replannedOutput>;

/** The path of a node's progress: the project and the node's key. */
export const planNodeParams = z.strictObject({
  id: idParam,
  key: nodeKey,
});
export type PlanNodeParams = z.output<typeof planNodeParams>;
export type PlanNodeParamsJson = z.input<typeof planNodeParams>;

/** A node as the draft editor sends it back: the output's editable fields (an edit starts from what was shown). */
export function toPlanNodeInput(node: PlanNodeOutput): PlanNodeInput {
  return {
    key: node.key,
    name: node.name,
    stageCode: node.stageCode,
    stepCode: node.stepCode,
    plannedStart: node.plannedStart,
    plannedEnd: node.plannedEnd,
    responsibleOrgId: node.responsibleOrgId,
    responsiblePerson: node.responsiblePerson,
    note: node.note,
  };
}
