/**
 * The 大庆 demo's milestone plans (issue #11), as of the demo's date: two thirds of the projects started or under
 * construction (at most 48) get an approved plan of four construction nodes from their start to their planned
 * completion, every third of them re-planned (version 2 with its reason, the target moved 45–90 days) so the
 * baseline and the latest plan differ; their sites finished nodes on time, late, or left them open past their date.
 * A dozen projects not yet started get a plan generated backwards from the template to their start (倒排工期),
 * with responsible units named; most are approved, some left as drafts. Deterministic: every choice follows the
 * projects' order by code. Approval, progress and generation go through the plan services; the custom construction
 * drafts are written with the plan repository and audited like a draft save.
 */
import type { Kysely } from 'kysely';
import { addDays, earliestTarget, toPlanNodeInput, type Actor, type PlanDraftBody } from '@keyprojects/core';
import { cliActor } from '../../cli/cli-actor.ts';
import { fixedClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { recordAudit } from '../../modules/audit/audit.repository.ts';
import { approvePlan, generatePlan, recordNodeProgress, saveDraft } from '../../modules/plan/plan.edit.service.ts';
import * as repo from '../../modules/plan/plan.repository.ts';
import { templatePosition, type PlanDeps } from '../../modules/plan/plan.service.ts';
import { constructionNodes, demoProgress, REPLAN_DAYS, REPLAN_REASONS, type DemoNode } from './plans.demo.layout.ts';

const MAX_CONSTRUCTION_PLANS = 48;
const NOT_STARTED_PLANS = 12;

export interface PlansDemoResult {
  construction: number;
  replanned: number;
  generated: number;
  drafts: number;
}

/** Writes a draft of the given nodes (version `version`, row version 1), audited as a generated draft is. */
async function writeDraft(
  deps: PlanDeps,
  actor: Actor,
  project: { id: number; regionCode: string },
  plan: { version: number; targetDate: string; reason: string | null; nodes: DemoNode[]; unitId: number | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const id = await repo.insertDraft(trx, {
      projectId: project.id,
      version: plan.version,
      targetDate: plan.targetDate,
      reason: plan.reason,
      createdBy: actor.id,
    });
    const rows = plan.nodes.map((node, index) => ({
      ...node,
      stepCode: null,
      actualStart: null,
      actualEnd: null,
      status: 'pending' as const,
      // The unit named for the project follows its main structure (主体结构), due around the demo's date.
      responsibleOrgId: index === 1 ? plan.unitId : null,
      responsiblePerson: null,
      note: null,
    }));
    await repo.replaceNodes(trx, id, rows);
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: project.id,
      action: 'create',
      regionCode: project.regionCode,
      after: { plan: { version: plan.version, status: 'draft', targetDate: plan.targetDate, reason: plan.reason } },
    });
  });
}

/** The projects of the given stages in the admin's scope, by code. */
function projectsIn(db: Kysely<DB>, actor: Actor, stages: readonly string[]) {
  return scopedProjects(db, actor)
    .where('projects.stage', 'in', stages)
    .select([
      'projects.id',
      'projects.region_code as regionCode',
      'projects.actual_start_date as actualStart',
      'projects.planned_start_date as plannedStart',
      'projects.planned_completion_date as plannedCompletion',
    ])
    .orderBy('projects.code')
    .execute();
}

/** One construction project's plan (and re-plan), approved, with its site's progress; true when re-planned. */
async function seedConstructionPlan(
  deps: PlanDeps,
  admin: Actor,
  project: { id: number; regionCode: string; start: string; end: string },
  index: number,
  unitId: number | null,
): Promise<boolean | null> {
  const latest = constructionNodes(project.start, project.end);
  if (!latest) return null;
  const moved = REPLAN_DAYS[Math.floor(index / 3) % REPLAN_DAYS.length] ?? 60;
  const baselineEnd = addDays(project.end, -moved);
  const baseline = index % 3 === 0 ? constructionNodes(project.start, baselineEnd) : null;
  const first = { version: 1, reason: null, unitId };
  if (baseline) {
    await writeDraft(deps, admin, project, { ...first, targetDate: baselineEnd, nodes: baseline });
    await approvePlan(deps, admin, project.id, 1);
    const reason = REPLAN_REASONS[index % REPLAN_REASONS.length] ?? null;
    await writeDraft(deps, admin, project, { version: 2, reason, unitId, targetDate: project.end, nodes: latest });
  } else {
    await writeDraft(deps, admin, project, { ...first, targetDate: project.end, nodes: latest });
  }
  await approvePlan(deps, admin, project.id, 1);
  const today = deps.clock.today();
  const due = latest.filter((node) => node.plannedEnd < today);
  for (const node of latest) {
    const progress = demoProgress(node, index, node === due.at(-1), today);
    if (progress) await recordNodeProgress(deps, admin, project.id, node.key, progress);
  }
  return baseline !== null;
}

