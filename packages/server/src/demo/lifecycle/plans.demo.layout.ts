/**
 * The shapes of the demo's milestone plans, pure and deterministic: a project under construction gets four monthly
 * construction nodes (基础施工, 主体结构, 设备安装, 竣工验收) spread from its start to its planned completion, and what
 * its site did by the demo's date follows the project's index: nodes done on time, done late, or still open past
 * their date.
 */
import { addDays, daysBetween, type NodeStatus } from '@keyprojects/core';

/** A node of a demo construction plan. */
export interface DemoNode {
  key: string;
  name: string;
  stageCode: string;
  plannedStart: string;
  plannedEnd: string;
}

const PHASES = [
  { key: 'foundation', name: '基础施工', stageCode: 'construction', share: 0.25 },
  { key: 'main_structure', name: '主体结构', stageCode: 'construction', share: 0.6 },
  { key: 'equipment_installation', name: '设备安装', stageCode: 'construction', share: 0.9 },
  { key: 'completion_acceptance', name: '竣工验收', stageCode: 'completed', share: 1 },
] as const;

/** The four construction nodes from `start` to `end` (both included), or null when the span is under 20 days. */
export function constructionNodes(start: string, end: string): DemoNode[] | null {
  const days = daysBetween(start, end) + 1;
  if (days < 20) return null;
  let from = start;
  return PHASES.map((phase, index) => {
    const plannedEnd = index === PHASES.length - 1 ? end : addDays(start, Math.round(days * phase.share) - 1);
    const node = { key: phase.key, name: phase.name, stageCode: phase.stageCode, plannedStart: from, plannedEnd };
    from = addDays(plannedEnd, 1);
    return node;
  });
}

/** What the demo records of a node as of its date; null: nothing yet (pending). */
export interface DemoProgress {
  status: NodeStatus;
  actualStart: string;
  actualEnd: string | null;
}

/**
 * A node's progress by the project's pattern (index mod 4): 0 finishes on time, 1 finishes late, 2 finishes late
 * but leaves its latest due node open (overdue), 3 alternates. The node under way on `today` is in progress.
 */
export function demoProgress(node: DemoNode, index: number, isLatestDue: boolean, today: string): DemoProgress | null {
  if (node.plannedStart > today) return null;
  const actualStart = addDays(node.plannedStart, index % 3);
  const started = actualStart > today ? node.plannedStart : actualStart;
  if (node.plannedEnd >= today) return { status: 'in_progress', actualStart: started, actualEnd: null };
  const pattern = index % 4;
  const late = pattern === 1 || pattern === 2 || (pattern === 3 && node.key !== 'foundation');
  if (pattern === 2 && isLatestDue) return { status: 'in_progress', actualStart: started, actualEnd: null };
  const onTime = addDays(node.plannedEnd, -(index % 3));
  const end = late ? addDays(node.plannedEnd, 6 + (index % 5) * 4) : onTime < started ? started : onTime;
  // A late finish that would fall after the demo's date is still open: overdue.
  if (end > today) return { status: 'in_progress', actualStart: started, actualEnd: null };
  return { status: 'done', actualStart: started, actualEnd: end };
}

/** Why a re-planned demo project moved its target, by index. */
export const REPLAN_REASONS = [
  '冬季停工期延长，主体结构顺延',
  '设备进口清关延误，安装工期调整',
  '规划条件调整，追加设计变更',
  '资金到位推迟，按新的资金计划重排',
] as const;

/** Days a re-planned project's target moved, by index. */
export const REPLAN_DAYS = [45, 60, 90] as const;
