/**
 * Kysely access to warnings: the snapshot loader (one set-based statement building core's WarningProjectSnapshot
 * for every live project under a region), the stored active warnings, and the writes of an evaluation (insert the
 * raised, update the confirmed, clear the cleared; the partial unique indexes keep one active warning per project
 * and rule, or per district and rule).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_PROBLEM_STATES, regionPrefix, type WarningLevel } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';
import { progressQuery } from '../stats/stats.progress.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Report states that count as filed (a draft is not, nor a report sent back to its owner). */
const FILED_STATES = ['submitted', 'approved', 'confirmed', 'locked'] as const;

/**
 * The job acts for no user: a city-wide reader of one region's projects, so that the snapshot goes through the
 * same scope helper as every other project query.
 */
export function regionReader(regionCode: string): ScopeActor {
  return { id: 0, role: 'city_admin', regionCode, organizationId: null };
}

/** One row of the snapshot loader: a project's identity, who to tell, and what the rules read. */
export interface WarningSnapshotRow {
  id: number;
  code: string;
  name: string;
  region_code: string;
  owner_org_id: number;
  service_officer_id: number | null;
  stage: string;
  planned_start_date: string | null;
  planned_completion_date: string | null;
  actual_start_date: string | null;
  actual_completion_date: string | null;
  in_statistics_since: string | null;
  annual_plan: string | null;
  completed_ytd: string;
  /** The counted months' completions, January first (the district target rule sums them by district). */
  monthly: (string | null)[] | null;
  last_reported_index: number | null;
  on_year_list: boolean;
  open_problem_dues: (string | null)[] | null;
  open_problem_ids: number[] | null;
  /** The current (approved) milestone plan's nodes: names, planned ends, and actual ends of those done. */
  milestone_names: string[] | null;
  milestone_planned: string[] | null;
  milestone_done: (string | null)[] | null;
}

/**
 * Every live project under the region with what the rules read as of `asOf`: its dates and stage, the as-of year's
 * plan, the year's completions counted as of the date (the statistics' progress rows, the same definition as the
 * dashboard), the last filed report's month (as a month index, year × 12 + month − 1, up to the date's month),
 * whether it is on the year's list (then it reports from January), and its open problems' due dates.
 */