/** A plan generated backwards from the template to the project's start, units named; approved unless `draftOnly`. */
async function seedGeneratedPlan(
  deps: PlanDeps,
  admin: Actor,
  project: { id: number; plannedStart: string | null },
  index: number,
  unitIds: readonly number[],
): Promise<'approved' | 'draft' | null> {
  const found = await repo.findPlanProject(deps.db, admin, project.id);
  if (!found) return null;
  const { definition, position } = templatePosition(found);
  const until = definition.stages.find((s) => s.phase === 'started' || s.phase === 'construction')?.code;
  const earliest = earliestTarget(definition, position, deps.clock.today(), until);
  if (earliest === null) return null;
  const spread = addDays(earliest, (index % 4) * 14);
  const targetDate = project.plannedStart && project.plannedStart > spread ? project.plannedStart : spread;
  const generated = await generatePlan(deps, admin, project.id, { targetDate, untilStage: until });
  const draft = generated.draft;
  if (!draft) return null;
  const body: PlanDraftBody = {
    targetDate,
    nodes: draft.nodes.map((node, n) => ({
      ...toPlanNodeInput(node),
      responsibleOrgId: unitIds.length > 0 ? (unitIds[(index + n) % unitIds.length] ?? null) : null,
    })),
  };
  const saved = await saveDraft(deps, admin, project.id, draft.rowVersion, body);
  if (index % 3 === 2) return 'draft';
  await approvePlan(deps, admin, project.id, saved.draft?.rowVersion ?? 0);
  return 'approved';
}

/** Seeds the demo's plans as of `asOf` on a database the demo city has just filled. */
export async function seedPlansDemo(db: Kysely<DB>, asOf: string): Promise<PlansDemoResult> {
  const deps: PlanDeps = { db, clock: fixedClock(asOf) };
  const admin = await cliActor(db, { as: 'daqing.admin' });
  const units = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', 'responsible_unit')
    .orderBy('id')
    .execute();
  // The demo's unit account is 市自然资源局's: name it on nodes so its own list is not empty.
  const demoUnit = units.find((u) => u.name.includes('自然资源'))?.id ?? units[0]?.id ?? null;
  const result: PlansDemoResult = { construction: 0, replanned: 0, generated: 0, drafts: 0 };

  const building = (await projectsIn(db, admin, ['started', 'construction'])).filter((_p, i) => i % 3 !== 2);
  for (const [index, p] of building.slice(0, MAX_CONSTRUCTION_PLANS).entries()) {
    const start = p.actualStart ?? p.plannedStart;
    if (!start || !p.plannedCompletion) continue;
    const unitId = index % 2 === 0 ? demoUnit : (units[index % Math.max(units.length, 1)]?.id ?? null);
    const project = { id: p.id, regionCode: p.regionCode, start, end: p.plannedCompletion };
    const replanned = await seedConstructionPlan(deps, admin, project, index, unitId);
    if (replanned === null) continue;
    result.construction += 1;
    if (replanned) result.replanned += 1;
  }

  const waiting = await projectsIn(db, admin, ['reserve', 'preparation']);
  const unitIds = units.map((u) => u.id);
  for (const [index, p] of waiting.slice(0, NOT_STARTED_PLANS).entries()) {
    const outcome = await seedGeneratedPlan(deps, admin, p, index, unitIds);
    if (outcome === 'approved') result.generated += 1;
    if (outcome === 'draft') result.drafts += 1;
  }
  return result;
}
