/**
 * Where a project stands in its lifecycle, derived from its transitions (stage or step entered on a date), and
 * whether a new transition may be recorded. A project moves forward through its template's order: a transition
 * may be back-dated (within the configured window) but never lands before a later-ordered one or after an
 * earlier-ordered one, so "completed before started" cannot be written whichever way it is attempted.
 */
import { addDays } from './iso-date.ts';
import { LIFECYCLE_PHASES, type LifecycleDefinition, type LifecyclePhase } from './lifecycle.contract.ts';
import type { MessageKey } from './messages.ts';

/** A recorded transition as the rules read it. */
export interface TransitionFact {
  stageCode: string;
  stepCode: string | null;
  phase: LifecyclePhase;
  occurredOn: string;
  /** Insertion order among transitions of the same day (the later one is the current). */
  id: number;
}

/** A position in the template: stage index, then step index inside it (-1: the stage itself, before its steps). */
export interface LifecyclePosition {
  stageIndex: number;
  stepIndex: number;
  phase: LifecyclePhase;
}

/** The Chinese name of a position (its step's, or its stage's), as refusals quote it. */
export function positionName(definition: LifecycleDefinition, position: LifecyclePosition): string {
  const stage = definition.stages[position.stageIndex];
  return (position.stepIndex >= 0 ? stage?.steps[position.stepIndex]?.label.zh : stage?.label.zh) ?? '';
}

/** Where a stage (and step) sits in the template, or why it does not. */
export function positionIn(
  definition: LifecycleDefinition,
  stageCode: string,
  stepCode: string | null,
): LifecyclePosition | { error: 'lifecycle.stageUnknown' | 'lifecycle.stepUnknown' } {
  const stageIndex = definition.stages.findIndex((s) => s.code === stageCode);
  if (stageIndex < 0) return { error: 'lifecycle.stageUnknown' };
  const stage = definition.stages[stageIndex];
  if (!stage) return { error: 'lifecycle.stageUnknown' };
  if (stepCode === null) return { stageIndex, stepIndex: -1, phase: stage.phase };
  const stepIndex = stage.steps.findIndex((s) => s.code === stepCode);
  if (stepIndex < 0) return { error: 'lifecycle.stepUnknown' };
  return { stageIndex, stepIndex, phase: stage.phase };
}

function compareFacts(a: TransitionFact, b: TransitionFact): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id;
}

/** The transition in force on a date (the latest on or before it), or null before the first. */
export function currentTransition(facts: readonly TransitionFact[], asOf?: string): TransitionFact | null {
  let current: TransitionFact | null = null;
  for (const fact of facts) {
    if (asOf !== undefined && fact.occurredOn > asOf) continue;
    if (current === null || compareFacts(fact, current) > 0) current = fact;
  }
  return current;
}

const phaseRank = (phase: LifecyclePhase) => LIFECYCLE_PHASES.indexOf(phase);

function firstReaching(facts: readonly TransitionFact[], phase: LifecyclePhase): string | null {
  let first: string | null = null;
  for (const fact of facts) {
    if (phaseRank(fact.phase) >= phaseRank(phase) && (first === null || fact.occurredOn < first)) {
      first = fact.occurredOn;
    }
  }
  return first;
}

/** The actual start, completion and production dates: the first day a phase at or past each was entered. */
export function derivedActualDates(facts: readonly TransitionFact[]): {
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  actualProductionDate: string | null;
} {
  return {
    actualStartDate: firstReaching(facts, 'started'),
    actualCompletionDate: firstReaching(facts, 'completed'),
    actualProductionDate: firstReaching(facts, 'production'),
  };
}

export interface TransitionRules {
  /** The application's date: nothing may be dated after it. */
  today: string;
  /** How many days back an entry may be dated. */
  backdateWindowDays: number;
}

export interface TransitionRefusal {
  field: 'stageCode' | 'stepCode' | 'occurredOn';
  code: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * Why a transition may not be recorded on top of the project's history, or null when it may. `definition` is the
 * template of the project (a stage or step of another template is unknown in it); `history` holds the project's
 * transitions with their template positions.
 */
export function checkTransition(
  definition: LifecycleDefinition,
  history: readonly TransitionFact[],
  next: { stageCode: string; stepCode: string | null; occurredOn: string },
  rules: TransitionRules,
): TransitionRefusal | null {
  const position = positionIn(definition, next.stageCode, next.stepCode);
  if ('error' in position) {
    return position.error === 'lifecycle.stageUnknown'
      ? { field: 'stageCode', code: position.error, params: { value: next.stageCode } }
      : { field: 'stepCode', code: position.error, params: { value: next.stepCode ?? '' } };
  }
  if (next.occurredOn > rules.today)
    return { field: 'occurredOn', code: 'lifecycle.future', params: { today: rules.today } };
  const earliest = addDays(rules.today, -rules.backdateWindowDays);
  if (next.occurredOn < earliest) {
    return {
      field: 'occurredOn',
      code: 'lifecycle.backdateWindow',
      params: { earliest, days: rules.backdateWindowDays },
    };
  }
  const rank = (p: LifecyclePosition) => p.stageIndex * 1000 + p.stepIndex;
  const mine = rank(position);
  for (const fact of history) {
    const theirs = positionIn(definition, fact.stageCode, fact.stepCode);
    if ('error' in theirs) continue; // a transition under an earlier template version: not ordered against this one
    const name = positionName(definition, theirs);
    if (rank(theirs) > mine && fact.occurredOn <= next.occurredOn) {
      return { field: 'occurredOn', code: 'lifecycle.afterLater', params: { stage: name, date: fact.occurredOn } };
    }
    if (rank(theirs) < mine && fact.occurredOn > next.occurredOn) {
      return { field: 'occurredOn', code: 'lifecycle.beforeEarlier', params: { stage: name, date: fact.occurredOn } };
    }
    if (rank(theirs) === mine) {
      return { field: 'stageCode', code: 'lifecycle.alreadyEntered', params: { stage: name, date: fact.occurredOn } };
    }
  }
  if (phaseRank(position.phase) >= phaseRank('completed')) {
    const start = firstReaching(history, 'started');
    if (start === null || start > next.occurredOn) return { field: 'stageCode', code: 'lifecycle.notStarted' };
  }
  return null;
}
