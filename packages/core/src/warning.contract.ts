/**
 * Warnings (预警) as configuration: the rule ids, the levels, and the zod contract of a preset — one versioned
 * configuration per rule, each with a yellow and a red threshold on the rule's measure. A preset that breaks the
 * contract (an unknown rule, a threshold out of range or in the wrong order) is refused whole, issue by field.
 * The rules themselves are in warning.rules.ts, the shipped presets in warning.presets.ts.
 */
import { z } from 'zod';
import type { Codelist } from './codelists.ts';

/** The project rules, in the order lists show them. */
export const WARNING_RULE_IDS = [
  'investment_behind_pace',
  'start_overdue',
  'completion_overdue',
  'report_missing',
  'problem_overdue',
  'not_in_statistics',
  'milestone_overdue',
] as const;
export type WarningRuleId = (typeof WARNING_RULE_IDS)[number];
export const WARNING_RULE_LABELS: Codelist<WarningRuleId> = {
  investment_behind_pace: { zh: '序时进度滞后', en: 'Investment behind pace' },
  start_overdue: { zh: '应开工未开工', en: 'Start overdue' },
  completion_overdue: { zh: '应竣工未竣工', en: 'Completion overdue' },
  report_missing: { zh: '月报未报', en: 'Monthly report missing' },
  problem_overdue: { zh: '问题逾期', en: 'Problem overdue' },
  not_in_statistics: { zh: '开工未入统', en: 'Started, not in statistics' },
  milestone_overdue: { zh: '节点逾期', en: 'Milestone overdue' },
};

/** Rules about a district as a whole (its monthly target), evaluated on district figures, not on one project. */
export const DISTRICT_WARNING_RULE_IDS = ['district_target_missed'] as const;
export type DistrictWarningRuleId = (typeof DISTRICT_WARNING_RULE_IDS)[number];
export const DISTRICT_WARNING_RULE_LABELS: Codelist<DistrictWarningRuleId> = {
  district_target_missed: { zh: '县区月度目标未完成', en: 'District monthly target missed' },
};

export const WARNING_LEVELS = ['yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS: Codelist<WarningLevel> = {
  yellow: { zh: '黄色预警', en: 'Yellow' },
  red: { zh: '红色预警', en: 'Red' },
};

