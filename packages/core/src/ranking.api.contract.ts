/**
 * The rankings API (issue #13, 赛马 / 四比四看): the schemes offered, a ranking computed from live data, the what-if
 * recomputation (never stored), publishing an edition (frozen with the scheme version it was made with), the
 * editions, and the data-quality scores shown beside a ranking. The scheme contract and the scoring itself are in
 * ranking.contract.ts and ranking.score.ts; the period codes in ranking.period.ts.
 *
 * Points travel twice: `hundredths` (an integer, exact, what sums) and `points` (the text officials read, "237.5").
 * A term's `details` list the projects behind a project indicator, only those the reader may see.
 */
import { z } from 'zod';
import { effectiveTimesSchema } from './app-time.ts';
import { DATA_QUALITY_FACTORS } from './data-quality.ts';
import { regionCode } from './project.contract.ts';
import {
  RANKING_INDICATOR_IDS,
  RANKING_PERIODS,
  RANKING_UNIT_KINDS,
  rankingFormulaSchema,
  rankingPoints,
  rankingSchemeSchema,
  rankingTermSchema,
  type RankingIndicator,
} from './ranking.contract.ts';
import { rankingPeriod } from './ranking.period.ts';
import { RANKING_PRESETS } from './ranking.presets.ts';

export const RANKING_SCHEME_IDS = Object.keys(RANKING_PRESETS) as (keyof typeof RANKING_PRESETS)[];
export type RankingSchemeId = keyof typeof RANKING_PRESETS;

const schemeId = z.enum(RANKING_SCHEME_IDS as [RankingSchemeId, ...RankingSchemeId[]], {
  error: 'ranking.schemeUnknown',
});
const periodCode = z
  .string({ error: 'required' })
  .trim()
  .refine((code) => rankingPeriod(code) !== null, { error: 'ranking.periodInvalid' });

/** The scheme, the period (of the scheme's kind) and the city whose districts are ranked (default: the reader's). */
const rankingSelection = {
  scheme: schemeId,
  period: periodCode,
  /** The city whose districts are ranked; default the reader's city. */
  regionCode: regionCode.optional(),
};

/** Refuses a period of another kind than the scheme's (a monthly scheme asked for 2021-Q2), on the field. */
function periodOfSchemeKind(value: { scheme: RankingSchemeId; period: string }, ctx: z.RefinementCtx) {
  const kind = rankingPeriod(value.period)?.kind;
  if (kind && kind !== RANKING_PRESETS[value.scheme].period)
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'ranking.periodKind' });
}

/** GET /rankings (and its xlsx export, and POST /rankings/editions: publish). */
export const rankingQuery = z.strictObject(rankingSelection).superRefine(periodOfSchemeKind);
export type RankingQuery = z.output<typeof rankingQuery>;
export type RankingQueryJson = z.input<typeof rankingQuery>;

/** POST /rankings/editions (publish: idempotent) and POST /rankings/editions/republish (a new edition number). */
export const rankingPublishBody = rankingQuery;
export type RankingPublishBody = RankingQuery;
export type RankingPublishBodyJson = RankingQueryJson;

/**
 * POST /rankings/what-if: the scheme's terms replaced by the ones given (changed points, weights or tiers; a term
 * left out scores nothing). They are checked as a scheme is, each refusal on its field (`terms.2.formula.points`).
 */
