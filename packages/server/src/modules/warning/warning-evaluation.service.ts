/**
 * The daily evaluation: for every live project under a region, core's rules with the preset active in the project's
 * region (set on it or on its nearest ancestor, else Yinchuan's), compared by core's diffWarnings with the stored
 * active warnings, then stored — raised inserted, confirmed updated, cleared closed — in one transaction per
 * province, with a notice to the people of each project that got a new warning. The same date twice changes nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  diffWarnings,
  districtWarningKey,
  evaluateDistrictTarget,
  evaluateWarnings,
  parseWarningPreset,
  periodOfMonthIndex,
  projectWarningKey,
  WARNING_PRESETS,
  YINCHUAN_PRESET,
  type DistrictTargetSnapshot,
  type DistrictWarning,
  type Fen,
  type ProjectWarning,
  type StoredWarning,
  type WarningEvaluation,
  type WarningPreset,
  type WarningProjectSnapshot,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { regionAndAncestors } from '../../db/scope.ts';
import { notify, usersCoveringRegion, usersOfOrganization } from '../notification/notification.repository.ts';
import * as repo from './warning.repository.ts';
import { warningRuleLabel } from './warning.presenter.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The preset a region runs: its own setting, else its nearest ancestor's, else the default (Yinchuan). */
export interface PresetResolver {
  forRegion(regionCode: string): WarningPreset;
  byId(presetId: string): WarningPreset | undefined;
}

/** Every known preset (shipped, then the stored ones' latest versions) and the regions' settings. */
export async function presetResolver(db: Db): Promise<PresetResolver> {
  const known = new Map<string, WarningPreset>(Object.entries(WARNING_PRESETS));
  for (const stored of await repo.storedPresets(db)) {
    const parsed = parseWarningPreset(stored.definition);
    // A stored preset that no longer parses (a rule retired since) is skipped, not half-applied.
    if (parsed.success && !known.has(parsed.data.id)) known.set(parsed.data.id, parsed.data);
  }
  const settings = new Map((await repo.regionPresets(db)).map((row) => [row.region_code, row.preset_id]));
  return {
    byId: (presetId) => known.get(presetId),
    forRegion(regionCode) {
      for (const code of regionAndAncestors(regionCode)) {
        const preset = known.get(settings.get(code) ?? '');
        if (preset) return preset;
      }
      return YINCHUAN_PRESET;
    },
  };
}

/** A snapshot row as core's rules read it. */
export function toSnapshot(row: repo.WarningSnapshotRow, asOf: string): WarningProjectSnapshot {
  const dues = row.open_problem_dues ?? [];
  return {
    projectId: row.id,
    stage: row.stage,
    plannedStartDate: row.planned_start_date,
    plannedCompletionDate: row.planned_completion_date,
    actualStartDate: row.actual_start_date,
    actualCompletionDate: row.actual_completion_date,
    inStatisticsSince: row.in_statistics_since,
    annualPlan: row.annual_plan === null ? null : BigInt(row.annual_plan),
    completedYtd: BigInt(row.completed_ytd),
    lastReportedPeriod: row.last_reported_index === null ? null : periodOfMonthIndex(row.last_reported_index),
    // A project on the year's list reports every month of the year (reserve projects do not report).
    reportingFrom: row.on_year_list ? `${asOf.slice(0, 4)}-01` : null,
    openProblems: dues.map((dueOn, index) => ({ id: row.open_problem_ids?.[index] ?? 0, dueOn })),
    milestones: (row.milestone_names ?? []).map((name, index) => ({
      name,
      plannedOn: row.milestone_planned?.[index] ?? '',
      doneOn: row.milestone_done?.[index] ?? null,
    })),
  };
}

/**
 * Each district's months for the target rule. The monthly target is the district's projects' annual plans / 12 per
 * month (plan × months ended / 12 to date): the city sets no other targets in the data, and the time-elapsed pace
 * of warning.measure.ts counts the year the same way. Completed: the counted months' completions, summed.
 */
