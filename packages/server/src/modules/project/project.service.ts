/**
 * Project rules: permission first, then references checked against the database (region in the actor's
 * scope, known owner, officer, stage, area code, unique code), then the change, its side tables and its
 * audit row in one transaction. Another region's project is "not found", never "forbidden".
 */
import type { Kysely, Transaction } from 'kysely';
import {
  codeAreaFitsRegion,
  isSandboxRegion,
  parseProjectCode,
  type MessageKey,
  type ProjectCreateInput,
  type ProjectListQuery,
  type ProjectOutput,
  type ProjectUpdateInput,
} from '@keyprojects/core';
import type { DB, NewProjectRow } from '../../db/schema.ts';
import { officerInScope, organizationInScope, projectCodeTaken, regionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { recordTotalsDifferences, type TotalsChange } from '../funding/funding.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { projectSnapshot } from './project.presenter.ts';
import * as repo from './project.repository.ts';
import { regionExists } from '../region/region.repository.ts';
import { recordFormStage } from '../lifecycle/lifecycle-progress.service.ts';

type Fields = Record<string, MessageKey>;

export async function listProjects(db: Kysely<DB>, actor: Actor, query: ProjectListQuery) {
  requirePermission(actor, 'project.read');
  const result = await repo.listProjects(db, actor, query);
  return { ...result, page: query.page, pageSize: query.pageSize };
}

export async function getProject(db: Kysely<DB>, actor: Actor, id: number): Promise<ProjectOutput> {
  requirePermission(actor, 'project.read');
  const project = await repo.findProject(db, actor, id);
  if (!project) throw errors.notFound();
  return project;
}

/** The stored values a change is checked against (absent on create). */
type CurrentRefs = {
  id: number;
  code: string;
  regionCode: string;
  ownerOrgId: number;
  serviceOfficerId: number | null;
};

/**
 * The references of a create or update checked against the database and the actor's scope (db/scope.ts): the
 * region inside the scope; a new owner or officer based inside it or above it (naming one gives its accounts sight
 * of the project); a new code with a known area inside the scope that fits the project's region, and not held by any
 * other project (one neutral message whoever holds it); a known stage. Unchanged references are not re-judged.
 */
async function checkReferences(trx: Transaction<DB>, actor: Actor, input: ProjectUpdateInput, current?: CurrentRefs) {
  const fields: Fields = {};
  const region = input.regionCode ?? current?.regionCode;
  if (input.regionCode !== undefined) {
    if (!(await regionExists(trx, input.regionCode))) fields.regionCode = 'region.unknown';
    else if (!regionInScope(actor, input.regionCode)) fields.regionCode = 'region.outOfScope';
  }
  if (input.code !== undefined && input.code !== current?.code) {
    const problem = await codeProblem(trx, actor, input.code, region, current?.id);
    if (problem) fields.code = problem;
  } else if (
    current &&
    input.regionCode !== undefined &&
    input.regionCode !== current.regionCode &&
    !('regionCode' in fields) &&
    !codeAreaFitsRegion(current.code.slice(5, 11), input.regionCode)
  ) {
    // Moving a project away from the region its code was issued for.
    fields.regionCode = 'projectCode.areaMismatch';
  }
  if (input.ownerOrgId !== undefined && input.ownerOrgId !== current?.ownerOrgId) {
    const owner = await organizationInScope(trx, actor, input.ownerOrgId);
    if (owner !== 'inScope') fields.ownerOrgId = owner === 'unknown' ? 'organization.unknown' : 'region.outOfScope';
  }
  if (input.serviceOfficerId != null && input.serviceOfficerId !== current?.serviceOfficerId) {
    const officer = await officerInScope(trx, actor, input.serviceOfficerId);
    if (officer !== 'inScope') fields.serviceOfficerId = officer === 'unknown' ? 'user.unknown' : 'region.outOfScope';
  }
  if (input.stage !== undefined && !(await repo.stageExists(trx, input.stage))) fields.stage = 'stage.unknown';
  if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
}

/** What is wrong with a new project code, if anything: shape, area (known, in scope, fits the region), taken. */
async function codeProblem(
  trx: Transaction<DB>,
  actor: Actor,
  code: string,
  region: string | undefined,
  selfId: number | undefined,
): Promise<MessageKey | null> {
  const areaCode = code.slice(5, 11);
  const areaKnown = await regionExists(trx, areaCode);
  const parsed = parseProjectCode(code, () => areaKnown);
  if (!parsed.ok) return parsed.problem;
  // The open-data sandbox holds projects under the national codes other places issued (the OC4IDS import keeps them).
  const issuedElsewhere = region !== undefined && isSandboxRegion(region);
  if (!issuedElsewhere && !regionInScope(actor, areaCode)) return 'projectCode.areaOutOfScope';
  if (!issuedElsewhere && region !== undefined && !codeAreaFitsRegion(areaCode, region))
    return 'projectCode.areaMismatch';
  return (await projectCodeTaken(trx, code, selfId)) ? 'projectCode.unavailable' : null;
}

/** Maps API fields to columns; only the fields present in the input (bulk imports write the same). */
export function toRow(input: ProjectUpdateInput): Partial<NewProjectRow> {
  const row: Partial<NewProjectRow> = {};
  const set = <K extends keyof NewProjectRow>(key: K, value: NewProjectRow[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  const orNull = <T>(value: T | null | undefined) => (value === undefined ? undefined : (value ?? null));
  set('code', input.code);
  set('name', input.name);
  set('owner_org_id', input.ownerOrgId);
  set('region_code', input.regionCode);
  set('levels', input.levels ? [...new Set(input.levels)] : undefined);
  set('category', input.category);
  set('industry', orNull(input.industry));
  set('nature', input.nature);
  set('construction_content', orNull(input.constructionContent));
  set('address', orNull(input.address));
  set(
    'longitude',
    input.longitude === undefined ? undefined : input.longitude === null ? null : input.longitude.toFixed(6),
  );
  set(
    'latitude',
    input.latitude === undefined ? undefined : input.latitude === null ? null : input.latitude.toFixed(6),
  );
  set('total_investment', input.totalInvestment);
  set('planned_start_date', orNull(input.plannedStartDate));
  set('planned_completion_date', orNull(input.plannedCompletionDate));
  set('planned_production_date', orNull(input.plannedProductionDate));
  set('actual_start_date', orNull(input.actualStartDate));
  set('actual_completion_date', orNull(input.actualCompletionDate));
  set('actual_production_date', orNull(input.actualProductionDate));
  set('stage', input.stage);
  set('financing_model', orNull(input.financingModel));
  set('service_officer_id', orNull(input.serviceOfficerId));
  set('responsible_leader', orNull(input.responsibleLeader));
  set('responsible_unit', orNull(input.responsibleUnit));
  set('contact_person', orNull(input.contactPerson));
  set('contact_phone', orNull(input.contactPhone));
  set('tags', input.tags ? [...new Set(input.tags)] : undefined);
  set('in_statistics', input.inStatistics);
  set('in_statistics_since', orNull(input.inStatisticsSince));
  return row;
}

/**
 * The side-table rows of an input, when it names them: one funding source per kind and one plan per year
 * (the last given wins), amounts in fen. Bulk imports write the same rows.
 */
export function sideTableRows(input: ProjectUpdateInput) {
  const funding = input.fundingSources && [...new Map(input.fundingSources.map((s) => [s.kind, s])).values()];
  const plans = input.annualPlans && [...new Map(input.annualPlans.map((p) => [p.year, p])).values()];
  return {
    fundingSources: funding?.map((s) => ({
      kind: s.kind,
      applied: s.applied,
      approved: s.approved,
      issued: s.issued,
    })),
    annualPlans: plans,
  };
}

/** The note on funding events recorded from totals entered in the project form (or an API client's create/edit). */
export const FORM_FUNDING_NOTE = '项目表单录入资金来源';

/**
 * Replaces the side tables the input names (a bulk import's updates call this too). Funding totals written whole
 * record their difference from the project's history as dated events (funding.repository.ts), by `change`.
 */
export async function writeSideTables(
  trx: Transaction<DB>,
  projectId: number,
  input: ProjectUpdateInput,
  change: TotalsChange,
) {
  const { fundingSources, annualPlans } = sideTableRows(input);
  if (fundingSources) {
    await repo.replaceFundingSources(trx, projectId, fundingSources);
    await recordTotalsDifferences(trx, [projectId], change);
  }
  if (annualPlans) await repo.replaceAnnualPlans(trx, projectId, annualPlans);
}

export async function createProject(db: Kysely<DB>, actor: Actor, input: ProjectCreateInput): Promise<ProjectOutput> {
  return db.transaction().execute((trx) => createProjectInTransaction(trx, actor, input));
}

/** Creates a project inside the caller's transaction (bulk imports run many in one). */
export async function createProjectInTransaction(
  trx: Transaction<DB>,
  actor: Actor,
  input: ProjectCreateInput,
): Promise<ProjectOutput> {
  requirePermission(actor, 'project.create');
  await checkReferences(trx, actor, input);
  const id = await repo.insertProject(trx, { ...(toRow(input) as NewProjectRow), created_by: actor.id });
  await writeSideTables(trx, id, input, { enteredBy: actor.id, note: FORM_FUNDING_NOTE });
  const created = await repo.findProject(trx, actor, id);
  if (!created) throw errors.notFound();
  await recordAudit(trx, actor, {
    entityType: 'project',
    entityId: id,
    action: 'create',
    regionCode: created.regionCode,
    after: projectSnapshot(created),
  });
  return created;
}

export async function updateProject(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  input: ProjectUpdateInput,
  today?: string,
): Promise<ProjectOutput> {
  return db.transaction().execute((trx) => updateProjectInTransaction(trx, actor, id, version, input, today));
}

/**
 * The form's input without what the lifecycle owns: the actual dates derive from transitions (ignored here), and a
 * changed stage is recorded as a transition instead of written (see updateProjectInTransaction).
 */
function withoutLifecycle(input: ProjectUpdateInput): ProjectUpdateInput {
  const { actualStartDate: _s, actualCompletionDate: _c, actualProductionDate: _p, stage: _stage, ...rest } = input;
  return rest;
}

/**
 * Updates a project inside the caller's transaction; 404 when invisible, 412 when `version` is stale. Given the
 * application's date (the project form), a changed stage becomes a lifecycle transition dated today and the actual
 * dates are ignored (they derive from the transitions); the bulk imports, which pass no date, write them as before.
 */
export async function updateProjectInTransaction(
  trx: Transaction<DB>,
  actor: Actor,
  id: number,
  version: number,
  input: ProjectUpdateInput,
  today?: string,
): Promise<ProjectOutput> {
  requirePermission(actor, 'project.update');
  const current = await repo.lockProject(trx, actor, id);
  if (!current) throw errors.notFound();
  if (current.version !== version) throw errors.versionConflict();
  await checkReferences(trx, actor, input, current);
  const before = await repo.findProject(trx, actor, id);
  if (!before) throw errors.notFound();
  const formStage = input.stage !== undefined && input.stage !== before.stage ? input.stage : null;
  const row = toRow(today === undefined ? input : withoutLifecycle(input));
  if (!(await repo.updateProject(trx, actor, id, version, row))) throw errors.versionConflict();
  await writeSideTables(trx, id, input, { enteredBy: actor.id, note: FORM_FUNDING_NOTE });
  if (formStage !== null && today !== undefined) await recordFormStage(trx, actor, id, formStage, today);
  // The new region must still be visible to the actor (checkReferences ensured it), so this finds it.
  const after = await repo.findProject(trx, actor, id);
  if (!after) throw errors.notFound();
  await recordAudit(trx, actor, {
    entityType: 'project',
    entityId: id,
    action: 'update',
    regionCode: after.regionCode,
    before: projectSnapshot(before),
    after: projectSnapshot(after),
  });
  return after;
}

export async function deleteProject(db: Kysely<DB>, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'project.delete');
  await db.transaction().execute(async (trx) => {
    const current = await repo.lockProject(trx, actor, id);
    if (!current) throw errors.notFound();
    if (current.version !== version) throw errors.versionConflict();
    const before = await repo.findProject(trx, actor, id);
    if (!before) throw errors.notFound();
    if (!(await repo.updateProject(trx, actor, id, version, { deleted_at: new Date() })))
      throw errors.versionConflict();
    await recordAudit(trx, actor, {
      entityType: 'project',
      entityId: id,
      action: 'delete',
      regionCode: before.regionCode,
      before: projectSnapshot(before),
    });
  });
}