export async function loadWarningSnapshots(db: Db, regionCode: string, asOf: string): Promise<WarningSnapshotRow[]> {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return (
    db
      .with(
        (cte) => cte('progress').materialized(),
        () => progressQuery(db, { year, asOf }),
      )
      .with('open_problems', (qb) =>
        qb
          .selectFrom('problems')
          .select([
            'project_id',
            sql<(string | null)[]>`array_agg(due_on::text order by id)`.as('dues'),
            sql<number[]>`array_agg(id order by id)`.as('ids'),
          ])
          .where('state', 'in', OPEN_PROBLEM_STATES)
          .groupBy('project_id'),
      )
      .with('milestones', (qb) =>
        qb
          .selectFrom('milestone_nodes as n')
          .innerJoin('milestone_plans as mp', 'mp.id', 'n.plan_id')
          .where('mp.status', '=', 'approved')
          .select([
            'mp.project_id',
            sql<string[]>`array_agg(n.name order by n.sort_order)`.as('names'),
            sql<string[]>`array_agg(n.planned_end::text order by n.sort_order)`.as('planned'),
            sql<
              (string | null)[]
            >`array_agg(case when n.status = 'done' then n.actual_end::text end order by n.sort_order)`.as('done'),
          ])
          .groupBy('mp.project_id'),
      )
      .selectFrom(() =>
        scopedProjects(db, regionReader(regionCode))
          .where('projects.region_code', 'like', `${regionPrefix(regionCode)}%`)
          .selectAll('projects')
          .as('p'),
      )
      .leftJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'p.id').on('ap.year', '=', year))
      .leftJoin('progress as g', 'g.project_id', 'p.id')
      // Each project's last filed report found from its end of the (project, year, month) index: a grouping over the
      // reports read every year kept (issue #14 item 8: 2.8 s of 4.9 s at ten years, doubling with the years).
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('monthly_reports as r')
            .select(sql<number>`r.year * 12 + r.month - 1`.as('last_index'))
            .whereRef('r.project_id', '=', 'p.id')
            .where('r.state', 'in', FILED_STATES)
            .where(sql<boolean>`(r.year, r.month) <= (${year}, ${month})`)
            .orderBy('r.year', 'desc')
            .orderBy('r.month', 'desc')
            .limit(1)
            .as('f'),
        (join) => join.onTrue(),
      )
      .leftJoin('open_problems as op', 'op.project_id', 'p.id')
      .leftJoin('milestones as ms', 'ms.project_id', 'p.id')
      .select([
        'p.id',
        'p.code',
        'p.name',
        'p.region_code',
        'p.owner_org_id',
        'p.service_officer_id',
        'p.stage',
        sql<string | null>`p.planned_start_date::text`.as('planned_start_date'),
        sql<string | null>`p.planned_completion_date::text`.as('planned_completion_date'),
        sql<string | null>`p.actual_start_date::text`.as('actual_start_date'),
        sql<string | null>`p.actual_completion_date::text`.as('actual_completion_date'),
        sql<string | null>`p.in_statistics_since::text`.as('in_statistics_since'),
        sql<string | null>`ap.planned_investment::text`.as('annual_plan'),
        sql<string>`coalesce(g.completed, 0)::text`.as('completed_ytd'),
        sql<(string | null)[] | null>`g.monthly::text[]`.as('monthly'),
        sql<number | null>`f.last_index`.as('last_reported_index'),
        sql<boolean>`ap.project_id is not null and ap.nature <> 'reserve'`.as('on_year_list'),
        sql<(string | null)[] | null>`op.dues`.as('open_problem_dues'),
        sql<number[] | null>`op.ids`.as('open_problem_ids'),
        sql<string[] | null>`ms.names`.as('milestone_names'),
        sql<string[] | null>`ms.planned`.as('milestone_planned'),
        sql<(string | null)[] | null>`ms.done`.as('milestone_done'),
      ])
      .orderBy('p.id')
      .execute()
  );
}

/** A stored warning row as the evaluation compares it. */
export type ActiveWarningRow = Awaited<ReturnType<typeof activeWarnings>>[number];

/** The active warnings under a region (project and district ones). */
export async function activeWarnings(db: Db, regionCode: string) {
  return db
    .selectFrom('warnings')
    .select([
      'id',
      'project_id',
      'region_code',
      'rule',
      'preset_id',
      'rule_version',
      'level',
      'figures',
      'text',
      sql<string>`first_raised_on::text`.as('first_raised_on'),
      sql<string>`last_confirmed_on::text`.as('last_confirmed_on'),
      sql<string>`level_changed_on::text`.as('level_changed_on'),
    ])
    .where('cleared_on', 'is', null)
    .where('region_code', 'like', `${regionPrefix(regionCode)}%`)
    .execute();
}

/** A warning to store: a project's (projectId) or a district's (projectId null). */
export interface WarningWrite {
  projectId: number | null;
  regionCode: string;
  rule: string;
  presetId: string;
  ruleVersion: number;
  level: WarningLevel;
  figures: Record<string, string | number | null>;
  text: string;
}

