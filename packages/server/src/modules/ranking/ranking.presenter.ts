/**
 * The one way a ranking becomes JSON: a ranked unit (core RankedUnit) as the contract's RankingUnitItem, with the
 * terms explained in the reader's language (core ranking.explain.ts) and, for project terms, only the projects the
 * reader may see. A published edition stores core's RankedUnit as JSON (amounts tagged so they come back as
 * bigint), and is presented by the same function, so a frozen and a live ranking read the same.
 */
import {
  RANKING_INDICATORS,
  RANKING_INDICATOR_LABELS,
  formatPoints,
  formulaText,
  valueText,
  type IndicatorValue,
  type Locale,
  type RankedUnit,
  type RankingIndicator,
  type RankingTermItem,
  type RankingUnitItem,
  type ScoredTerm,
} from '@keyprojects/core';

/** Indicators whose value is a ratio 0–1, read as a percentage. */
const RATE_INDICATORS: ReadonlySet<RankingIndicator> = new Set([
  'completion_rate',
  'new_start_rate',
  'start_resume_rate',
  'reports_on_time',
  'problems_closed_on_time',
]);

/** A value in words: rates as percentages, other numbers with at most two decimals, the rest as core says. */
export function indicatorValueText(indicator: RankingIndicator, value: IndicatorValue, locale: Locale): string {
  if (typeof value === 'number') {
    if (RATE_INDICATORS.has(indicator)) return `${(value * 100).toFixed(2)}%`;
    return String(Math.round(value * 100) / 100);
  }
  return valueText(value, locale);
}

function termItem(term: ScoredTerm, locale: Locale, visible: ReadonlySet<number>): RankingTermItem {
  const shown = term.details.filter((detail) => visible.has(detail.projectId));
  const isProjectTerm = RANKING_INDICATORS[term.indicator].startsWith('project_');
  return {
    indicator: term.indicator,
    label: RANKING_INDICATOR_LABELS[term.indicator][locale],
    group: term.group,
    formula: term.formula,
    formulaText: formulaText(term.formula, locale),
    valueText: isProjectTerm
      ? locale === 'zh'
        ? `${String(term.details.length)} 个项目`
        : `${String(term.details.length)} projects`
      : indicatorValueText(term.indicator, term.value, locale),
    missing: term.missing,
    best: term.best,
    bestText: term.best === null ? null : indicatorValueText(term.indicator, term.best, locale),
    points: formatPoints(term.hundredths),
    hundredths: term.hundredths,
    details: shown.map((detail) => ({
      projectId: detail.projectId,
      name: detail.name,
      valueText: indicatorValueText(term.indicator, detail.value, locale),
      points: formatPoints(detail.hundredths),
      hundredths: detail.hundredths,
    })),
    hiddenProjects: term.details.length - shown.length,
  };
}

/** A ranked unit as the API shows it to a reader who may see the `visible` projects. */
export function toRankingUnitItem(unit: RankedUnit, locale: Locale, visible: ReadonlySet<number>): RankingUnitItem {
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    rank: unit.rank,
    points: formatPoints(unit.hundredths),
    hundredths: unit.hundredths,
    movement: unit.movement,
    previousRank: unit.movement === null ? null : unit.rank + unit.movement,
    terms: unit.terms.map((term) => termItem(term, locale, visible)),
  };
}

/** The project ids a ranking names (whose visibility the reader's scope decides). */
export function projectIdsOf(units: readonly RankedUnit[]): number[] {
  return [...new Set(units.flatMap((unit) => unit.terms.flatMap((term) => term.details.map((d) => d.projectId))))];
}

/** RankedUnits as stored in an edition: JSON with every bigint tagged `{ "$fen": "…" }`. */
export function freezeUnits(units: readonly RankedUnit[]): string {
  return JSON.stringify(units, (_key, value: unknown) =>
    typeof value === 'bigint' ? { $fen: value.toString() } : value,
  );
}

/** An edition's stored units back as RankedUnits (the tagged amounts as bigint). */
export function thawUnits(stored: unknown): RankedUnit[] {
  const text = typeof stored === 'string' ? stored : JSON.stringify(stored);
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && '$fen' in value && typeof value.$fen === 'string'
      ? BigInt(value.$fen)
      : value,
  ) as RankedUnit[];
}
