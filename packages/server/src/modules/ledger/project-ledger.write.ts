/**
 * Writing a planned project ledger inside the import's transaction, in bulk: new projects, their annual
 * plans and their audit rows go in with one statement per chunk, updates one statement per project (each
 * patches different fields). The rows written and the audit snapshots are exactly those of the project
 * service's create and update (a test compares the two paths); one-by-one service calls cost about 25 ms
 * a project on the embedded database, too slow for a 10,000-row ledger.
 */
import type { Transaction } from 'kysely';
import { formatWan, type ProjectCreateInput, type ProjectOutput, type ProjectUpdateInput } from '@keyprojects/core';
import type { DB, NewProjectRow, ProjectRowUpdate } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { replaceAnnualPlans, updateProject } from '../project/project.repository.ts';
import { ImportConflict, type ImportProgress } from './ledger.pipeline.ts';
import type { RowIssue } from './ledger.schema.ts';
import type { References } from './project-ledger.references.ts';

/** A row that creates a project, with its validated input. */
export interface PlannedCreate {
  row: number;
  input: ProjectCreateInput;
}
/** A row that changes a project: the project as planned against and the changed fields. */
export interface PlannedUpdate {
  row: number;
  current: ProjectOutput;
  patch: ProjectUpdateInput;
}

/** What the audit trail keeps of a project (the project service's snapshot). */
type Snapshot = Omit<ProjectOutput, 'version' | 'createdAt' | 'updatedAt'>;

/** Rows per INSERT statement (14 parameters a project keeps a chunk well under PostgreSQL's 65,535). */
export const WRITE_CHUNK = 500;

const orNull = <T>(value: T | null | undefined): T | null | undefined =>
  value === undefined ? undefined : (value ?? null);
const fixed6 = (value: number | null | undefined) =>
  value === undefined ? undefined : value === null ? null : value.toFixed(6);