export const rankingWhatIfBody = z
  .strictObject({ ...rankingSelection, terms: z.array(rankingTermSchema).min(1).max(40) })
  .superRefine((value, ctx) => {
    periodOfSchemeKind(value, ctx);
    const scheme = RANKING_PRESETS[value.scheme];
    const checked = rankingSchemeSchema.safeParse({ ...scheme, terms: value.terms });
    if (!checked.success)
      for (const issue of checked.error.issues)
        if (issue.path[0] === 'terms') ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type RankingWhatIfBody = z.output<typeof rankingWhatIfBody>;
export type RankingWhatIfBodyJson = z.input<typeof rankingWhatIfBody>;

const indicatorId = z.enum(RANKING_INDICATOR_IDS as [RankingIndicator, ...RankingIndicator[]]);

/** One project's part of a project term ("why these points"). */
export const rankingTermDetailItem = z.object({
  projectId: z.number().int(),
  name: z.string(),
  valueText: z.string(),
  points: z.string(),
  hundredths: z.number().int(),
});
export type RankingTermDetailItem = z.output<typeof rankingTermDetailItem>;

/** One term of a unit's score: the indicator, its value and formula in words, and the points. */
export const rankingTermItem = z.object({
  indicator: indicatorId,
  label: z.string(),
  /** The comparison it belongs to (Henan's 比谋划看储备 …), else null. */
  group: z.string().nullable(),
  formula: rankingFormulaSchema,
  formulaText: z.string(),
  /** The unit's value in words; for a project indicator the count of projects scored. */
  valueText: z.string(),
  /** No value for this unit (an indicator not fed yet, or no project with a value): scored 0. */
  missing: z.boolean(),
  /** For a `relative` formula: the best unit's value it was compared with. */
  best: z.number().nullable(),
  /** `best` in words, formatted as `valueText` is (a rate as a percentage), null when there is none. */
  bestText: z.string().nullable(),
  points: z.string(),
  hundredths: z.number().int(),
  /** The projects behind a project indicator that the reader may see (others are counted in `hiddenProjects`). */
  details: z.array(rankingTermDetailItem),
  hiddenProjects: z.number().int(),
});
export type RankingTermItem = z.output<typeof rankingTermItem>;

/** A ranked unit (a district): rank, score, movement against the previous period, and its terms summing to it. */
export const rankingUnitItem = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  rank: z.number().int(),
  points: z.string(),
  hundredths: z.number().int(),
  /** Places moved since the previous period (positive: up); null when not ranked then. */
  movement: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  terms: z.array(rankingTermItem),
});
export type RankingUnitItem = z.output<typeof rankingUnitItem>;

/** A scheme as offered: the versioned configuration itself, and its period kind in words. */
export const rankingSchemeItem = z.object({
  scheme: rankingSchemeSchema,
  periodLabel: z.string(),
  /** The period of the scheme's kind containing the application's date (the page's default). */
  defaultPeriod: z.string(),
});
export type RankingSchemeItem = z.output<typeof rankingSchemeItem>;

/** GET /rankings/schemes. */
export const rankingSchemeList = z.object({ items: z.array(rankingSchemeItem) });
export type RankingSchemeList = z.output<typeof rankingSchemeList>;

const rankingHead = {
  schemeId: z.string(),
  schemeName: z.string(),
  schemeVersion: z.number().int(),
  unitKind: z.enum(RANKING_UNIT_KINDS),
  periodKind: z.enum(RANKING_PERIODS),
  period: z.string(),
  /** The period's first and last day. */
  from: z.string(),
  to: z.string(),
  /** The previous period the movement compares with. */
  previousPeriod: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
};

/** GET /rankings and POST /rankings/what-if: a ranking computed now (what-if: with the terms given). */
export const rankingResult = z.object({
  ...rankingHead,
  whatIf: z.boolean(),
  /** The data's date: the application's date when computed. */
  asOf: z.string(),
  /** The edition already published for this period and scheme version, if any (its latest edition number). */
  publishedEditionId: z.number().int().nullable(),
  units: z.array(rankingUnitItem),
});
export type RankingResult = z.output<typeof rankingResult>;

/** An edition as listed: which scheme version and period, which edition, when and by whom it was published. */
export const rankingEditionSummary = z.object({
  id: z.number().int(),
  ...rankingHead,
  edition: z.number().int(),
  publishedAt: z.string(),
  /** The publication's time on the application's calendar (app-time.ts effectiveTimes). */
  effectiveAt: effectiveTimesSchema('publishedAt'),
  publishedBy: z.string(),
  /** The first-ranked unit (the whole ranking is in the edition); null when nothing was ranked. */
  leader: z.object({ unitCode: z.string(), unitName: z.string(), points: z.string() }).nullable(),
});
export type RankingEditionSummary = z.output<typeof rankingEditionSummary>;

