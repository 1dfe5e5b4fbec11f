/**
 * The date arithmetic of milestone plans (里程碑计划): laying a template's remaining steps out backwards from a
 * target date (倒排工期), the earliest target a plan can have from the application's date, a node's delay, and the
 * windows of this week's tasks and this month's nodes (周任务、月节点).
 *
 * Convention (used everywhere here, and by the server and web): a node of `d` days occupies `d` calendar days
 * counted inclusively, so it starts on `end − (d − 1)` and a one-day milestone starts and ends on the same date;
 * a node ends the day BEFORE its earliest successor starts. The plan's sinks (nodes nothing waits for) end on the
 * target date, and the first node may start on the application's date at the earliest.
 */
import { addDays, dayOfWeek, daysBetween, daysInMonth, dateParts } from './iso-date.ts';
import type { LifecycleDefinition } from './lifecycle.contract.ts';
import type { LifecyclePosition } from './lifecycle.transition.ts';
import type { NodeStatus } from './plan.contract.ts';

/** A node as the generator lays it out: the step (or stepless stage) it plans, its dates and what it waits for. */
export interface ScheduledNode {
  /** The step's code, or the stage's code for a stage without steps; stable across versions of the plan. */
  key: string;
  name: string;
  stageCode: string;
  stepCode: string | null;
  durationDays: number;
  /** Keys of the nodes (among the generated ones) this node waits for. */
  after: string[];
  plannedStart: string;
  plannedEnd: string;
}

type PlanItem = Omit<ScheduledNode, 'plannedStart' | 'plannedEnd'>;

/**
 * The template's steps (and stages without steps) in template order with their dependencies: a step's `after`, else
 * the item before it in template order. Items before the position (done) and after `untilStage` are dropped, and so
 * are dependencies on dropped items. The position's own step is kept: entering it means it is under way, not done.
 */
export function planItems(
  definition: LifecycleDefinition,
  fromPosition: Pick<LifecyclePosition, 'stageIndex' | 'stepIndex'> | null,
  untilStage?: string,
): PlanItem[] | { error: 'plan.untilStageUnknown' } {
  const lastStage = untilStage === undefined ? definition.stages.length - 1 : stageIndexOf(definition, untilStage);
  if (lastStage < 0) return { error: 'plan.untilStageUnknown' };
  const all: (PlanItem & { stageIndex: number; stepIndex: number })[] = [];
  definition.stages.forEach((stage, stageIndex) => {
    if (stage.steps.length === 0) {
      const previous = all.at(-1);
      all.push({
        key: stage.code,
        name: stage.label.zh,
        stageCode: stage.code,
        stepCode: null,
        durationDays: stage.durationDays ?? 1,
        after: previous ? [previous.key] : [],
        stageIndex,
        stepIndex: -1,
      });
      return;
    }
    stage.steps.forEach((step, stepIndex) => {
      const previous = all.at(-1);
      all.push({
        key: step.code,
        name: step.label.zh,
        stageCode: stage.code,
        stepCode: step.code,
        durationDays: step.durationDays,
        after: step.after ? [...step.after] : previous ? [previous.key] : [],
        stageIndex,
        stepIndex,
      });
    });
  });
  const kept = all.filter(
    (item) =>
      item.stageIndex <= lastStage &&
      (fromPosition === null ||
        item.stageIndex > fromPosition.stageIndex ||
        (item.stageIndex === fromPosition.stageIndex && item.stepIndex >= fromPosition.stepIndex)),
  );
  const keys = new Set(kept.map((item) => item.key));
  return kept.map(({ stageIndex: _s, stepIndex: _i, ...item }) => ({
    ...item,
    after: item.after.filter((key) => keys.has(key)),
  }));
}

function stageIndexOf(definition: LifecycleDefinition, code: string): number {
  return definition.stages.findIndex((stage) => stage.code === code);
}

