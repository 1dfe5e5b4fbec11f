/**
 * The OC4IDS import: a project package into the sandbox region, in one transaction, through the project
 * service (so the project contract, reference checks and audit rows apply as to any other change).
 *
 * Permission first ('oc4ids.import'), then the package against the official schema, then each project.
 * The writes run as the caller with the sandbox as its region: a city administrator of 大庆 may fill the
 * sandbox without gaining any sight of it — the answer carries the project ids, and only users whose region
 * is the sandbox see the projects. The audit rows name the real caller.
 *
 * A project is matched by its OC4IDS id (project_external_ids), so importing the same package again changes
 * nothing: a project whose mapped fields are all as imported is left alone, without a new version or audit row.
 *
 * Lifecycle: a new project is filed on the default template at the stage of its status; the transitions the
 * project trigger seeds become the import's, dated the application's day. A re-import's new status is a
 * transition (source 'import'). The milestones become a draft plan the DRC approves later (oc4ids.lifecycle.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  OC4IDS_FIELD_SOURCES,
  OC4IDS_ID_PREFIX,
  OC4IDS_ID_SCHEME,
  OC4IDS_SANDBOX_REGION,
  OC4IDS_SANDBOX_ROOT,
  isImportTag,
  nationalProjectCode,
  oc4idsImportPackage,
  parseWan,
  planOc4idsImport,
  projectCreateInput,
  projectUpdateInput,
  planMilestoneImport,
  type Oc4idsImportDetails,
  type Oc4idsImportPlan,
  type Oc4idsImportProject,
  type Oc4idsImportResult,
  type Oc4idsProjectStatus,
  type ProjectCreateInput,
  type ProjectOutput,
} from '@keyprojects/core';
import { systemClock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { issueProjectCodes, projectCodeTaken } from '../../db/scope.ts';
import { AppError, RequestValidationError } from '../../errors.ts';
import { auditedTransfer } from '../audit/audit.transfer.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { DEFAULT_BACKDATE_WINDOW_DAYS, recordTransition } from '../lifecycle/lifecycle-transition.service.ts';
import { registerOrganizationIn } from '../organization/organization.service.ts';
import { findProject } from '../project/project.repository.ts';
import { regionExists } from '../region/region.repository.ts';
import { createProjectInTransaction, updateProjectInTransaction } from '../project/project.service.ts';
import { claimSeededTransitions, projectDefinition, stageOfPhase, writeDraftPlan } from './oc4ids.lifecycle.ts';
import * as repo from './oc4ids.repository.ts';
import { packageIssues } from './oc4ids.validator.ts';

type Issue = z.core.$ZodIssue;
type Outcome = Oc4idsImportResult['projects'][number];

/** The fields an import owns on an existing project; levels, region and everything else stay as a user set them. */
const MAPPED_FIELDS = [
  'name',
  'constructionContent',
  'stage',
  'nature',
  'category',
  'industry',
  'address',
  'plannedStartDate',
  'plannedCompletionDate',
  'plannedProductionDate',
  'ownerOrgId',
] as const;
const SOURCE_MAX = 2000;

/** A project field's path in the package, for an error about it ("totalInvestment" → projects.0.budget.amount.amount). */
function packagePath(index: number, field: PropertyKey | undefined): (string | number)[] {
  const source = typeof field === 'string' ? OC4IDS_FIELD_SOURCES[field] : undefined;
  return ['projects', index, ...(source ?? 'id').split('.')];
}

const relocate = (issue: Issue, index: number): Issue => ({ ...issue, path: packagePath(index, issue.path[0]) });

/** Coordinates as the numeric(9, 6) columns keep them, so a re-import compares like with like. */
const stored = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Number(value.toFixed(6));

/** The mapped fields of `next` that differ from the project as it is. */
function changedFields(current: ProjectOutput, next: ProjectCreateInput): string[] {
  const changed: string[] = MAPPED_FIELDS.filter((field) => (current[field] ?? null) !== (next[field] ?? null));
  if (stored(current.longitude) !== stored(next.longitude) || stored(current.latitude) !== stored(next.latitude))
    changed.push('longitude', 'latitude');
  if (parseWan(current.totalInvestment) !== next.totalInvestment) changed.push('totalInvestment');
  const tags = new Set(current.tags);
  if (tags.size !== new Set(next.tags).size || next.tags.some((tag) => !tags.has(tag))) changed.push('tags');
  return changed;
}

