/**
 * Scoring and ranking units (districts or departments) by a scheme (ranking.contract.ts). Every point is kept in
 * hundredths (integers), each term rounded once, so the terms a unit's explanation shows sum exactly to its score.
 * Project indicators are scored per project and summed into one term per indicator, with the projects' points as the
 * term's details ("why these points"); unit indicators are scored once per unit, `relative` ones against the best
 * unit of the same ranking. Values come from the caller by indicator id (the indicator registry), so an indicator
 * whose module does not exist yet simply has no value: it scores 0 and says so.
 */
import type { Fen } from './money.ts';
import { yi } from './money.ts';
import {
  RANKING_INDICATORS,
  type RankingFormula,
  type RankingIndicator,
  type RankingScheme,
  type RankingTerm,
} from './ranking.contract.ts';

/** An exact ratio of two amounts (completed / plan). */
export interface FenRatio {
  numerator: Fen;
  denominator: Fen;
}
/** An entered adjustment (e.g. a criticism from above) with its reason. */
export interface RankingAdjustment {
  points: number;
  reason: string;
}
/** The value an indicator takes, by the indicator's kind (see INDICATOR_KINDS). */
export type IndicatorValue = string | boolean | Fen | FenRatio | number | RankingAdjustment[] | null;

export interface RankingProjectFacts {
  projectId: number;
  name: string;
  values: Partial<Record<RankingIndicator, IndicatorValue>>;
}
export interface RankingUnitFacts {
  unitCode: string;
  unitName: string;
  projects: RankingProjectFacts[];
  values: Partial<Record<RankingIndicator, IndicatorValue>>;
}

/** One project's points on a project indicator. */
export interface RankingTermDetail {
  projectId: number;
  name: string;
  value: IndicatorValue;
  hundredths: number;
}
export interface ScoredTerm {
  indicator: RankingIndicator;
  group: string | null;
  formula: RankingFormula;
  /** The unit's value (unit indicators), or null for project indicators (their values are in `details`). */
  value: IndicatorValue;
  /** No value was given for this unit (a unit indicator) or for any of its projects: scored 0. */
  missing: boolean;
  /** For `relative` formulas: the best value among the ranked units the unit was compared with. */
  best: number | null;
  hundredths: number;
  details: RankingTermDetail[];
}
export interface RankedUnit {
  unitCode: string;
  unitName: string;
  rank: number;
  hundredths: number;
  /** Places moved since the previous ranking (positive: up), null when the unit was not ranked then. */
  movement: number | null;
  terms: ScoredTerm[];
}

export class RankingInputError extends Error {
  constructor(
    readonly key: 'ranking.adjustmentOutOfBounds' | 'ranking.valueKind',
    readonly unitCode: string,
    readonly indicator: RankingIndicator,
  ) {
    super(`${key}: ${unitCode} ${indicator}`);
  }
}

const toHundredths = (points: number): number => Math.round(points * 100);

/** Rounds a/b half away from zero, for non-negative b. */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r * 2n >= b) return q + 1n;
  if (r * 2n <= -b) return q - 1n;
  return q;
}

/** `points × min(numerator/denominator, cap)` in hundredths, exact in integers. */
function proportionalOfRatio(points: number, cap: number, ratio: FenRatio): number {
  if (ratio.denominator <= 0n || ratio.numerator <= 0n) return 0;
  const capHundredths = BigInt(Math.round(cap * 100));
  const numerator =
    ratio.numerator * 100n > ratio.denominator * capHundredths
      ? (ratio.denominator * capHundredths) / 100n
      : ratio.numerator;
  return Number(divRound(BigInt(toHundredths(points)) * numerator, ratio.denominator));
}

function isRatio(value: IndicatorValue): value is FenRatio {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'denominator' in value;
}

/** One project's hundredths on a project term; throws on a value of the wrong kind. */
function projectPoints(term: RankingTerm, value: IndicatorValue, unitCode: string): number {
  const { formula } = term;
  if (value === null) return 0;
  const wrong = () => new RankingInputError('ranking.valueKind', unitCode, term.indicator);
  switch (formula.kind) {
    case 'by_value':
      if (typeof value !== 'string') throw wrong();
      return toHundredths(formula.points[value] ?? 0);
    case 'flag':
      if (typeof value !== 'boolean') throw wrong();
      return value ? toHundredths(formula.points) : 0;
    case 'tiers': {
      if (typeof value !== 'bigint') throw wrong();
      const tier = formula.tiers.find((candidate) => value >= yi(candidate.atLeastYi));
      return toHundredths(tier ? tier.points : formula.otherwise);
    }
    case 'proportional':
      if (!isRatio(value)) throw wrong();
      return proportionalOfRatio(formula.points, formula.cap, value);
    case 'per_item':
    case 'relative':
    case 'adjustment':
      // The contract gives project indicators none of these (FORMULAS_BY_KIND).
      throw wrong();
  }
}