/** How a threshold compares: the measure reaches it (≥), or goes past it (>). */
export const THRESHOLD_OPS = ['at_least', 'over'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/** A threshold on a measure; values have at most two decimals so that they compare exactly. */
function thresholdSchema(max: number, integer: boolean) {
  return z.strictObject({
    op: z.enum(THRESHOLD_OPS),
    value: z
      .number({ error: 'warning.thresholdRange' })
      .min(0, { error: 'warning.thresholdRange' })
      .max(max, { error: 'warning.thresholdRange' })
      .refine((value) => (integer ? Number.isInteger(value) : Math.abs(value * 100 - Math.round(value * 100)) < 1e-9), {
        error: 'warning.thresholdRange',
      }),
  });
}
export type Threshold = z.output<ReturnType<typeof thresholdSchema>>;

/** Whether threshold `a` is met by strictly fewer measures than `b`, i.e. lies below it. */
function thresholdBelow(a: Threshold, b: Threshold): boolean {
  if (a.value !== b.value) return a.value < b.value;
  return a.op === 'at_least' && b.op === 'over';
}

/** A rule's common part: its version and its two thresholds (yellow below red), on a measure up to `max`. */
function levelsSchema<Extra extends z.ZodRawShape>(max: number, integer: boolean, extra: Extra) {
  return z
    .strictObject({
      version: z.number().int().min(1).max(1_000_000),
      yellow: thresholdSchema(max, integer),
      red: thresholdSchema(max, integer),
      ...extra,
    })
    .superRefine((value, ctx) => {
      // TypeScript cannot see through the generic spread that the output has both thresholds; it always does.
      const { yellow, red } = value as unknown as { yellow: Threshold; red: Threshold };
      if (!thresholdBelow(yellow, red)) {
        ctx.addIssue({ code: 'custom', message: 'warning.thresholdOrder', path: ['red'] });
      }
    });
}

/**
 * What the investment rule measures: `points` — percentage points between the time-elapsed pace and the completion
 * rate (Yinchuan); `share` — how far completion falls below the pace's amount, as a share of that amount (Sanya).
 */
export const PACE_BASES = ['points', 'share'] as const;
export type PaceBasis = (typeof PACE_BASES)[number];

/** Each rule's configuration; the unit of its thresholds is said beside it. */
export const warningRuleConfigs = {
  /** Percent: points behind the pace, or share of the pace's amount not done. */
  investment_behind_pace: levelsSchema(100, false, { basis: z.enum(PACE_BASES) }),
  /** Whole months whose end passed since the planned start month without a start (0 in the planned month itself). */
  start_overdue: levelsSchema(120, true, {}),
  /** Whole months whose end passed since the planned completion month without completion. */
  completion_overdue: levelsSchema(120, true, {}),
  /** Monthly reports whose deadline (day `deadlineDay` of the following month) passed without a report. */
  report_missing: levelsSchema(24, true, { deadlineDay: z.number().int().min(1).max(28) }),
  /** Calendar days the most overdue open problem is past its due date. */
  problem_overdue: levelsSchema(3650, true, {}),
  /** Months since the actual start without entering the statistics (fractional: 1 means the same day a month on). */
  not_in_statistics: levelsSchema(120, false, {}),
  /** Calendar days the most overdue milestone is past its planned date. */
  milestone_overdue: levelsSchema(3650, true, {}),
} as const;
export type WarningRuleConfig<R extends WarningRuleId> = z.output<(typeof warningRuleConfigs)[R]>;

/** The district rule: consecutive months (ended) in which the district's completed investment missed its target. */
export const districtTargetConfig = levelsSchema(24, true, {});
export type DistrictTargetConfig = z.output<typeof districtTargetConfig>;

/** A warning preset: one configuration per rule it runs (a rule left out is off). */
export const warningPreset = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  version: z.number().int().min(1).max(1_000_000),
  label: z.strictObject({ zh: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(120) }),
  rules: z.strictObject(
    {
      investment_behind_pace: warningRuleConfigs.investment_behind_pace.optional(),
      start_overdue: warningRuleConfigs.start_overdue.optional(),
      completion_overdue: warningRuleConfigs.completion_overdue.optional(),
      report_missing: warningRuleConfigs.report_missing.optional(),
      problem_overdue: warningRuleConfigs.problem_overdue.optional(),
      not_in_statistics: warningRuleConfigs.not_in_statistics.optional(),
      milestone_overdue: warningRuleConfigs.milestone_overdue.optional(),
    } satisfies Record<WarningRuleId, z.ZodType>,
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'warning.ruleUnknown' : undefined) },
  ),
  districtRules: z
    .strictObject(
      { district_target_missed: districtTargetConfig.optional() } satisfies Record<DistrictWarningRuleId, z.ZodType>,
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'warning.ruleUnknown' : undefined) },
    )
    .default({}),
});
/** A preset as stored and evaluated. */
export type WarningPreset = z.output<typeof warningPreset>;
/** A preset as an administrator sends it (district rules may be left out). */
export type WarningPresetJson = z.input<typeof warningPreset>;

/** A preset checked against the contract: the preset, or every issue with its field path (nothing half-applied). */
export function parseWarningPreset(input: unknown): z.ZodSafeParseResult<WarningPreset> {
  return warningPreset.safeParse(input);
}

/** The figures that raised a warning: money as 万元 decimal strings, rates as percent strings, counts, ISO dates. */
export const warningFigures = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type WarningFigures = z.output<typeof warningFigures>;

/** One warning as a rule raises it for a project, as of a date. */
export const projectWarning = z.strictObject({
  projectId: z.number().int(),
  rule: z.enum(WARNING_RULE_IDS),
  presetId: z.string(),
  version: z.number().int(),
  level: z.enum(WARNING_LEVELS),
  figures: warningFigures,
  text: z.string(),
});
export type ProjectWarning = z.output<typeof projectWarning>;

/** One warning about a district as a whole. */
export const districtWarning = z.strictObject({
  regionCode: z.string(),
  rule: z.enum(DISTRICT_WARNING_RULE_IDS),
  presetId: z.string(),
  version: z.number().int(),
  level: z.enum(WARNING_LEVELS),
  figures: warningFigures,
  text: z.string(),
});
export type DistrictWarning = z.output<typeof districtWarning>;
