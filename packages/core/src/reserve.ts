/**
 * The reserve library (储备库): the projects not yet started on a date, counted by the preparation step they
 * stand at. A project counts when its latest transition on or before the date is in the reserve or preparation
 * phase; its step is that of its latest step transition on or before the date (a stage transition without a step
 * does not undo a step already recorded), and a project with no step yet falls in the "not filled in" bucket.
 * The server's SQL (reserve.repository.ts) is tested to give the same counts as this function.
 */
import type { Label } from './codelists.ts';
import type { LifecycleDefinition, LifecyclePhase } from './lifecycle.contract.ts';
import { currentTransition, type TransitionFact } from './lifecycle.transition.ts';

/** The phases of a project not yet started. */
export const RESERVE_PHASES: readonly LifecyclePhase[] = ['reserve', 'preparation'];

/** Where a reserve project stands on a date: its step (null: none recorded yet) and since when. */
export interface ReserveStanding {
  stepCode: string | null;
  since: string;
}

/** The project's standing in the reserve on `asOf`, or null when it is not a reserve project then. */
export function reserveStanding(facts: readonly TransitionFact[], asOf: string): ReserveStanding | null {
  const current = currentTransition(facts, asOf);
  if (current === null || !RESERVE_PHASES.includes(current.phase)) return null;
  const step = currentTransition(
    facts.filter((f) => f.stepCode !== null),
    asOf,
  );
  return step === null
    ? { stepCode: null, since: current.occurredOn }
    : { stepCode: step.stepCode, since: step.occurredOn };
}

/** A preparation step as the library lists it: code and label, in template order. */
export interface ReserveStep {
  code: string;
  label: Label;
}

/** The steps of a template's reserve and preparation stages, in order. */
export function reserveStepsOf(definition: LifecycleDefinition): ReserveStep[] {
  return definition.stages
    .filter((stage) => RESERVE_PHASES.includes(stage.phase))
    .flatMap((stage) => stage.steps.map((s) => ({ code: s.code, label: s.label })));
}

/** One bucket of the count: a step (null code: not filled in) and how many projects stand at it. */
export interface ReserveBucket {
  stepCode: string | null;
  count: number;
}

/**
 * Counts projects (each given as its transitions) by their step on `asOf`, in the order of `steps` (the default
 * template's first); a step outside `steps` follows them in order of first appearance, and the not-filled-in
 * bucket comes last. Every step of `steps` is listed, with 0 when no project stands at it.
 */
export function countReserve(
  projects: readonly (readonly TransitionFact[])[],
  asOf: string,
  steps: readonly ReserveStep[],
): { buckets: ReserveBucket[]; total: number } {
  const standings = projects.map((facts) => reserveStanding(facts, asOf));
  return orderReserveBuckets(
    standings.flatMap((s) => (s === null ? [] : [{ stepCode: s.stepCode, count: 1 }])),
    steps,
  );
}

/** Orders counted buckets (from SQL) like countReserve: the given steps first, then others, not filled in last. */
export function orderReserveBuckets(
  counted: readonly ReserveBucket[],
  steps: readonly ReserveStep[],
): { buckets: ReserveBucket[]; total: number } {
  const counts = new Map<string | null, number>(steps.map((s) => [s.code, 0]));
  let unfilled = 0;
  for (const bucket of counted) {
    if (bucket.stepCode === null) unfilled += bucket.count;
    else counts.set(bucket.stepCode, (counts.get(bucket.stepCode) ?? 0) + bucket.count);
  }
  const buckets: ReserveBucket[] = [...counts].map(([stepCode, count]) => ({ stepCode, count }));
  buckets.push({ stepCode: null, count: unfilled });
  return { buckets, total: buckets.reduce((sum, b) => sum + b.count, 0) };
}