export function districtSnapshots(rows: readonly repo.WarningSnapshotRow[], asOf: string): DistrictTargetSnapshot[] {
  const year = asOf.slice(0, 4);
  const byRegion = new Map<string, { plan: Fen; months: Fen[] }>();
  for (const row of rows) {
    if (row.annual_plan === null || !row.on_year_list) continue;
    const entry = byRegion.get(row.region_code) ?? { plan: 0n, months: [] };
    entry.plan += BigInt(row.annual_plan);
    (row.monthly ?? []).forEach((amount, index) => {
      entry.months[index] = (entry.months[index] ?? 0n) + BigInt(amount ?? 0);
    });
    byRegion.set(row.region_code, entry);
  }
  return [...byRegion].map(([regionCode, { plan, months }]) => ({
    regionCode,
    months: months.map((completed, index) => ({
      period: `${year}-${String(index + 1).padStart(2, '0')}`,
      target: plan / 12n,
      completed,
    })),
  }));
}

/** What one province's evaluation decided, before it is stored. */
interface Evaluated {
  projects: repo.WarningSnapshotRow[];
  projectWarnings: ProjectWarning[];
  districtWarnings: DistrictWarning[];
}

/** Runs the rules over the snapshot rows (pure apart from the resolver). */
export function runRules(rows: repo.WarningSnapshotRow[], presets: PresetResolver, asOf: string): Evaluated {
  const projectWarnings = rows.flatMap((row) =>
    evaluateWarnings(toSnapshot(row, asOf), presets.forRegion(row.region_code), asOf),
  );
  const districtWarnings: DistrictWarning[] = [];
  for (const district of districtSnapshots(rows, asOf)) {
    const preset = presets.forRegion(district.regionCode);
    const config = preset.districtRules.district_target_missed;
    const warning = config && evaluateDistrictTarget(district, config, preset.id, asOf);
    if (warning) districtWarnings.push(warning);
  }
  return { projects: rows, projectWarnings, districtWarnings };
}

const toWrite = (w: ProjectWarning | DistrictWarning, regionCode: string): repo.WarningWrite => ({
  projectId: 'projectId' in w ? w.projectId : null,
  regionCode,
  rule: w.rule,
  presetId: w.presetId,
  ruleVersion: w.version,
  level: w.level,
  figures: w.figures,
  text: w.text,
});

type Counts = Pick<WarningEvaluation, 'raised' | 'confirmed' | 'cleared' | 'active'>;

/** Stores one evaluation's outcome against the stored active warnings; returns the counts. */
export async function storeEvaluation(
  trx: Transaction<DB>,
  root: string,
  evaluated: Evaluated,
  asOf: string,
  options: { notify: boolean },
): Promise<Counts> {
  const stored = await repo.activeWarnings(trx, root);
  const projectById = new Map(evaluated.projects.map((row) => [row.id, row]));
  const ids = new Map<string, bigint>();
  const previousProject: StoredWarning<ProjectWarning>[] = [];
  const previousDistrict: StoredWarning<DistrictWarning>[] = [];
  for (const row of stored) {
    const common = {
      presetId: row.preset_id,
      version: row.rule_version,
      level: row.level,
      figures: row.figures,
      text: row.text,
      firstRaisedOn: row.first_raised_on,
      lastConfirmedOn: row.last_confirmed_on,
    };
    if (row.project_id !== null) {
      const w = { ...common, projectId: row.project_id, rule: row.rule as ProjectWarning['rule'] };
      previousProject.push(w);
      ids.set(projectWarningKey(w), row.id);
    } else {
      const w = { ...common, regionCode: row.region_code, rule: row.rule as DistrictWarning['rule'] };
      previousDistrict.push(w);
      ids.set(districtWarningKey(w), row.id);
    }
  }
  const projectDiff = diffWarnings(previousProject, evaluated.projectWarnings, asOf, projectWarningKey);
  const districtDiff = diffWarnings(previousDistrict, evaluated.districtWarnings, asOf, districtWarningKey);
  const regionOf = (w: ProjectWarning) => projectById.get(w.projectId)?.region_code ?? root;

  await repo.insertWarnings(
    trx,
    [
      ...projectDiff.raised.map((w) => toWrite(w, regionOf(w))),
      ...districtDiff.raised.map((w) => toWrite(w, w.regionCode)),
    ],
    asOf,
  );
  await repo.confirmWarnings(
    trx,
    [
      ...projectDiff.confirmed.map((w) => ({
        id: ids.get(projectWarningKey(w)) ?? -1n,
        warning: toWrite(w, regionOf(w)),
      })),
      ...districtDiff.confirmed.map((w) => ({
        id: ids.get(districtWarningKey(w)) ?? -1n,
        warning: toWrite(w, w.regionCode),
      })),
    ],
    asOf,
  );
  await repo.clearWarnings(
    trx,
    [
      ...projectDiff.cleared.map((w) => ids.get(projectWarningKey(w)) ?? -1n),
      ...districtDiff.cleared.map((w) => ids.get(districtWarningKey(w)) ?? -1n),
    ],
    asOf,
  );
  if (options.notify) await notifyRaised(trx, projectDiff.raised, projectById, asOf);
  return {
    raised: projectDiff.raised.length + districtDiff.raised.length,
    confirmed: projectDiff.confirmed.length + districtDiff.confirmed.length,
    cleared: projectDiff.cleared.length + districtDiff.cleared.length,
    active: evaluated.projectWarnings.length + evaluated.districtWarnings.length,
  };
}