/** The sandbox owner of that name, registered (and audited) on first sight. */
async function ownerFor(trx: Transaction<DB>, actor: Actor, name: string): Promise<number> {
  const found = await repo.findOwnerByName(trx, name, OC4IDS_SANDBOX_REGION);
  if (found) return found.id;
  const created = await registerOrganizationIn(trx, actor, {
    kind: 'owner',
    name,
    creditCode: null,
    regionCode: OC4IDS_SANDBOX_REGION,
  });
  return created.id;
}

/**
 * A new imported project's code: its national code (项目代码) when it is valid (core nationalProjectCode: well
 * formed, a known area, issued by the import's date) and no live project holds it; otherwise the first sandbox code
 * dated on the import's (application's) date that none holds, anywhere (the scope module's "code exists anywhere":
 * a code held out of the sandbox's sight would otherwise be refused by the project service). A clash of sandbox
 * codes is one in a million; a hundred tries is plenty.
 */
async function codeFor(trx: Transaction<DB>, plan: Oc4idsImportPlan, today: string): Promise<string> {
  // The area part of every identifier that might be a code, looked up once (nationalProjectCode is pure).
  const candidates = [...plan.identifiers.map((i) => i.id.trim()), plan.oc4idsId.replace(OC4IDS_ID_PREFIX, '')];
  const known = new Set<string>();
  for (const area of new Set(candidates.map((code) => code.slice(5, 11))))
    if (/^\d{6}$/.test(area) && (await regionExists(trx, area))) known.add(area);
  const national = nationalProjectCode(plan.oc4idsId, plan.identifiers, today, (area) => known.has(area));
  if (national !== null && !(await projectCodeTaken(trx, national))) return national;
  const issued = (await issueProjectCodes(trx, [{ seed: plan.oc4idsId }], today)).get(plan.oc4idsId);
  if (issued === undefined) throw new Error(`no free project code for ${plan.oc4idsId}`);
  return issued;
}

/** Re-raises a service's field errors at the package's paths. */
async function atPackagePaths<T>(index: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, key]) => [packagePath(index, field).join('.'), key]),
    );
    throw new AppError(error.statusCode, error.code, error.messageKey, fields);
  }
}

/** True when the project's stored identifiers and details already say what this import would write. */
async function linkIsCurrent(
  trx: Transaction<DB>,
  projectId: number,
  link: {
    oc4idsId: string;
    source: string | null;
    details: string | null;
    identifiers: { scheme: string; id: string }[];
  },
): Promise<boolean> {
  const rows = await repo.findExternalIds(trx, [projectId]);
  const own = rows.find((r) => r.scheme === OC4IDS_ID_SCHEME && r.identifier === link.oc4idsId);
  const details: unknown = link.details === null ? null : JSON.parse(link.details);
  const others = rows.filter((r) => r.scheme !== OC4IDS_ID_SCHEME).map((r) => `${r.scheme}\u0000${r.identifier}`);
  const wanted = link.identifiers.map((i) => `${i.scheme}\u0000${i.id}`);
  return (
    own !== undefined &&
    own.source === link.source &&
    // jsonb reorders keys; compare values, not text.
    isDeepStrictEqual(own.details ?? null, details) &&
    others.length === wanted.length &&
    wanted.every((key) => others.includes(key))
  );
}

/** The options of an import: the application's date (milestones met after it are refused; transitions dated it). */
export interface ImportOptions {
  today?: string;
}

/** The link row of a planned import, with the details as JSON text (null when there are none). */
function linkOf(plan: ReturnType<typeof planOc4idsImport>, packageUri: string) {
  return {
    oc4idsId: plan.oc4idsId,
    source: packageUri.length <= SOURCE_MAX ? packageUri : null,
    details: Object.keys(plan.details).length > 0 ? JSON.stringify(plan.details) : null,
    identifiers: plan.identifiers,
  };
}