/** A unit indicator's number (counts and rates), or null when it has none. */
function unitNumber(term: RankingTerm, value: IndicatorValue, unitCode: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RankingInputError('ranking.valueKind', unitCode, term.indicator);
  return value;
}

/** The best value among the units for a `relative` term (null when no unit has a value). */
function bestOf(term: RankingTerm, units: RankingUnitFacts[]): number | null {
  if (term.formula.kind !== 'relative') return null;
  const values = units
    .map((unit) => unitNumber(term, unit.values[term.indicator] ?? null, unit.unitCode))
    .filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  return term.formula.better === 'higher' ? Math.max(...values) : Math.min(...values);
}

function unitPoints(term: RankingTerm, unit: RankingUnitFacts, best: number | null): number {
  const { formula } = term;
  const value = unit.values[term.indicator] ?? null;
  if (formula.kind === 'adjustment') {
    if (value === null) return 0;
    if (!Array.isArray(value)) throw new RankingInputError('ranking.valueKind', unit.unitCode, term.indicator);
    for (const entry of value)
      if (entry.points < formula.min || entry.points > formula.max)
        throw new RankingInputError('ranking.adjustmentOutOfBounds', unit.unitCode, term.indicator);
    return value.reduce((sum, entry) => sum + toHundredths(entry.points), 0);
  }
  const number = unitNumber(term, value, unit.unitCode);
  if (number === null) return 0;
  switch (formula.kind) {
    case 'per_item':
      return toHundredths(formula.points) * number;
    case 'proportional':
      return Math.round(toHundredths(formula.points) * Math.min(number, formula.cap));
    case 'relative': {
      if (best === null) return 0;
      const full = toHundredths(formula.points);
      // Higher is better: value / best. Lower is better (warnings outstanding): (best + 1) / (value + 1), so a unit
      // with the fewest gets the full points and a count of 0 never divides by zero.
      if (formula.better === 'higher') return best <= 0 ? 0 : Math.round((full * Math.max(number, 0)) / best);
      return Math.round((full * (Math.max(best, 0) + 1)) / (Math.max(number, 0) + 1));
    }
    case 'by_value':
    case 'flag':
    case 'tiers':
      // The contract gives unit indicators none of these (FORMULAS_BY_KIND).
      throw new RankingInputError('ranking.valueKind', unit.unitCode, term.indicator);
  }
}

function scoreTerm(term: RankingTerm, unit: RankingUnitFacts, best: number | null): ScoredTerm {
  const base = { indicator: term.indicator, group: term.group ?? null, formula: term.formula, best };
  if (RANKING_INDICATORS[term.indicator].startsWith('project_')) {
    const details = unit.projects.map((project) => {
      const value = project.values[term.indicator] ?? null;
      return {
        projectId: project.projectId,
        name: project.name,
        value,
        hundredths: projectPoints(term, value, unit.unitCode),
      };
    });
    const missing = details.every((detail) => detail.value === null);
    const hundredths = details.reduce((sum, detail) => sum + detail.hundredths, 0);
    return { ...base, value: null, missing, hundredths, details };
  }
  const value = unit.values[term.indicator] ?? null;
  return { ...base, value, missing: value === null, hundredths: unitPoints(term, unit, best), details: [] };
}

/**
 * Ranks the units by the scheme: score = the sum of the terms; equal scores share a rank (1, 2, 2, 4) and are
 * listed by unit code. `previous` gives last period's ranks for the movement.
 */
export function rankUnits(
  scheme: RankingScheme,
  units: RankingUnitFacts[],
  previous: ReadonlyMap<string, number> = new Map(),
): RankedUnit[] {
  const bests = scheme.terms.map((term) => bestOf(term, units));
  const scored = units.map((unit) => {
    const terms = scheme.terms.map((term, index) => scoreTerm(term, unit, bests[index] ?? null));
    return {
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      terms,
      hundredths: terms.reduce((s, t) => s + t.hundredths, 0),
    };
  });
  scored.sort((a, b) => b.hundredths - a.hundredths || a.unitCode.localeCompare(b.unitCode));
  let rank = 0;
  return scored.map((unit, index) => {
    if (index === 0 || unit.hundredths !== scored[index - 1]?.hundredths) rank = index + 1;
    const before = previous.get(unit.unitCode);
    return { ...unit, rank, movement: before === undefined ? null : before - rank };
  });
}

/** Hundredths as the points officials read: "237", "237.5", "-5.25". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.trunc(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${String(whole)}`;
  return `${sign}${String(whole)}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