/** Inserts newly raised warnings, first raised (and last confirmed) on `asOf`; returns their ids in order. */
export async function insertWarnings(db: Db, warnings: readonly WarningWrite[], asOf: string): Promise<bigint[]> {
  const ids: bigint[] = [];
  // In batches: a statement's parameters are limited (65,535), and a province raises tens of thousands at once.
  for (let i = 0; i < warnings.length; i += 2000) {
    const rows = await db
      .insertInto('warnings')
      .values(
        warnings.slice(i, i + 2000).map((w) => ({
          project_id: w.projectId,
          region_code: w.regionCode,
          rule: w.rule,
          preset_id: w.presetId,
          rule_version: w.ruleVersion,
          level: w.level,
          figures: JSON.stringify(w.figures),
          text: w.text,
          first_raised_on: asOf,
          last_confirmed_on: asOf,
          level_changed_on: asOf,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/**
 * Confirms active warnings on `asOf` with their new figures, in one statement per batch (a province confirms tens
 * of thousands each day); the level-change date moves only for those whose level changed.
 */
export async function confirmWarnings(
  db: Db,
  confirmed: readonly { id: bigint; warning: WarningWrite }[],
  asOf: string,
): Promise<void> {
  for (let i = 0; i < confirmed.length; i += 5000) {
    const batch = confirmed.slice(i, i + 5000).map(({ id, warning }) => ({
      id: String(id),
      level: warning.level,
      figures: warning.figures,
      text: warning.text,
      preset_id: warning.presetId,
      rule_version: warning.ruleVersion,
    }));
    await sql`
      update warnings w set
        level_changed_on = case when w.level <> v.level then ${asOf}::date else w.level_changed_on end,
        level = v.level, figures = v.figures, text = v.text, preset_id = v.preset_id,
        rule_version = v.rule_version, last_confirmed_on = ${asOf}::date
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as v(id bigint, level text, figures jsonb, text text, preset_id text, rule_version integer)
      where w.id = v.id and w.cleared_on is null`.execute(db);
  }
}

/** Clears active warnings on `asOf` (never before they were raised). */
export async function clearWarnings(db: Db, ids: readonly bigint[], asOf: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('warnings')
    .set({ cleared_on: sql<string>`greatest(${asOf}::date, first_raised_on)` })
    // One array parameter however many (a list of ids would exceed the parameter limit at province scale).
    .where(sql<boolean>`id = any(${ids.map(String)}::bigint[])`)
    .where('cleared_on', 'is', null)
    .execute();
}

/** The region presets set by administrators (region → preset id). */
export async function regionPresets(db: Db) {
  return db
    .selectFrom('region_warning_presets as rp')
    .innerJoin('regions', 'regions.code', 'rp.region_code')
    .select(['rp.region_code', 'rp.preset_id', 'regions.name as region_name'])
    .orderBy('rp.region_code')
    .execute();
}

/** Sets (or replaces) the preset active in a region; returns the one it replaced, if any. */
export async function setRegionPreset(
  db: Db,
  regionCode: string,
  presetId: string,
  userId: number | null,
): Promise<string | null> {
  const before = await db
    .selectFrom('region_warning_presets')
    .select('preset_id')
    .where('region_code', '=', regionCode)
    .forUpdate()
    .executeTakeFirst();
  await db
    .insertInto('region_warning_presets')
    .values({ region_code: regionCode, preset_id: presetId, updated_by: userId })
    .onConflict((oc) =>
      oc.column('region_code').doUpdateSet({ preset_id: presetId, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
  return before?.preset_id ?? null;
}

/** The latest stored version of each stored preset. */
export async function storedPresets(db: Db) {
  return db
    .selectFrom('warning_presets')
    .distinctOn('id')
    .select(['id', 'version', 'definition'])
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
}

/** Stores a preset version; false when that id and version exist already. */
export async function insertPreset(
  db: Db,
  preset: { id: string; version: number; definition: unknown },
  userId: number | null,
): Promise<boolean> {
  const rows = await db
    .insertInto('warning_presets')
    .values({
      id: preset.id,
      version: preset.version,
      definition: JSON.stringify(preset.definition),
      created_by: userId,
    })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** The province codes (a run over everything goes province by province, each through the scope helper). */
export async function provinceCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('regions').select('code').where('level', '=', 'province').orderBy('code').execute();
  return rows.map((row) => row.code);
}
