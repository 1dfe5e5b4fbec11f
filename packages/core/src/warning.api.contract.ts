/**
 * The warnings API (预警): the list's query and items, the dashboard's summary, a project's warnings, the presets
 * (shipped and stored, the active one per region), the preset switch and the evaluation's result. The rules and the
 * preset contract itself are in warning.contract.ts.
 */
import { z } from 'zod';
import { isoDate, regionCode } from './project.contract.ts';
import {
  DISTRICT_WARNING_RULE_IDS,
  WARNING_LEVELS,
  WARNING_RULE_IDS,
  warningFigures,
  warningPreset,
} from './warning.contract.ts';

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every rule a stored warning may carry: the project rules and the district rules. */
export const ANY_WARNING_RULE_IDS = [...WARNING_RULE_IDS, ...DISTRICT_WARNING_RULE_IDS] as const;
export type AnyWarningRuleId = (typeof ANY_WARNING_RULE_IDS)[number];

export const WARNING_STATUSES = ['active', 'cleared', 'all'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** GET /warnings and its export: filters and paging. */
export const warningListQuery = z.strictObject({
  page: queryInt(1, 1_000_000).default(1),
  pageSize: queryInt(1, 200).default(20),
  regionCode: regionCode.optional(),
  rule: z.enum(ANY_WARNING_RULE_IDS, { error: 'warning.ruleUnknown' }).optional(),
  level: z.enum(WARNING_LEVELS).optional(),
  status: z.enum(WARNING_STATUSES).default('active'),
  /** Part of the project's code or name. */
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
  raisedFrom: isoDate.optional(),
  raisedTo: isoDate.optional(),
});
export type WarningListQuery = z.output<typeof warningListQuery>;
/** The query as a client sends it (paging as numbers; the server also takes them as text). */
export type WarningListQueryJson = Omit<z.input<typeof warningListQuery>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};

/** One stored warning as lists show it; the project fields are null for a district's warning. */
export const warningItem = z.object({
  id: z.number().int(),
  projectId: z.number().int().nullable(),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  rule: z.enum(ANY_WARNING_RULE_IDS),
  ruleLabel: z.string(),
  ruleVersion: z.number().int(),
  presetId: z.string(),
  level: z.enum(WARNING_LEVELS),
  figures: warningFigures,
  text: z.string(),
  firstRaisedOn: z.string(),
  lastConfirmedOn: z.string(),
  levelChangedOn: z.string(),
  clearedOn: z.string().nullable(),
});
export type WarningItem = z.output<typeof warningItem>;

export const warningList = z.object({
  items: z.array(warningItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WarningList = z.output<typeof warningList>;

/** GET /projects/:id/warnings: what is active now, and the history (cleared ones, newest first). */
export const projectWarnings = z.object({ active: z.array(warningItem), history: z.array(warningItem) });
export type ProjectWarnings = z.output<typeof projectWarnings>;

const levelCounts = z.object({ yellow: z.number().int(), red: z.number().int(), total: z.number().int() });
export type WarningLevelCounts = z.output<typeof levelCounts>;

/** GET /warnings/summary: the active warnings in scope counted by level, by rule and by district. */
export const warningSummaryQuery = z.strictObject({ regionCode: regionCode.optional() });
export type WarningSummaryQuery = z.output<typeof warningSummaryQuery>;
export const warningSummary = z.object({
  asOf: z.string(),
  byLevel: levelCounts,
  byRule: z.array(levelCounts.extend({ rule: z.enum(ANY_WARNING_RULE_IDS), ruleLabel: z.string() })),
  byRegion: z.array(levelCounts.extend({ regionCode: z.string(), regionName: z.string() })),
  /** Projects with at least one active warning, and their highest level (for the map's markers). */
  projects: z.array(z.object({ projectId: z.number().int(), level: z.enum(WARNING_LEVELS) })),
});
export type WarningSummary = z.output<typeof warningSummary>;

/** GET /warning-presets: every preset (shipped and stored, latest version) and the active one per region. */
export const warningPresetEntry = z.object({
  preset: warningPreset,
  shipped: z.boolean(),
});
export const warningPresetList = z.object({
  presets: z.array(warningPresetEntry),
  /** The regions with a preset set on them; the others inherit their nearest ancestor's (else the default). */
  active: z.array(z.object({ regionCode: z.string(), regionName: z.string(), presetId: z.string() })),
  defaultPresetId: z.string(),
});
export type WarningPresetList = z.output<typeof warningPresetList>;

/** PUT /warning-presets/active. */
export const warningPresetSwitch = z.strictObject({
  regionCode,
  presetId: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(40),
});
export type WarningPresetSwitch = z.output<typeof warningPresetSwitch>;

/** POST /warnings/evaluate (and the CLI): what one evaluation changed. */
export const warningEvaluation = z.object({
  asOf: z.string(),
  projects: z.number().int(),
  raised: z.number().int(),
  confirmed: z.number().int(),
  cleared: z.number().int(),
  active: z.number().int(),
});
export type WarningEvaluation = z.output<typeof warningEvaluation>;

/** POST /warning-presets: the body is any JSON; core's parseWarningPreset checks it whole and names every field. */
export const warningPresetBody = z.unknown();