/** Days from the first node's start to the last node's end along the longest chain (the critical path). */
export function criticalPathDays(items: readonly PlanItem[]): number {
  const finish = new Map<string, number>();
  const byKey = new Map(items.map((item) => [item.key, item]));
  const finishOf = (item: PlanItem, seen: Set<string>): number => {
    const known = finish.get(item.key);
    if (known !== undefined) return known;
    if (seen.has(item.key)) return 0; // a cycle: templates are validated against them, never loop on one
    seen.add(item.key);
    let start = 0;
    for (const key of item.after) {
      const before = byKey.get(key);
      if (before) start = Math.max(start, finishOf(before, seen));
    }
    const value = start + item.durationDays;
    finish.set(item.key, value);
    return value;
  };
  return items.reduce((longest, item) => Math.max(longest, finishOf(item, new Set())), 0);
}

/**
 * The nodes of a plan laid out backwards from `targetDate`: see the file's convention. Refused when `untilStage`
 * is not a stage of the template; an empty list when nothing is left to plan.
 */
export function generateBackwards(
  definition: LifecycleDefinition,
  fromPosition: Pick<LifecyclePosition, 'stageIndex' | 'stepIndex'> | null,
  targetDate: string,
  untilStage?: string,
): ScheduledNode[] | { error: 'plan.untilStageUnknown' } {
  const items = planItems(definition, fromPosition, untilStage);
  if ('error' in items) return items;
  const successors = new Map<string, PlanItem[]>(items.map((item) => [item.key, []]));
  for (const item of items) for (const key of item.after) successors.get(key)?.push(item);
  const starts = new Map<string, string>();
  const ends = new Map<string, string>();
  const endOf = (item: PlanItem, seen: Set<string>): string => {
    const known = ends.get(item.key);
    if (known !== undefined) return known;
    let end = targetDate;
    if (!seen.has(item.key)) {
      seen.add(item.key);
      for (const next of successors.get(item.key) ?? []) {
        const dayBefore = addDays(startOf(next, seen), -1);
        if (dayBefore < end) end = dayBefore;
      }
    }
    ends.set(item.key, end);
    starts.set(item.key, addDays(end, -(item.durationDays - 1)));
    return end;
  };
  const startOf = (item: PlanItem, seen: Set<string>): string => {
    endOf(item, seen);
    return starts.get(item.key) ?? targetDate;
  };
  return items.map((item) => {
    const plannedEnd = endOf(item, new Set());
    return { ...item, plannedStart: starts.get(item.key) ?? plannedEnd, plannedEnd };
  });
}

/**
 * The earliest target date a backwards plan can have: the remaining nodes laid end to end along the critical path
 * from `today` (the first node starting on it), i.e. today + critical path − 1 day under the inclusive convention.
 * Null when nothing is left to plan or `untilStage` is unknown.
 */
export function earliestTarget(
  definition: LifecycleDefinition,
  fromPosition: Pick<LifecyclePosition, 'stageIndex' | 'stepIndex'> | null,
  today: string,
  untilStage?: string,
): string | null {
  const items = planItems(definition, fromPosition, untilStage);
  if ('error' in items || items.length === 0) return null;
  return addDays(today, criticalPathDays(items) - 1);
}

/** How late a node is against a planned end: finished after it, or still open past it (0: on time). */
export interface NodeDelay {
  delayDays: number;
  /** Open (not done) and past its planned end as of today. */
  overdue: boolean;
}

/**
 * A node's delay against one planned end (the latest plan's, or the baseline's node of the same key): a done node is
 * late by the days its actual end passed the planned end; an open node by the days today is past it.
 */
export function nodeDelay(plannedEnd: string, actualEnd: string | null, status: NodeStatus, today: string): NodeDelay {
  if (status === 'done') {
    return { delayDays: actualEnd === null ? 0 : Math.max(0, daysBetween(plannedEnd, actualEnd)), overdue: false };
  }
  const late = daysBetween(plannedEnd, today);
  return { delayDays: Math.max(0, late), overdue: late > 0 };
}

/** A span of dates, both ends included. */
export interface DateWindow {
  from: string;
  to: string;
}

/** This week, Monday to Sunday, around the application's date (周任务). */
export function weekWindow(today: string): DateWindow {
  const sinceMonday = (dayOfWeek(today) + 6) % 7;
  const from = addDays(today, -sinceMonday);
  return { from, to: addDays(from, 6) };
}

/** This month, first to last day, around the application's date (月节点). */
export function monthWindow(today: string): DateWindow {
  const { year, month } = dateParts(today);
  const prefix = today.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(daysInMonth(year, month)).padStart(2, '0')}` };
}
