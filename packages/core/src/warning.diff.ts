/**
 * What a daily evaluation changes: the active warnings stored before against the warnings raised now. A warning
 * is one subject (project or district) and one rule; raised now and not before → raised (first raised today);
 * in both → confirmed (first raised kept, last confirmed today, level and figures updated); before only →
 * cleared today. Pure, so the job stores exactly what this returns.
 */
import type { DistrictWarning, ProjectWarning, WarningLevel } from './warning.contract.ts';

/** A warning as stored while active: when it was first raised and last confirmed. */
export type StoredWarning<W> = W & { firstRaisedOn: string; lastConfirmedOn: string };

/** The outcome of one evaluation against the stored active set. */
export interface WarningDiff<W> {
  raised: StoredWarning<W>[];
  /** Still active: the new figures, the first raised date kept, and the level it had before (to show escalation). */
  confirmed: (StoredWarning<W> & { previousLevel: WarningLevel })[];
  cleared: (StoredWarning<W> & { clearedOn: string })[];
}

/** The identity of a project warning: the project and the rule (a preset switch keeps it). */
export function projectWarningKey(warning: Pick<ProjectWarning, 'projectId' | 'rule'>): string {
  return `project:${warning.projectId}:${warning.rule}`;
}

/** The identity of a district warning: the region and the rule. */
export function districtWarningKey(warning: Pick<DistrictWarning, 'regionCode' | 'rule'>): string {
  return `district:${warning.regionCode}:${warning.rule}`;
}

/**
 * Compares the previously active warnings with the ones evaluated as of `asOf`. `keyOf` names a warning's
 * identity (`projectWarningKey` for project warnings, `districtWarningKey` for district ones).
 */
export function diffWarnings<W extends { level: WarningLevel }>(
  previous: readonly StoredWarning<W>[],
  next: readonly W[],
  asOf: string,
  keyOf: (warning: W) => string,
): WarningDiff<W> {
  const before = new Map(previous.map((warning) => [keyOf(warning), warning]));
  const diff: WarningDiff<W> = { raised: [], confirmed: [], cleared: [] };
  const seen = new Set<string>();
  for (const warning of next) {
    const key = keyOf(warning);
    if (seen.has(key)) throw new RangeError(`two warnings with one identity: ${key}`);
    seen.add(key);
    const old = before.get(key);
    if (old) {
      diff.confirmed.push({
        ...warning,
        firstRaisedOn: old.firstRaisedOn,
        lastConfirmedOn: asOf,
        previousLevel: old.level,
      });
    } else {
      diff.raised.push({ ...warning, firstRaisedOn: asOf, lastConfirmedOn: asOf });
    }
  }
  for (const [key, old] of before) {
    if (!seen.has(key)) diff.cleared.push({ ...old, clearedOn: asOf });
  }
  return diff;
}