/** One notice per project with new warnings: to its district's staff, its owner's people and its officer. */
async function notifyRaised(
  trx: Transaction<DB>,
  raised: readonly ProjectWarning[],
  projectById: ReadonlyMap<number, repo.WarningSnapshotRow>,
  asOf: string,
): Promise<void> {
  const byProject = new Map<number, ProjectWarning[]>();
  for (const w of raised) byProject.set(w.projectId, [...(byProject.get(w.projectId) ?? []), w]);
  const staffByRegion = new Map<string, number[]>();
  const peopleByOrg = new Map<number, number[]>();
  for (const [projectId, warnings] of byProject) {
    const project = projectById.get(projectId);
    if (!project) continue;
    let staff = staffByRegion.get(project.region_code);
    if (!staff) {
      staff = await usersCoveringRegion(trx, project.region_code, ['district_staff']);
      staffByRegion.set(project.region_code, staff);
    }
    let people = peopleByOrg.get(project.owner_org_id);
    if (!people) {
      people = await usersOfOrganization(trx, project.owner_org_id);
      peopleByOrg.set(project.owner_org_id, people);
    }
    const recipients = [...staff, ...people, ...(project.service_officer_id ? [project.service_officer_id] : [])];
    const red = warnings.some((w) => w.level === 'red');
    await notify(trx, recipients, {
      kind: 'warning_raised',
      title: `${red ? '红色' : '黄色'}预警：${project.name}`,
      body: warnings.map((w) => `${warningRuleLabel(w.rule)}：${w.text}`).join('\n'),
      link: `/projects/${projectId}`,
      entityType: 'project',
      entityId: projectId,
      createdOn: asOf,
    });
  }
}

/**
 * Evaluates every rule as of `asOf` for the projects under `regionCode` (every province when none) and stores the
 * outcome. `notify: false` is for the benchmark, which measures the rules and the storing alone.
 */
export async function evaluateWarningsAsOf(
  db: Kysely<DB>,
  asOf: string,
  options: { regionCode?: string | undefined; notify?: boolean } = {},
): Promise<WarningEvaluation> {
  const roots = options.regionCode ? [options.regionCode] : await repo.provinceCodes(db);
  const total: WarningEvaluation = { asOf, projects: 0, raised: 0, confirmed: 0, cleared: 0, active: 0 };
  for (const root of roots) {
    const counts = await db.transaction().execute(async (trx) => {
      const presets = await presetResolver(trx);
      const rows = await repo.loadWarningSnapshots(trx, root, asOf);
      const evaluated = runRules(rows, presets, asOf);
      total.projects += rows.length;
      return storeEvaluation(trx, root, evaluated, asOf, { notify: options.notify ?? true });
    });
    total.raised += counts.raised;
    total.confirmed += counts.confirmed;
    total.cleared += counts.cleared;
    total.active += counts.active;
  }
  return total;
}
