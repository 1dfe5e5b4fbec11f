/**
 * The one way plan rows become the contract's JSON: a version (with or without its nodes) and a node with its delay
 * against the latest plan and against the baseline's node of the same key (core nodeDelay, as of the application's
 * date). The API, the node lists, the CLI and the audit snapshots all go through here.
 */
import {
  effectiveTimes,
  nodeDelay,
  type AttachmentOutput,
  type PlanNodeOutput,
  type PlanNodeRowOutput,
  type PlanOutput,
  type PlanVersionOutput,
} from '@keyprojects/core';
import type { PlanNodeRow, PlanVersionRow, listNodeRows } from './plan.repository.ts';

/** A baseline node's planned dates, by node key. */
export type BaselineByKey = ReadonlyMap<string, { plannedStart: string; plannedEnd: string }>;

/** The evidence attached to nodes, by node id (one query for all the nodes shown: attachmentsOf). */
export type EvidenceByNode = ReadonlyMap<number, readonly AttachmentOutput[]>;

type NodeFields = Omit<PlanNodeRow, 'planId'>;

/** A node with its delays against its own plan and the baseline, and its evidence. */
export function toPlanNode(
  node: NodeFields,
  baseline: BaselineByKey,
  today: string,
  evidence: EvidenceByNode,
): PlanNodeOutput {
  const own = nodeDelay(node.plannedEnd, node.actualEnd, node.status, today);
  const base = baseline.get(node.key);
  return {
    key: node.key,
    name: node.name,
    stageCode: node.stageCode,
    stepCode: node.stepCode,
    plannedStart: node.plannedStart,
    plannedEnd: node.plannedEnd,
    actualStart: node.actualStart,
    actualEnd: node.actualEnd,
    status: node.status,
    responsibleOrgId: node.responsibleOrgId,
    responsibleOrgName: node.responsibleOrgName,
    responsiblePerson: node.responsiblePerson,
    note: node.note,
    baselineStart: base?.plannedStart ?? null,
    baselineEnd: base?.plannedEnd ?? null,
    delayVsBaselineDays: base ? nodeDelay(base.plannedEnd, node.actualEnd, node.status, today).delayDays : null,
    delayVsPlanDays: own.delayDays,
    overdue: own.overdue,
    evidence: (evidence.get(node.nodeId) ?? []).map(({ id, fileName, mimeType }) => ({ id, fileName, mimeType })),
  };
}

/** A version's header, its times also on the application's date `today`. */
export function toPlanVersion(row: PlanVersionRow, baselineId: number | null, today: string): PlanVersionOutput {
  return {
    id: row.id,
    projectId: row.projectId,
    version: row.version,
    status: row.status,
    isBaseline: row.id === baselineId,
    targetDate: row.targetDate,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedByName: row.approvedByName,
    effectiveAt: effectiveTimes(today, { createdAt: row.createdAt, approvedAt: row.approvedAt }),
  };
}

/** A version with its nodes. */
export function toPlan(
  row: PlanVersionRow,
  nodes: readonly NodeFields[],
  context: { baselineId: number | null; baseline: BaselineByKey; today: string; evidence: EvidenceByNode },
): PlanOutput {
  return {
    ...toPlanVersion(row, context.baselineId, context.today),
    rowVersion: row.rowVersion,
    nodes: nodes.map((node) => toPlanNode(node, context.baseline, context.today, context.evidence)),
  };
}

type ListRow = Awaited<ReturnType<typeof listNodeRows>>['items'][number];

/** A node of the cross-project lists, with its project and region. */
export function toPlanNodeRow(
  row: ListRow,
  baseline: BaselineByKey,
  today: string,
  evidence: EvidenceByNode,
): PlanNodeRowOutput {
  return {
    ...toPlanNode(row, baseline, today, evidence),
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    planVersion: row.planVersion,
  };
}
