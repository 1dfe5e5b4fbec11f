/**
 * A project's milestone plan and lifecycle transitions as OC4IDS `milestones`, and incoming `milestones` as the
 * nodes of a draft plan. Pure: the server reads the current approved plan, the transitions and the templates.
 *
 * milestoneType (an open codelist) by where a node sits in its template, from the codelist's descriptions:
 * - preProcurement ("planning … such as the preparation of key studies"): 项目谋划, 项目建议书及可研 and
 *   初步设计及施工图 (studies and designs written before the works are bought), and any other reserve-phase node;
 * - approval ("the sign-off of a contract or project"): 签订投资协议 (a contract signed) and the permits and
 *   approvals of the preparation phase (立项用地规划许可, 施工准备, 环评能评 …);
 * - delivery ("the date when a good or service is to be provided"): start, construction, completion, production and
 *   full capacity. Production is the asset delivering its service, not a report, so not 'reporting'.
 * A node of no known stage (a custom node) gets no type rather than a guessed one.
 *
 * milestoneStatus (closed) is judged on the application's date, which goes out as dateModified as the codelist
 * asks: met when the node has an actual end; notMet when its planned end has passed without one; scheduled
 * otherwise. partiallyMet is not used (a node is done or not).
 *
 * Transitions: each stage or step entered is a met milestone ("进入：在建") unless the plan has a node for the same
 * stage and step — that node is the project's record of the stage, and the same stage twice under two ids would
 * read as two events. Transitions the import wrote are left out (their date is the day we learned the status, not
 * the day it happened), as is anything dated after the application's date.
 */
import type { LifecycleDefinition, LifecyclePhase } from './lifecycle.contract.ts';
import { positionIn, positionName } from './lifecycle.transition.ts';
import type { Oc4idsImportMilestone, Oc4idsMilestone, Oc4idsMilestoneType } from './oc4ids.contract.ts';
import { isoDate } from './project.contract.ts';

/** The type of a node or transition of a phase, unless its step says otherwise (STEP_MILESTONE_TYPES). */
export const PHASE_MILESTONE_TYPES: Readonly<Record<LifecyclePhase, Oc4idsMilestoneType>> = {
  reserve: 'preProcurement',
  preparation: 'approval',
  started: 'delivery',
  construction: 'delivery',
  completed: 'delivery',
  production: 'delivery',
  full_capacity: 'delivery',
};

/** Steps of the shipped templates whose nature differs from their phase's. */
export const STEP_MILESTONE_TYPES: Readonly<Record<string, Oc4idsMilestoneType>> = {
  project_planning: 'preProcurement',
  investment_agreement: 'approval',
  proposal_feasibility: 'preProcurement',
  design_drawings: 'preProcurement',
};

/** milestoneCode (open codelist) where one names the event exactly. */
const PHASE_MILESTONE_CODES: Partial<Record<LifecyclePhase, string>> = {
  started: 'commencement',
  completed: 'completion',
};
const STEP_MILESTONE_CODES: Readonly<Record<string, string>> = {
  approval_land_planning: 'projectApproval',
  project_approval: 'projectApproval',
  groundbreaking: 'commencement',
  completion_acceptance: 'completion',
};

/** A node of the current approved plan, as the export reads it. */
export interface Oc4idsPlanNodeSource {
  key: string;
  name: string;
  stageCode: string | null;
  stepCode: string | null;
  plannedEnd: string;
  actualEnd: string | null;
}

/** A recorded transition with the definition of the template it was recorded under. */
export interface Oc4idsTransitionSource {
  id: number;
  stageCode: string;
  stepCode: string | null;
  phase: LifecyclePhase;
  occurredOn: string;
  source: string;
  definition: LifecycleDefinition | null;
}

/** The project's lifecycle as the export reads it. */
export interface Oc4idsLifecycleSource {
  /** The application's date: statuses are judged on it. */
  today: string;
  /** The definition of the project's template (the plan's nodes name its stages and steps). */
  definition: LifecycleDefinition | null;
  nodes: readonly Oc4idsPlanNodeSource[];
  transitions: readonly Oc4idsTransitionSource[];
}