/** The milestones as a draft plan on the project's template; those left out go into the details. */
async function importMilestones(
  trx: Transaction<DB>,
  actors: { actor: Actor; sandbox: Actor },
  project: { id: number; regionCode: string },
  incoming: Oc4idsImportProject,
  details: Oc4idsImportDetails,
  context: { today: string; packageUri: string },
): Promise<boolean> {
  const milestones = planMilestoneImport(
    incoming.milestones ?? [],
    context.today,
    await projectDefinition(trx, actors.sandbox, project.id),
  );
  if (milestones.rejected.length > 0) details.milestones = milestones.rejected;
  return writeDraftPlan(trx, actors.actor, project, milestones, context.packageUri);
}

/**
 * A re-import's new status as a transition (source 'import', dated the application's day) through the lifecycle's
 * one path; a transition the lifecycle refuses leaves the stage as it is and is noted in the details.
 */
async function moveStage(
  trx: Transaction<DB>,
  sandbox: Actor,
  current: ProjectOutput,
  next: { stage: string; status: Oc4idsProjectStatus | undefined },
  details: Oc4idsImportDetails,
  today: string,
): Promise<boolean> {
  if (current.stage === next.stage) return false;
  const status = next.status ?? 'preparation';
  const stageCode = await stageOfPhase(trx, sandbox, current.id, next.stage);
  if (stageCode === null) {
    details.stageNotChanged = { status, reason: 'lifecycle.stageUnknown' };
    return false;
  }
  try {
    const request = { projectId: current.id, stageCode, stepCode: null, occurredOn: today, source: 'import' as const };
    await recordTransition(
      trx,
      sandbox,
      { ...request, note: `OC4IDS 导入，项目状态：${status}` },
      { today, backdateWindowDays: DEFAULT_BACKDATE_WINDOW_DAYS },
    );
    return true;
  } catch (error) {
    // Refusals are decided before anything is written, so the transaction goes on.
    if (!(error instanceof AppError) || error.statusCode !== 400) throw error;
    const [refusal] = Object.values(error.fields ?? {});
    const reason = refusal === undefined ? error.messageKey : typeof refusal === 'string' ? refusal : refusal.key;
    details.stageNotChanged = { status, reason };
    return false;
  }
}

async function importProject(
  trx: Transaction<DB>,
  actor: Actor,
  sandbox: Actor,
  project: Oc4idsImportProject,
  index: number,
  context: { today: string; packageUri: string },
): Promise<Outcome | Issue[]> {
  const plan = planOc4idsImport(project);
  const ownerOrgId = await ownerFor(trx, actor, plan.ownerName);
  const linkedId = await repo.findProjectIdByOc4idsId(trx, plan.oc4idsId);
  // A linked project deleted since keeps its link row; the import then makes a new project and moves the link.
  const current = linkedId === undefined ? undefined : await findProject(trx, sandbox, linkedId);
  const raw = {
    ...plan.fields,
    ...(current ? { levels: current.levels, regionCode: current.regionCode } : {}),
    tags: [...(current?.tags.filter((tag) => !isImportTag(tag)) ?? []), ...plan.fields.tags],
    code: current?.code ?? (await codeFor(trx, plan, context.today)),
    ownerOrgId,
  };
  const parsed = projectCreateInput.safeParse(raw, { reportInput: true });
  if (!parsed.success) return parsed.error.issues.map((issue) => relocate(issue, index));

  if (!current) {
    const created = await atPackagePaths(index, () => createProjectInTransaction(trx, sandbox, parsed.data));
    await claimSeededTransitions(trx, created.id, project.status);
    await importMilestones(trx, { actor, sandbox }, created, project, plan.details, context);
    const link = linkOf(plan, context.packageUri);
    const row = { ...link, projectId: created.id };
    await (linkedId === undefined ? repo.insertOc4idsLink(trx, row) : repo.updateOc4idsLink(trx, row));
    await repo.replaceOtherIdentifiers(trx, created.id, link.identifiers, link.source);
    return { oc4idsId: plan.oc4idsId, projectId: created.id, code: created.code, result: 'created' };
  }

  // The stage moves by a transition, not by the project form (see moveStage).
  const changed = changedFields(current, parsed.data).filter((field) => field !== 'stage');
  if (changed.length > 0) {
    const fields: Record<string, unknown> = raw;
    const patch = projectUpdateInput.parse(Object.fromEntries(changed.map((field) => [field, fields[field]])));
    await atPackagePaths(index, () => updateProjectInTransaction(trx, sandbox, current.id, current.version, patch));
  }
  const next = { stage: parsed.data.stage, status: project.status };
  const moved = await moveStage(trx, sandbox, current, next, plan.details, context.today);
  const replanned = await importMilestones(trx, { actor, sandbox }, current, project, plan.details, context);
  const link = linkOf(plan, context.packageUri);
  const linkCurrent = await linkIsCurrent(trx, current.id, link);
  if (!linkCurrent) {
    await repo.updateOc4idsLink(trx, { ...link, projectId: current.id });
    await repo.replaceOtherIdentifiers(trx, current.id, link.identifiers, link.source);
  }
  const result = changed.length > 0 || moved || replanned || !linkCurrent ? 'updated' : 'unchanged';
  return { oc4idsId: plan.oc4idsId, projectId: current.id, code: current.code, result };
}

