/**
 * Warning rules for people: the list, a project's warnings and the dashboard's summary (each within the actor's
 * scope), the evaluation on demand, and the presets — listed, switched per region by a city administrator
 * (audited, the region inside its scope, an unknown preset a field error) and stored (checked whole by core's
 * parseWarningPreset, every issue named by its field path).
 */
import type { Kysely } from 'kysely';
import {
  ANY_WARNING_RULE_IDS,
  isWithinRegion,
  parseWarningPreset,
  WARNING_PRESETS,
  YINCHUAN_PRESET,
  type ProjectWarnings,
  type WarningEvaluation,
  type WarningLevelCounts,
  type WarningList,
  type WarningListQuery,
  type WarningPreset,
  type WarningPresetList,
  type WarningPresetSwitch,
  type WarningSummary,
  type WarningSummaryQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { errors, RequestValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { regionExists } from '../region/region.repository.ts';
import { evaluateWarningsAsOf, presetResolver } from './warning-evaluation.service.ts';
import * as list from './warning-list.repository.ts';
import { toWarningItem, warningRuleLabel } from './warning.presenter.ts';
import * as repo from './warning.repository.ts';

/** A region filter must lie inside a region-scoped actor's own region (others are narrowed by their scope). */
function checkRegionFilter(actor: Actor, regionCode: string | undefined): void {
  if (regionCode && actor.regionCode && !isWithinRegion(regionCode, actor.regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** A page of the warnings the actor may see. */
export async function listWarnings(db: Kysely<DB>, actor: Actor, query: WarningListQuery): Promise<WarningList> {
  requirePermission(actor, 'warning.read');
  checkRegionFilter(actor, query.regionCode);
  const { rows, total } = await list.listWarnings(db, actor, query);
  return {
    items: rows.map((row) => toWarningItem(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A project's active warnings and their history; 404 for a project out of the actor's sight. */
export async function projectWarnings(db: Kysely<DB>, actor: Actor, projectId: number): Promise<ProjectWarnings> {
  requirePermission(actor, 'warning.read');
  const rows = (await list.projectWarningRows(db, actor, projectId)).map((row) => toWarningItem(row, actor.locale));
  return { active: rows.filter((w) => w.clearedOn === null), history: rows.filter((w) => w.clearedOn !== null) };
}

const ruleOrder = (rule: string) => (ANY_WARNING_RULE_IDS as readonly string[]).indexOf(rule);

const emptyCounts = (): WarningLevelCounts => ({ yellow: 0, red: 0, total: 0 });

function add(counts: WarningLevelCounts, yellow: number, red: number): void {
  counts.yellow += yellow;
  counts.red += red;
  counts.total += yellow + red;
}

/** The dashboard's panel: active warnings in scope by level, rule and district, and each warned project's level. */
export async function warningSummary(
  db: Kysely<DB>,
  actor: Actor,
  clock: Clock,
  query: WarningSummaryQuery,
): Promise<WarningSummary> {
  requirePermission(actor, 'warning.read');
  checkRegionFilter(actor, query.regionCode);
  const { byRuleRegion, projects } = await list.warningCounts(db, actor, query.regionCode);
  const byLevel = emptyCounts();
  const byRule = new Map<string, WarningLevelCounts>();
  const byRegion = new Map<string, WarningLevelCounts & { regionName: string }>();
  for (const row of byRuleRegion) {
    add(byLevel, row.yellow, row.red);
    const rule = byRule.get(row.rule) ?? emptyCounts();
    add(rule, row.yellow, row.red);
    byRule.set(row.rule, rule);
    const region = byRegion.get(row.region_code) ?? { ...emptyCounts(), regionName: row.region_name };
    add(region, row.yellow, row.red);
    byRegion.set(row.region_code, region);
  }
  return {
    asOf: clock.today(),
    byLevel,
    // In the order lists show the rules (the project rules, then the district's).
    byRule: [...byRule]
      .sort(([a], [b]) => ruleOrder(a) - ruleOrder(b))
      .map(([rule, counts]) => ({
        rule: rule as WarningSummary['byRule'][number]['rule'],
        ruleLabel: warningRuleLabel(rule, actor.locale),
        ...counts,
      })),
    byRegion: [...byRegion]
      .map(([regionCode, counts]) => ({ regionCode, ...counts }))
      .sort((a, b) => b.total - a.total || a.regionCode.localeCompare(b.regionCode)),
    projects: projects.flatMap((row) =>
      row.project_id === null ? [] : [{ projectId: row.project_id, level: row.level }],
    ),
  };
}

/** Runs the evaluation now, as of the application's date, over the actor's region. */
export async function evaluateNow(db: Kysely<DB>, actor: Actor, clock: Clock): Promise<WarningEvaluation> {
  requirePermission(actor, 'warning.evaluate');
  if (!actor.regionCode) throw errors.forbidden();
  return evaluateWarningsAsOf(db, clock.today(), { regionCode: actor.regionCode });
}

/** The presets (shipped and stored) and the regions in the actor's sight that have one set. */
export async function listPresets(db: Kysely<DB>, actor: Actor): Promise<WarningPresetList> {
  requirePermission(actor, 'warning.read');
  const stored = (await repo.storedPresets(db)).flatMap((row) => {
    const parsed = parseWarningPreset(row.definition);
    return parsed.success && !WARNING_PRESETS[parsed.data.id] ? [parsed.data] : [];
  });
  const settings = await repo.regionPresets(db);
  return {
    presets: [
      ...Object.values(WARNING_PRESETS).map((preset) => ({ preset, shipped: true })),
      ...stored.map((preset) => ({ preset, shipped: false })),
    ],
    active: settings
      .filter((row) => !actor.regionCode || isWithinRegion(row.region_code, actor.regionCode))
      .map((row) => ({ regionCode: row.region_code, regionName: row.region_name, presetId: row.preset_id })),
    defaultPresetId: YINCHUAN_PRESET.id,
  };
}

/** Sets the preset a region runs (audited); it applies from the next evaluation. */
export async function switchPreset(
  db: Kysely<DB>,
  actor: Actor,
  input: WarningPresetSwitch,
): Promise<WarningPresetList> {
  requirePermission(actor, 'warning.configure');
  await db.transaction().execute(async (trx) => {
    if (!(await regionExists(trx, input.regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
    if (!regionInScope(actor, input.regionCode)) throw errors.invalidField('regionCode', 'region.outOfScope');
    const presets = await presetResolver(trx);
    if (!presets.byId(input.presetId)) throw errors.invalidField('presetId', 'warning.presetUnknown');
    const before = await repo.setRegionPreset(trx, input.regionCode, input.presetId, actor.id);
    await recordAudit(trx, actor, {
      entityType: 'warning_preset',
      entityId: input.regionCode,
      action: 'update',
      regionCode: input.regionCode,
      before: { presetId: before },
      after: { presetId: input.presetId },
    });
  });
  return listPresets(db, actor);
}

/** Stores a custom preset, refused whole (400 naming every bad field) when it breaks the contract. */
export async function storePreset(db: Kysely<DB>, actor: Actor, body: unknown): Promise<WarningPreset> {
  requirePermission(actor, 'warning.configure');
  const parsed = parseWarningPreset(body);
  // Refused whole, every issue under its field path, the same answer as a body failing its route schema.
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues, 'body');
  const preset = parsed.data;
  if (WARNING_PRESETS[preset.id]) throw errors.invalidField('id', 'warning.presetShipped');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.insertPreset(trx, { id: preset.id, version: preset.version, definition: preset }, actor.id)))
      throw errors.invalidField('version', 'warning.presetVersionTaken');
    await recordAudit(trx, actor, {
      entityType: 'warning_preset',
      entityId: `${preset.id}@${preset.version}`,
      action: 'create',
      regionCode: actor.regionCode,
      after: preset,
    });
  });
  return preset;
}

/** The warnings in scope active on a date with their counts by rule and level (the CLI's `warnings`). */
export async function warningsOn(db: Kysely<DB>, actor: Actor, asOf: string, regionCode: string | undefined) {
  requirePermission(actor, 'warning.read');
  checkRegionFilter(actor, regionCode);
  const items = (await list.warningsActiveOn(db, actor, asOf, regionCode)).map((row) =>
    toWarningItem(row, actor.locale),
  );
  const byRule: Record<string, WarningLevelCounts> = {};
  const byLevel = emptyCounts();
  for (const item of items) {
    const [yellow, red] = item.level === 'red' ? [0, 1] : [1, 0];
    add((byRule[item.rule] ??= emptyCounts()), yellow, red);
    add(byLevel, yellow, red);
  }
  return { items, byRule, byLevel };
}