/** GET /rankings/editions/:id: the frozen ranking exactly as published. */
export const rankingEdition = rankingEditionSummary.extend({
  /** The data's date when it was published. */
  asOf: z.string(),
  units: z.array(rankingUnitItem),
});
export type RankingEdition = z.output<typeof rankingEdition>;

/** POST /rankings/editions(/republish): the edition, and whether this call created it (false: it existed). */
export const rankingPublishResult = z.object({ created: z.boolean(), edition: rankingEdition });
export type RankingPublishResult = z.output<typeof rankingPublishResult>;

/** GET /rankings/editions: filters (all optional). */
export const rankingEditionListQuery = z.strictObject({
  scheme: schemeId.optional(),
  period: periodCode.optional(),
  regionCode: regionCode.optional(),
});
export type RankingEditionListQuery = z.output<typeof rankingEditionListQuery>;
export type RankingEditionListQueryJson = z.input<typeof rankingEditionListQuery>;

export const rankingEditionList = z.object({ items: z.array(rankingEditionSummary) });
export type RankingEditionList = z.output<typeof rankingEditionList>;

/** GET /rankings/data-quality: the period (any kind) and the city (default: the reader's). */
export const dataQualityQuery = z.strictObject({ period: periodCode, regionCode: regionCode.optional() });
export type DataQualityQuery = z.output<typeof dataQualityQuery>;
export type DataQualityQueryJson = z.input<typeof dataQualityQuery>;

/** The score's five terms in hundredths (data-quality.ts DATA_QUALITY_FACTORS). */
const dataQualityTerms = z.object(
  Object.fromEntries(DATA_QUALITY_FACTORS.map((factor) => [factor, z.number().int()])) as Record<
    (typeof DATA_QUALITY_FACTORS)[number],
    z.ZodNumber
  >,
);

/** The facts a project's score is computed from (data-quality.ts DataQualityFacts). */
export const dataQualityFacts = z.object({
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  withPhotos: z.number().int(),
  monthsBehind: z.number().int().nullable(),
  correctionsAfterLock: z.number().int(),
  warningsIgnored: z.number().int(),
});

export const dataQualityDistrict = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  projects: z.number().int(),
  /** Null when the district has no projects. */
  points: z.string().nullable(),
  hundredths: z.number().int().nullable(),
  terms: dataQualityTerms.nullable(),
});
export type DataQualityDistrict = z.output<typeof dataQualityDistrict>;

export const dataQualityProject = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  points: z.string(),
  hundredths: z.number().int(),
  terms: dataQualityTerms,
  facts: dataQualityFacts,
});
export type DataQualityProject = z.output<typeof dataQualityProject>;

/** GET /rankings/data-quality: every district of the city, and the projects the reader may see, lowest first. */
export const dataQualityResult = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  districts: z.array(dataQualityDistrict),
  projects: z.array(dataQualityProject),
});
export type DataQualityResult = z.output<typeof dataQualityResult>;

/**
 * POST /rankings/adjustments: points entered for one district and period (上级通报批评, Yan'an's −5 to −20), within
 * the bounds of the scheme's adjustment term (checked by the server against the scheme, on `points`).
 */
export const rankingAdjustmentBody = z
  .strictObject({
    scheme: schemeId,
    period: periodCode,
    /** The district the points are for. */
    regionCode,
    points: rankingPoints,
    reason: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(200, { error: 'text.tooLong' }),
  })
  .superRefine(periodOfSchemeKind);
export type RankingAdjustmentBody = z.output<typeof rankingAdjustmentBody>;
export type RankingAdjustmentBodyJson = z.input<typeof rankingAdjustmentBody>;

/** An adjustment as entered. */
export const rankingAdjustmentOutput = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    period: z.string(),
    indicator: z.string(),
    points: z.string().meta({ description: '分值，如 -5、-12.5' }),
    reason: z.string(),
    enteredAt: z.string(),
  })
  .meta({ id: 'RankingAdjustment' });
export type RankingAdjustmentOutput = z.output<typeof rankingAdjustmentOutput>;

/** GET /rankings/adjustments: the period's adjustments for a city's districts. */
export const rankingAdjustmentList = z.object({ items: z.array(rankingAdjustmentOutput) });
export type RankingAdjustmentList = z.output<typeof rankingAdjustmentList>;