/** Projects with an id already used earlier in the package (the schema cannot say so; the package schema asks it). */
function duplicateIds(projects: readonly Oc4idsImportProject[]): Issue[] {
  const seen = new Set<string>();
  return projects.flatMap((project, index) => {
    if (!seen.has(project.id)) {
      seen.add(project.id);
      return [];
    }
    return [
      {
        code: 'custom',
        input: project.id,
        path: ['projects', index, 'id'],
        message: 'duplicate project id',
      } satisfies Issue,
    ];
  });
}

/**
 * Imports a package (the request body as sent) into the sandbox; 400 with field messages when it is invalid.
 * Each attempt is audited (projects sent, result) outside the import's transaction.
 */
export async function importPackage(
  db: Kysely<DB>,
  actor: Actor,
  body: unknown,
  options: ImportOptions = {},
): Promise<Oc4idsImportResult> {
  requirePermission(actor, 'oc4ids.import');
  const sent = (body as { projects?: unknown } | null)?.projects;
  return auditedTransfer(
    db,
    actor,
    { action: 'import', what: 'oc4ids', details: { projectsSent: Array.isArray(sent) ? sent.length : null } },
    () => importValidPackage(db, actor, body, options.today ?? systemClock.today()),
    (result) => ({ created: result.created, updated: result.updated, unchanged: result.unchanged }),
  );
}

/**
 * A milestone date that is no date-time: the milestone is left out (and reported in the details) rather than the
 * package refused, as for any other value the import cannot map.
 */
function isMilestoneDateFormat(issue: Issue): boolean {
  const [projects, , milestones, , field] = issue.path;
  return (
    issue.code === 'invalid_format' &&
    issue.path.length === 5 &&
    projects === 'projects' &&
    milestones === 'milestones' &&
    (field === 'dueDate' || field === 'dateMet')
  );
}

async function importValidPackage(
  db: Kysely<DB>,
  actor: Actor,
  body: unknown,
  today: string,
): Promise<Oc4idsImportResult> {
  const schemaIssues = packageIssues(body)?.filter((issue) => !isMilestoneDateFormat(issue));
  if (schemaIssues && schemaIssues.length > 0) throw new RequestValidationError(schemaIssues, 'body');
  const parsed = oc4idsImportPackage.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues, 'body');
  const { uri, projects } = parsed.data;
  const duplicates = duplicateIds(projects);
  if (duplicates.length > 0) throw new RequestValidationError(duplicates, 'body');

  const sandbox: Actor = { ...actor, regionCode: OC4IDS_SANDBOX_ROOT };
  return db.transaction().execute(async (trx) => {
    await repo.lockImports(trx);
    const outcomes: Outcome[] = [];
    const issues: Issue[] = [];
    for (const [index, project] of projects.entries()) {
      const outcome = await importProject(trx, actor, sandbox, project, index, { today, packageUri: uri });
      if (Array.isArray(outcome)) issues.push(...outcome);
      else outcomes.push(outcome);
    }
    // Thrown inside the transaction, so nothing of a package with a bad project is kept.
    if (issues.length > 0) throw new RequestValidationError(issues, 'body');
    const count = (result: Outcome['result']) => outcomes.filter((o) => o.result === result).length;
    return {
      regionCode: OC4IDS_SANDBOX_REGION,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      projects: outcomes,
    };
  });
}
