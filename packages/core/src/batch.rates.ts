/**
 * The three batches' (三个一批) rates: of the projects signed in a round, how many proceeded (reached any step or
 * stage after the investment agreement, after the round's date); of the planned starts, how many started; of the
 * planned productions, how many reached production — each as of a date, from the projects' transitions, with a
 * one-decimal percentage and the projects that did not.
 */
import type { BatchKindCode } from './event.contract.ts';
import type { LifecycleDefinition } from './lifecycle.contract.ts';
import { derivedActualDates, positionIn, type TransitionFact } from './lifecycle.transition.ts';
import { percent } from './money.ts';

/** The step whose completion a signed project proceeds from. */
export const SIGNING_STEP = 'investment_agreement';

/** A project of a batch: its template and its transitions. */
export interface BatchProjectFacts {
  projectId: number;
  definition: LifecycleDefinition;
  facts: readonly TransitionFact[];
}

const rank = (definition: LifecycleDefinition, fact: Pick<TransitionFact, 'stageCode' | 'stepCode'>) => {
  const position = positionIn(definition, fact.stageCode, fact.stepCode);
  return 'error' in position ? null : position.stageIndex * 1000 + position.stepIndex;
};

/** The signing step's rank in the template (the reserve stage's first step when it has no such step). */
function signingRank(definition: LifecycleDefinition): number {
  for (const [stageIndex, stage] of definition.stages.entries()) {
    const stepIndex = stage.steps.findIndex((s) => s.code === SIGNING_STEP);
    if (stepIndex >= 0) return stageIndex * 1000 + stepIndex;
  }
  return 0;
}

/**
 * The day the project achieved what its batch asks, as of `asOf`, or null: for `sign`, its first transition after
 * `roundOn` to a position later than the signing step; for `start` and `production`, its actual start or production
 * date (derived from the transitions on or before `asOf`).
 */
export function batchAchievedOn(
  batch: BatchKindCode,
  project: BatchProjectFacts,
  roundOn: string,
  asOf: string,
): string | null {
  const known = project.facts.filter((f) => f.occurredOn <= asOf);
  switch (batch) {
    case 'sign': {
      const signing = signingRank(project.definition);
      const later = known
        .filter((f) => f.occurredOn > roundOn && (rank(project.definition, f) ?? -Infinity) > signing)
        .map((f) => f.occurredOn)
        .sort();
      return later[0] ?? null;
    }
    case 'start':
      return derivedActualDates(known).actualStartDate;
    case 'production':
      return derivedActualDates(known).actualProductionDate;
  }
}

export interface BatchRate {
  planned: number;
  achieved: number;
  /** achieved / planned as a percentage with one decimal; null for an empty batch. */
  rate: string | null;
  achievedOn: Map<number, string | null>;
}

/** A batch's count, achieved count and rate as of `asOf`. */
export function batchRate(
  batch: BatchKindCode,
  projects: readonly BatchProjectFacts[],
  roundOn: string,
  asOf: string,
): BatchRate {
  const achievedOn = new Map(projects.map((p) => [p.projectId, batchAchievedOn(batch, p, roundOn, asOf)]));
  const achieved = [...achievedOn.values()].filter((d) => d !== null).length;
  return {
    planned: projects.length,
    achieved,
    rate: percent(BigInt(achieved), BigInt(projects.length), 1),
    achievedOn,
  };
}