const own = <T>(record: Readonly<Record<string, T>>, key: string | null): T | undefined =>
  key !== null && Object.hasOwn(record, key) ? record[key] : undefined;

/** The milestoneType and milestoneCode of a stage (and step) of a given phase. */
export function milestoneClassOf(
  phase: LifecyclePhase,
  stepCode: string | null,
): { type: Oc4idsMilestoneType; code?: string } {
  const type = own(STEP_MILESTONE_TYPES, stepCode) ?? PHASE_MILESTONE_TYPES[phase];
  const code = own(STEP_MILESTONE_CODES, stepCode) ?? (stepCode === null ? PHASE_MILESTONE_CODES[phase] : undefined);
  return code === undefined ? { type } : { type, code };
}

/** A calendar date in China as an OC4IDS date-time (midnight, UTC+8), as every date of the export. */
export function toOc4idsDateTime(date: string): string {
  return `${date}T00:00:00+08:00`;
}

function phaseOf(definition: LifecycleDefinition | null, stageCode: string | null, stepCode: string | null) {
  if (definition === null || stageCode === null) return null;
  const position = positionIn(definition, stageCode, stepCode);
  return 'error' in position ? null : position;
}

function nodeMilestone(node: Oc4idsPlanNodeSource, source: Oc4idsLifecycleSource): Oc4idsMilestone {
  const position = phaseOf(source.definition, node.stageCode, node.stepCode);
  const status = node.actualEnd !== null ? 'met' : node.plannedEnd < source.today ? 'notMet' : 'scheduled';
  return {
    id: node.key,
    title: node.name,
    ...(position ? milestoneClassOf(position.phase, node.stepCode) : {}),
    dueDate: toOc4idsDateTime(node.plannedEnd),
    ...(node.actualEnd === null ? {} : { dateMet: toOc4idsDateTime(node.actualEnd) }),
    dateModified: toOc4idsDateTime(source.today),
    status,
  };
}

function transitionMilestone(transition: Oc4idsTransitionSource, today: string): Oc4idsMilestone {
  const position = phaseOf(transition.definition, transition.stageCode, transition.stepCode);
  const name =
    position && transition.definition
      ? positionName(transition.definition, position)
      : (transition.stepCode ?? transition.stageCode);
  return {
    id: `lifecycle-${transition.id.toString()}`,
    title: `进入：${name}`,
    ...milestoneClassOf(transition.phase, transition.stepCode),
    description: '项目进入该阶段（环节）的日期，来自项目的全生命周期记录。',
    dueDate: toOc4idsDateTime(transition.occurredOn),
    dateMet: toOc4idsDateTime(transition.occurredOn),
    dateModified: toOc4idsDateTime(today),
    status: 'met',
  };
}

/** The milestones of a project: the current plan's nodes in plan order, then the transitions no node covers. */
export function milestonesOf(source: Oc4idsLifecycleSource): Oc4idsMilestone[] {
  const covered = new Set(source.nodes.map((node) => `${node.stageCode ?? ''}\u0000${node.stepCode ?? ''}`));
  const transitions = source.transitions
    .filter((t) => t.source !== 'import' && t.occurredOn <= source.today)
    .filter((t) => !covered.has(`${t.stageCode}\u0000${t.stepCode ?? ''}`))
    .toSorted((a, b) => (a.occurredOn === b.occurredOn ? a.id - b.id : a.occurredOn < b.occurredOn ? -1 : 1));
  return [
    ...source.nodes.map((node) => nodeMilestone(node, source)),
    ...transitions.map((t) => transitionMilestone(t, source.today)),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** Why an incoming milestone was not imported (kept in the import's details with its id). */
export type MilestoneRejection =
  'dueDate.missing' | 'dueDate.invalid' | 'dateMet.invalid' | 'dateMet.future' | 'tooMany';

/** A node of the draft plan an import writes (plan.contract's node input, plus the actual end and status). */
export interface Oc4idsImportedNode {
  key: string;
  name: string;
  stageCode: string | null;
  stepCode: string | null;
  plannedStart: string;
  plannedEnd: string;
  actualEnd: string | null;
  status: 'pending' | 'in_progress' | 'done';
  sortOrder: number;
}

/** The draft plan of an imported project's milestones, and the milestones left out. */
export interface Oc4idsMilestonePlan {
  /** The last node's planned end; null when no milestone could be imported. */
  targetDate: string | null;
  nodes: Oc4idsImportedNode[];
  rejected: { id: string; reason: MilestoneRejection }[];
}

/** A plan holds at most this many nodes (plan.contract's draft limit). */
export const MAX_IMPORTED_NODES = 200;
const NODE_KEY_MAX = 60;
const NODE_NAME_MAX = 200;

/** The calendar date of a date-time in its own offset, when it is a real day ("2021-02-30…" is not). */
function calendarDate(dateTime: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}/.exec(dateTime);
  const date = match?.[1];
  return date !== undefined && isoDate.safeParse(date).success ? date : null;
}

/** A node key (^[a-z0-9_]{1,60}$) from a milestone id: lower case, other characters as "_", unique in the plan. */
export function nodeKeyOf(id: string, index: number, taken: ReadonlySet<string>): string {
  const base =
    id
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, NODE_KEY_MAX) || `m_${(index + 1).toString()}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n.toString()}`;
    const key = `${base.slice(0, NODE_KEY_MAX - suffix.length)}${suffix}`;
    if (!taken.has(key)) return key;
  }
}

