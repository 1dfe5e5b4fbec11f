/**
 * Rankings (赛马, 四比四看) as versioned configuration (issue #13): the indicator registry, the formula kinds and the
 * zod contract of a scoring scheme. A scheme is a list of terms, each an indicator scored by one formula; a scheme
 * that names an unknown indicator, gives a formula the indicator cannot take, or weights that do not parse is refused
 * whole, issue by field. Points are kept in hundredths (integers) so that a unit's terms sum exactly to its score.
 * The scoring is in ranking.score.ts, the shipped schemes in ranking.presets.ts.
 */
import { z } from 'zod';
import type { Codelist } from './codelists.ts';

/**
 * What an indicator's value is, which decides the formulas it takes:
 * - `project_code`: a code of the project (its nature as started in the period, its category) → `by_value`;
 * - `project_flag`: true or false for the project (provincial, put into production in the period) → `flag`;
 * - `project_money`: an amount of the project in fen (its annual plan) → `tiers`;
 * - `project_ratio`: a ratio of the project's figures (completed / plan) → `proportional`;
 * - `unit_count`: a count for the ranked unit (集中开工 events it organised) → `per_item`;
 * - `unit_rate`: a rate or amount of the unit compared across units → `relative` or `proportional`;
 * - `unit_adjustment`: points entered for the unit within bounds (criticism from above) → `adjustment`.
 */
export const INDICATOR_KINDS = [
  'project_code',
  'project_flag',
  'project_money',
  'project_ratio',
  'unit_count',
  'unit_rate',
  'unit_adjustment',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** The indicator registry: every indicator a scheme may name, with its kind. Modules feed their values by id. */
export const RANKING_INDICATORS = {
  project_start: 'project_code',
  project_category: 'project_code',
  plan_scale: 'project_money',
  plan_progress: 'project_ratio',
  provincial_project: 'project_flag',
  into_production: 'project_flag',
  events_organised: 'unit_count',
  criticism: 'unit_adjustment',
  completion_rate: 'unit_rate',
  new_start_rate: 'unit_rate',
  start_resume_rate: 'unit_rate',
  reports_on_time: 'unit_rate',
  problems_closed_on_time: 'unit_rate',
  warnings_outstanding: 'unit_rate',
  projects_in_production: 'unit_rate',
  reserve_growth: 'unit_rate',
  attraction_signed: 'unit_rate',
  data_quality: 'unit_rate',
} as const satisfies Record<string, IndicatorKind>;
export type RankingIndicator = keyof typeof RANKING_INDICATORS;
export const RANKING_INDICATOR_IDS = Object.keys(RANKING_INDICATORS) as RankingIndicator[];

export const RANKING_INDICATOR_LABELS: Codelist<RankingIndicator> = {
  project_start: { zh: '新开工/续建', en: 'New start / continuing' },
  project_category: { zh: '项目类别', en: 'Project category' },
  plan_scale: { zh: '年度计划投资规模', en: 'Annual plan size' },
  plan_progress: { zh: '投资完成进度', en: 'Investment progress' },
  provincial_project: { zh: '省级重点项目', en: 'Provincial key project' },
  into_production: { zh: '竣工投产', en: 'Put into production' },
  events_organised: { zh: '组织集中开工活动', en: 'Groundbreaking events organised' },
  criticism: { zh: '上级通报批评', en: 'Criticism from above' },
  completion_rate: { zh: '投资完成率', en: 'Investment completion rate' },
  new_start_rate: { zh: '新开工率', en: 'New-start rate' },
  start_resume_rate: { zh: '开复工率', en: 'Start-and-resume rate' },
  reports_on_time: { zh: '月报按时报送率', en: 'Reports on time' },
  problems_closed_on_time: { zh: '问题按期办结率', en: 'Problems closed on time' },
  warnings_outstanding: { zh: '未消除预警数', en: 'Warnings outstanding' },
  projects_in_production: { zh: '投产项目数', en: 'Projects in production' },
  reserve_growth: { zh: '储备项目新增数', en: 'Reserve growth' },
  attraction_signed: { zh: '招商签约额（亿元）', en: 'Attraction signed (100M yuan)' },
  data_quality: { zh: '数据质量得分', en: 'Data quality score' },
};

export const RANKING_PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
export type RankingPeriodKind = (typeof RANKING_PERIODS)[number];
export const RANKING_UNIT_KINDS = ['district', 'department'] as const;
export type RankingUnitKind = (typeof RANKING_UNIT_KINDS)[number];

/** Points as entered in a scheme: at most two decimals, within ±1000 (a term's points). */
const points = z
  .number({ error: 'ranking.pointsInvalid' })
  .min(-1000, { error: 'ranking.pointsInvalid' })
  .max(1000, { error: 'ranking.pointsInvalid' })
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, { error: 'ranking.pointsInvalid' });