/** API fields → columns, only the fields present (the mapping of the project service's toRow). */
export function projectRow(input: ProjectUpdateInput): ProjectRowUpdate {
  const row: ProjectRowUpdate = {};
  const set = <K extends keyof ProjectRowUpdate>(key: K, value: ProjectRowUpdate[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
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
  set('longitude', fixed6(input.longitude));
  set('latitude', fixed6(input.latitude));
  set('total_investment', input.totalInvestment === undefined ? undefined : BigInt(input.totalInvestment));
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
  set('contact_person', orNull(input.contactPerson));
  set('contact_phone', orNull(input.contactPhone));
  set('tags', input.tags ? [...new Set(input.tags)] : undefined);
  set('in_statistics', input.inStatistics);
  set('in_statistics_since', orNull(input.inStatisticsSince));
  return row;
}

type PlansInput = NonNullable<ProjectUpdateInput['annualPlans']>;

/** One plan per year (the last given wins, as in the project service), amounts in fen. */
function planRows(plans: PlansInput) {
  return [...new Map(plans.map((p) => [p.year, p])).values()].map((p) => ({
    ...p,
    plannedInvestment: BigInt(p.plannedInvestment),
  }));
}

/** The plans in the API's output form and order. */
function plansOut(plans: PlansInput): ProjectOutput['annualPlans'] {
  return planRows(plans)
    .sort((a, b) => a.year - b.year)
    .map((p) => ({ ...p, plannedInvestment: formatWan(p.plannedInvestment) }));
}

/** The snapshot after applying `input` to `base` (a new project starts from nothing). */
function applySnapshot(base: Snapshot, input: ProjectUpdateInput, refs: References): Snapshot {
  const next: Snapshot = { ...base };
  const take = <K extends keyof Snapshot>(key: K, value: Snapshot[K] | undefined) => {
    if (value !== undefined) next[key] = value;
  };
  take('code', input.code);
  take('name', input.name);
  if (input.ownerOrgId !== undefined) {
    const owner = refs.orgById.get(input.ownerOrgId);
    next.ownerOrgId = input.ownerOrgId;
    next.ownerName = owner?.name ?? '';
    next.ownerCreditCode = owner?.creditCode ?? null;
  }
  if (input.regionCode !== undefined) {
    next.regionCode = input.regionCode;
    next.regionName = refs.regionName.get(input.regionCode) ?? '';
  }
  take('levels', input.levels ? [...new Set(input.levels)] : undefined);
  take('category', input.category);
  take('industry', orNull(input.industry));
  take('nature', input.nature);
  take('constructionContent', orNull(input.constructionContent));
  take('address', orNull(input.address));
  const coordinate = (value: number | null | undefined) => {
    const text = fixed6(value);
    return text === undefined ? undefined : text === null ? null : Number(text);
  };
  take('longitude', coordinate(input.longitude));
  take('latitude', coordinate(input.latitude));
  take('totalInvestment', input.totalInvestment === undefined ? undefined : formatWan(BigInt(input.totalInvestment)));
  take('plannedStartDate', orNull(input.plannedStartDate));
  take('plannedCompletionDate', orNull(input.plannedCompletionDate));
  take('plannedProductionDate', orNull(input.plannedProductionDate));
  take('actualStartDate', orNull(input.actualStartDate));
  take('actualCompletionDate', orNull(input.actualCompletionDate));
  take('actualProductionDate', orNull(input.actualProductionDate));
  take('stage', input.stage);
  take('financingModel', orNull(input.financingModel));
  if (input.serviceOfficerId !== undefined) {
    next.serviceOfficerId = input.serviceOfficerId;
    next.serviceOfficerName =
      input.serviceOfficerId === null ? null : (refs.officerById.get(input.serviceOfficerId)?.displayName ?? null);
  }
  take('responsibleLeader', orNull(input.responsibleLeader));
  take('contactPerson', orNull(input.contactPerson));
  take('contactPhone', orNull(input.contactPhone));
  take('tags', input.tags ? [...new Set(input.tags)] : undefined);
  take('inStatistics', input.inStatistics);
  take('inStatisticsSince', orNull(input.inStatisticsSince));
  take('annualPlans', input.annualPlans ? plansOut(input.annualPlans) : undefined);
  return next;
}

const EMPTY: Snapshot = {
  id: 0,
  code: '',
  name: '',
  ownerOrgId: 0,
  ownerName: '',
  ownerCreditCode: null,
  regionCode: '',
  regionName: '',
  levels: [],
  category: 'other',
  industry: null,
  nature: 'new',
  constructionContent: null,
  address: null,
  longitude: null,
  latitude: null,
  totalInvestment: '0',
  plannedStartDate: null,
  plannedCompletionDate: null,
  plannedProductionDate: null,
  actualStartDate: null,
  actualCompletionDate: null,
  actualProductionDate: null,
  stage: 'preparation',
  financingModel: null,
  serviceOfficerId: null,
  serviceOfficerName: null,
  responsibleLeader: null,
  contactPerson: null,
  contactPhone: null,
  tags: [],
  inStatistics: false,
  inStatisticsSince: null,
  fundingSources: [],
  annualPlans: [],
};

function snapshotOf(project: ProjectOutput): Snapshot {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = project;
  return rest;
}

interface AuditRow {
  id: number;
  action: 'create' | 'update';
  regionCode: string;
  before: Snapshot | null;
  after: Snapshot;
}

/** Appends audit rows in one statement, with the columns recordAudit writes. */
async function insertAudit(trx: Transaction<DB>, actor: Actor, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(
      rows.map((row) => ({
        actor_id: actor.id,
        actor_username: actor.username,
        actor_role: actor.role,
        ip: actor.ip,
        user_agent: actor.userAgent?.slice(0, 300) ?? null,
        entity_type: 'project',
        entity_id: String(row.id),
        action: row.action,
        region_code: row.regionCode,
        before: row.before === null ? null : JSON.stringify(row.before),
        after: JSON.stringify(row.after),
      })),
    )
    .execute();
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

type Progress = (progress: ImportProgress) => void;

/** Inserts the new projects chunk by chunk with their plans and audit rows. */
export async function writeCreates(
  trx: Transaction<DB>,
  actor: Actor,
  creates: readonly PlannedCreate[],
  refs: References,
  progress: Progress,
  done: { count: number; total: number },
  taken: (row: number) => RowIssue,
): Promise<void> {
  for (let start = 0; start < creates.length; start += WRITE_CHUNK) {
    const chunk = creates.slice(start, start + WRITE_CHUNK);
    const rows = chunk.map(({ input }) => ({ ...projectRow(input), created_by: actor.id }) as NewProjectRow);
    let inserted: { id: number; code: string }[];
    try {
      inserted = await trx.insertInto('projects').values(rows).returning(['id', 'code']).execute();
    } catch (error) {
      // Another writer took one of the codes after planning: the whole import stops, nothing is kept.
      if (isUniqueViolation(error)) throw new ImportConflict(taken(chunk[0]?.row ?? 0));
      throw error;
    }
    const idOf = new Map(inserted.map((row) => [row.code, row.id]));
    const plans = chunk.flatMap(({ input }) =>
      planRows(input.annualPlans).map((p) => ({
        project_id: idOf.get(input.code) ?? 0,
        year: p.year,
        planned_investment: p.plannedInvestment,
        nature: p.nature,
        planned_new_start: p.plannedNewStart,
      })),
    );
    if (plans.length > 0) await trx.insertInto('annual_plans').values(plans).execute();
    await insertAudit(
      trx,
      actor,
      chunk.map(({ input }) => {
        const id = idOf.get(input.code) ?? 0;
        return {
          id,
          action: 'create',
          regionCode: input.regionCode,
          before: null,
          after: applySnapshot({ ...EMPTY, id }, input, refs),
        };
      }),
    );
    done.count += chunk.length;
    progress({ phase: 'writing', processed: done.count, total: done.total });
  }
}

/** Applies each update if the project is still at the version planned; a moved project stops the import. */
export async function writeUpdates(
  trx: Transaction<DB>,
  actor: Actor,
  updates: readonly PlannedUpdate[],
  refs: References,
  progress: Progress,
  done: { count: number; total: number },
  conflict: (row: number) => RowIssue,
): Promise<void> {
  for (let start = 0; start < updates.length; start += WRITE_CHUNK) {
    const chunk = updates.slice(start, start + WRITE_CHUNK);
    const audit: AuditRow[] = [];
    for (const { row, current, patch } of chunk) {
      if (!(await updateProject(trx, actor, current.id, current.version, projectRow(patch)))) {
        throw new ImportConflict(conflict(row));
      }
      if (patch.annualPlans) await replaceAnnualPlans(trx, current.id, planRows(patch.annualPlans));
      const before = snapshotOf(current);
      const after = applySnapshot(before, patch, refs);
      audit.push({ id: current.id, action: 'update', regionCode: after.regionCode, before, after });
    }
    await insertAudit(trx, actor, audit);
    done.count += chunk.length;
    progress({ phase: 'writing', processed: done.count, total: done.total });
  }
}