/**
 * The draft plan of incoming milestones. A milestone is a point in time: planned start and end are its due date;
 * it is done when it has a date met (or says met), in progress when partly met. A key that names a stage or
 * step of `definition` (as our own export's node keys do) puts the node back on it. A milestone without a due
 * date, with a date that is not a real day, or met after `today`, is left out and reported.
 */
export function planMilestoneImport(
  milestones: readonly Oc4idsImportMilestone[],
  today: string,
  definition: LifecycleDefinition | null,
): Oc4idsMilestonePlan {
  const nodes: Oc4idsImportedNode[] = [];
  const rejected: Oc4idsMilestonePlan['rejected'] = [];
  const taken = new Set<string>();
  for (const [index, milestone] of milestones.entries()) {
    const reason = rejectionOf(milestone, today, nodes.length);
    if (reason) {
      rejected.push({ id: milestone.id, reason });
      continue;
    }
    const due = calendarDate(milestone.dueDate ?? '') ?? '';
    const met = milestone.dateMet === undefined ? null : calendarDate(milestone.dateMet);
    const key = nodeKeyOf(milestone.id, index, taken);
    taken.add(key);
    const title = milestone.title?.trim() || milestone.id.trim() || key;
    nodes.push({
      key,
      name: title.length > NODE_NAME_MAX ? `${title.slice(0, NODE_NAME_MAX - 1)}…` : title,
      ...positionOfKey(definition, key),
      plannedStart: due,
      plannedEnd: due,
      actualEnd: met,
      status:
        met !== null || milestone.status === 'met'
          ? 'done'
          : milestone.status === 'partiallyMet'
            ? 'in_progress'
            : 'pending',
      sortOrder: nodes.length,
    });
  }
  const targetDate = nodes.reduce<string | null>(
    (max, n) => (max === null || n.plannedEnd > max ? n.plannedEnd : max),
    null,
  );
  return { targetDate, nodes, rejected };
}

function rejectionOf(milestone: Oc4idsImportMilestone, today: string, kept: number): MilestoneRejection | null {
  if (milestone.dueDate === undefined) return 'dueDate.missing';
  if (calendarDate(milestone.dueDate) === null) return 'dueDate.invalid';
  if (milestone.dateMet !== undefined) {
    const met = calendarDate(milestone.dateMet);
    if (met === null) return 'dateMet.invalid';
    if (met > today) return 'dateMet.future';
  }
  return kept >= MAX_IMPORTED_NODES ? 'tooMany' : null;
}

/** The stage and step a node key names in the template: a step code first, then a stage code. */
function positionOfKey(
  definition: LifecycleDefinition | null,
  key: string,
): { stageCode: string | null; stepCode: string | null } {
  for (const stage of definition?.stages ?? []) {
    if (stage.steps.some((step) => step.code === key)) return { stageCode: stage.code, stepCode: key };
  }
  const stage = definition?.stages.find((s) => s.code === key);
  return { stageCode: stage?.code ?? null, stepCode: null };
}
