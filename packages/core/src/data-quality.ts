/**
 * The data-quality score (issue #13 item 2) of a project and of a district, 0–100, so that a district cannot climb a
 * ranking by reporting late or without evidence: it is shown beside the ranking and is the `data_quality` indicator.
 * No city publishes such a score; these weights are this product's defaults, each factor explained by its term:
 * - timeliness 40: 40 × (reports on time + ½ × late ones) / reports due (a missing report scores nothing);
 * - freshness 15: the last report is of the last month due 15, one month older 7.5, older or none 0;
 * - evidence 25: 25 × reports with photos / reports filed;
 * - corrections 10: 10 − 5 per correction after the period was locked, not below 0;
 * - warnings 10: 10 − 2 per warning left unanswered, not below 0.
 * With nothing due yet, the timeliness, freshness and evidence terms give full marks (nothing is late).
 */

export interface DataQualityFacts {
  /** Monthly reports due in the window. */
  due: number;
  onTime: number;
  late: number;
  withPhotos: number;
  /** Months between the last month due and the last month reported (0: up to date); null when never reported. */
  monthsBehind: number | null;
  correctionsAfterLock: number;
  warningsIgnored: number;
}

export const DATA_QUALITY_FACTORS = ['timeliness', 'freshness', 'evidence', 'corrections', 'warnings'] as const;
export type DataQualityFactor = (typeof DATA_QUALITY_FACTORS)[number];

export interface DataQualityScore {
  /** 0–10000 (hundredths of a point). */
  hundredths: number;
  terms: Record<DataQualityFactor, number>;
}

const share = (full: number, part: number, whole: number) =>
  whole <= 0 ? full * 100 : Math.round((full * 100 * part) / whole);

/** One project's data-quality score with its terms, in hundredths. */
export function projectDataQuality(facts: DataQualityFacts): DataQualityScore {
  const filed = facts.onTime + facts.late;
  const freshness =
    facts.due === 0
      ? 1500
      : facts.monthsBehind === null
        ? 0
        : facts.monthsBehind <= 0
          ? 1500
          : facts.monthsBehind === 1
            ? 750
            : 0;
  const terms: Record<DataQualityFactor, number> = {
    // Half marks for a late report: timeliness counts twice as (2 × on time + late) / (2 × due).
    timeliness: share(40, 2 * facts.onTime + facts.late, 2 * facts.due),
    freshness,
    // Nothing filed: full marks only when nothing was due (no report could carry a photo), else none.
    evidence: filed === 0 ? (facts.due === 0 ? 2500 : 0) : share(25, facts.withPhotos, filed),
    corrections: Math.max(0, 1000 - 500 * facts.correctionsAfterLock),
    warnings: Math.max(0, 1000 - 200 * facts.warningsIgnored),
  };
  return { hundredths: DATA_QUALITY_FACTORS.reduce((sum, f) => sum + terms[f], 0), terms };
}

/**
 * A district's score: the mean of its projects' terms, each rounded once, summed (so its terms explain it exactly).
 * A district without projects has no score (null).
 */
export function districtDataQuality(projects: readonly DataQualityScore[]): DataQualityScore | null {
  if (projects.length === 0) return null;
  const mean = (factor: DataQualityFactor) =>
    Math.round(projects.reduce((sum, p) => sum + p.terms[factor], 0) / projects.length);
  const terms = Object.fromEntries(DATA_QUALITY_FACTORS.map((f) => [f, mean(f)])) as Record<DataQualityFactor, number>;
  return { hundredths: DATA_QUALITY_FACTORS.reduce((sum, f) => sum + terms[f], 0), terms };
}