/** The same rule for points entered by hand (an adjustment such as 上级通报批评). */
export const rankingPoints = points;

/** A tier's lower bound in 亿元 (at most four decimals: whole 万元), compared exactly in fen. */
const yiBound = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, { error: 'ranking.tierInvalid' });

export const rankingFormulaSchema = z.discriminatedUnion('kind', [
  // Points by the indicator's code, e.g. {new_started: 5, continuing: 2}; a code not listed scores 0.
  z.strictObject({ kind: z.literal('by_value'), points: z.record(z.string().min(1).max(40), points) }),
  z.strictObject({ kind: z.literal('flag'), points }),
  // Points of the first tier (highest bound first) whose bound the amount reaches; below every bound: `otherwise`.
  z.strictObject({
    kind: z.literal('tiers'),
    tiers: z
      .array(z.strictObject({ atLeastYi: yiBound, points }))
      .min(1)
      .max(20),
    otherwise: points,
  }),
  // Points × min(ratio, cap): e.g. 60 × completed / plan, capped at the plan.
  z.strictObject({ kind: z.literal('proportional'), points, cap: z.number().min(0.01).max(10).default(1) }),
  z.strictObject({ kind: z.literal('per_item'), points }),
  // Points × value / the best value among the ranked units (`higher` is better) or best / value (`lower`).
  z.strictObject({ kind: z.literal('relative'), points, better: z.enum(['higher', 'lower']).default('higher') }),
  // Each entered adjustment must lie within [min, max]; the term is their sum.
  z.strictObject({ kind: z.literal('adjustment'), min: points, max: points }),
]);
export type RankingFormula = z.output<typeof rankingFormulaSchema>;
export type RankingFormulaKind = RankingFormula['kind'];

/** Which formulas each indicator kind takes. */
export const FORMULAS_BY_KIND: Record<IndicatorKind, readonly RankingFormulaKind[]> = {
  project_code: ['by_value'],
  project_flag: ['flag'],
  project_money: ['tiers'],
  project_ratio: ['proportional'],
  unit_count: ['per_item'],
  unit_rate: ['relative', 'proportional'],
  unit_adjustment: ['adjustment'],
};

export const rankingTermSchema = z.strictObject({
  indicator: z.enum(RANKING_INDICATOR_IDS as [RankingIndicator, ...RankingIndicator[]], {
    error: 'ranking.indicatorUnknown',
  }),
  formula: rankingFormulaSchema,
  /** The comparison a term belongs to (Henan's 比谋划看储备 …), for grouping the explanation; optional. */
  group: z.string().min(1).max(40).optional(),
});
export type RankingTerm = z.output<typeof rankingTermSchema>;

export const rankingSchemeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    name: z.string().min(1).max(80),
    version: z.number().int().min(1).max(1_000_000),
    unitKind: z.enum(RANKING_UNIT_KINDS),
    period: z.enum(RANKING_PERIODS),
    terms: z.array(rankingTermSchema).min(1).max(40),
  })
  .superRefine((scheme, ctx) => {
    scheme.terms.forEach((term, index) => {
      const kind = RANKING_INDICATORS[term.indicator];
      if (!FORMULAS_BY_KIND[kind].includes(term.formula.kind))
        ctx.addIssue({ code: 'custom', path: ['terms', index, 'formula', 'kind'], message: 'ranking.formulaMismatch' });
      const { formula } = term;
      if (formula.kind === 'adjustment' && formula.min > formula.max)
        ctx.addIssue({ code: 'custom', path: ['terms', index, 'formula', 'max'], message: 'ranking.adjustmentOrder' });
      if (formula.kind === 'tiers') {
        const bounds = formula.tiers.map((tier) => Number(tier.atLeastYi));
        if (bounds.some((bound, i) => i > 0 && bound >= (bounds[i - 1] ?? Infinity)))
          ctx.addIssue({ code: 'custom', path: ['terms', index, 'formula', 'tiers'], message: 'ranking.tierOrder' });
      }
    });
    const seen = new Set<string>();
    scheme.terms.forEach((term, index) => {
      if (seen.has(term.indicator))
        ctx.addIssue({ code: 'custom', path: ['terms', index, 'indicator'], message: 'ranking.indicatorTwice' });
      seen.add(term.indicator);
    });
  });
export type RankingScheme = z.output<typeof rankingSchemeSchema>;
export type RankingSchemeInput = z.input<typeof rankingSchemeSchema>;
