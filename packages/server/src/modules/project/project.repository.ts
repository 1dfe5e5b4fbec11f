/**
 * Kysely access to projects, their funding sources and annual plans. Every read and write of a project
 * row is limited by `visibleProjects(actor)`; callers pass the transaction they own.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  regionPrefix,
  type ProjectNature,
  type ProjectListQuery,
  type ProjectOutput,
  type ProjectSortField,
} from '@keyprojects/core';
import type { DB, NewProjectRow, ProjectRowUpdate } from '../../db/schema.ts';
import { containsText } from '../../db/like.ts';
import { visibleProjects } from '../../db/scope.ts';
import { toProjectListItem, toProjectOutput } from './project.presenter.ts';
import type { Actor } from '../auth/actor.ts';

type Db = Kysely<DB> | Transaction<DB>;
type ScopeActor = Pick<Actor, 'id' | 'role' | 'regionCode' | 'organizationId'>;

const SORT_COLUMNS = {
  code: 'projects.code',
  name: 'projects.name',
  regionCode: 'projects.region_code',
  totalInvestment: 'projects.total_investment',
  annualPlan: 'ap.planned_investment',
  plannedStartDate: 'projects.planned_start_date',
  createdAt: 'projects.created_at',
  updatedAt: 'projects.updated_at',
} as const satisfies Record<ProjectSortField, string>;

/** The latest year that has annual plans, the default year of the list. */
export async function latestPlanYear(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('annual_plans')
    .select((eb) => eb.fn.max('year').as('year'))
    .executeTakeFirst();
  return row?.year ?? null;
}

/**
 * The list's filters (every field of the query but paging and sort) as one WHERE condition on `projects`,
 * shared by the list and its export. The plan year and the owner's name are tested with subqueries so the
 * condition needs no join: a project has one owner and at most one plan a year, so this is the same as joining.
 */
export function projectListFilters(query: ProjectListQuery, planYear: number | null) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (query.planYear !== undefined) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('annual_plans as ap')
            .select('ap.project_id')
            .whereRef('ap.project_id', '=', 'projects.id')
            .where('ap.year', '=', planYear ?? -1),
        ),
      );
    }
    if (query.regionCode) conditions.push(eb('projects.region_code', 'like', `${regionPrefix(query.regionCode)}%`));
    if (query.level) conditions.push(sql<SqlBool>`${query.level} = any(projects.levels)`);
    if (query.tag) conditions.push(sql<SqlBool>`${query.tag} = any(projects.tags)`);
    if (query.category) conditions.push(eb('projects.category', '=', query.category));
    if (query.nature) conditions.push(eb('projects.nature', '=', query.nature));
    if (query.industry) conditions.push(eb('projects.industry', '=', query.industry));
    if (query.stage) conditions.push(eb('projects.stage', '=', query.stage));
    if (query.minInvestment !== undefined) {
      conditions.push(eb('projects.total_investment', '>=', query.minInvestment));
    }
    if (query.maxInvestment !== undefined) {
      conditions.push(eb('projects.total_investment', '<=', query.maxInvestment));
    }
    if (query.q) {
      conditions.push(
        eb.or([
          containsText('projects.name', query.q),
          containsText('projects.code', query.q),
          eb.exists(
            eb
              .selectFrom('organizations as o')
              .select('o.id')
              .whereRef('o.id', '=', 'projects.owner_org_id')
              .where(containsText('o.name', query.q)),
          ),
        ]),
      );
    }
    return eb.and(conditions);
  };
}

/** One page of the projects the actor may see, filtered and sorted, with the total count. */
export async function listProjects(db: Db, actor: ScopeActor, query: ProjectListQuery) {
  const planYear = query.planYear ?? (await latestPlanYear(db));
  const q = db
    .selectFrom('projects')
    .where(visibleProjects(actor))
    .where(projectListFilters(query, planYear))
    .innerJoin('organizations as o', 'o.id', 'projects.owner_org_id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .leftJoin('annual_plans as ap', (join) =>
      join.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', planYear ?? -1),
    );
  const rows = await q
    .select([
      'projects.id',
      'projects.code',
      'projects.name',
      'o.name as ownerName',
      'projects.region_code as regionCode',
      'r.name as regionName',
      'projects.levels',
      'projects.category',
      'projects.industry',
      'projects.nature',
      'projects.total_investment as totalInvestment',
      'projects.planned_start_date as plannedStartDate',
      'projects.planned_completion_date as plannedCompletionDate',
      'projects.actual_start_date as actualStartDate',
      'projects.stage',
      'projects.tags',
      'projects.in_statistics as inStatistics',
      'projects.version',
      'projects.updated_at as updatedAt',
      'ap.planned_investment as annualPlan',
      sql<bigint>`count(*) over ()`.as('total'),
    ])
    .orderBy(sql.ref(SORT_COLUMNS[query.sort]), (ob) =>
      query.order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    )
    .orderBy('projects.id', query.order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const total = rows[0] ? Number(rows[0].total) : await countMatching(db, actor, query, planYear);
  return {
    planYear,
    total,
    items: rows.map(({ total: _total, ...row }) => toProjectListItem(row)),
  };
}

/**
 * A page past the end has no rows to carry the window count, so the matching projects are counted on their own,
 * with the same scope and filters as the page (only needed when asked for page > 1: page 1 without rows is 0).
 */
async function countMatching(
  db: Db,
  actor: ScopeActor,
  query: ProjectListQuery,
  planYear: number | null,
): Promise<number> {
  if (query.page === 1) return 0;
  const row = await db
    .selectFrom('projects')
    .where(visibleProjects(actor))
    .where(projectListFilters(query, planYear))
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The visible projects with their owner, region and officer names: what a full project is made from. */
export function projectDetails(db: Db, actor: ScopeActor) {
  return db
    .selectFrom('projects')
    .where(visibleProjects(actor))
    .innerJoin('organizations as o', 'o.id', 'projects.owner_org_id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .leftJoin('users as so', 'so.id', 'projects.service_officer_id')
    .selectAll('projects')
    .select([
      'o.name as ownerName',
      'o.credit_code as ownerCreditCode',
      'r.name as regionName',
      'so.display_name as serviceOfficerName',
    ]);
}

/** The full project as the API shows it, or undefined when it does not exist for this actor. */
export async function findProject(db: Db, actor: ScopeActor, id: number): Promise<ProjectOutput | undefined> {
  const row = await projectDetails(db, actor).where('projects.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [funding, plans] = await Promise.all([
    db.selectFrom('project_funding_sources').selectAll().where('project_id', '=', id).orderBy('kind').execute(),
    db.selectFrom('annual_plans').selectAll().where('project_id', '=', id).orderBy('year').execute(),
  ]);
  return toProjectOutput(row, funding, plans);
}

/**
 * The visible live projects with these ids, codes or exact names, each as findProject shows it, in three queries
 * (one array parameter each) however many there are: for bulk work such as a ledger import (names: a ledger
 * without project codes matches its rows to projects by name).
 */
export async function findProjects(
  db: Db,
  actor: ScopeActor,
  by: { ids: readonly number[] } | { codes: readonly string[] } | { names: readonly string[] },
): Promise<ProjectOutput[]> {
  const rows = await projectDetails(db, actor)
    .where(
      'ids' in by
        ? sql<boolean>`projects.id = any(${by.ids}::int[])`
        : 'codes' in by
          ? sql<boolean>`projects.code = any(${by.codes}::text[])`
          : sql<boolean>`projects.name = any(${by.names}::text[])`,
    )
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [funding, plans] = await Promise.all([
    db
      .selectFrom('project_funding_sources')
      .selectAll()
      .where(sql<boolean>`project_id = any(${ids}::int[])`)
      .orderBy('project_id')
      .orderBy('kind')
      .execute(),
    db
      .selectFrom('annual_plans')
      .selectAll()
      .where(sql<boolean>`project_id = any(${ids}::int[])`)
      .orderBy('project_id')
      .orderBy('year')
      .execute(),
  ]);
  const group = <T extends { project_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) {
      const bucket = map.get(item.project_id);
      if (bucket) bucket.push(item);
      else map.set(item.project_id, [item]);
    }
    return map;
  };
  const fundingOf = group(funding);
  const plansOf = group(plans);
  return rows.map((row) => toProjectOutput(row, fundingOf.get(row.id) ?? [], plansOf.get(row.id) ?? []));
}

/** Locks the visible project row for the rest of the transaction; its version, or undefined. */
export async function lockProject(trx: Transaction<DB>, actor: ScopeActor, id: number) {
  return trx
    .selectFrom('projects')
    .where(visibleProjects(actor))
    .where('projects.id', '=', id)
    .select([
      'projects.id',
      'projects.version',
      'projects.code',
      'projects.region_code as regionCode',
      'projects.owner_org_id as ownerOrgId',
      'projects.service_officer_id as serviceOfficerId',
    ])
    .forUpdate()
    .executeTakeFirst();
}

export async function insertProject(trx: Transaction<DB>, row: NewProjectRow): Promise<number> {
  const inserted = await trx.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the change if the row is still at `version`; true when it was. */
export async function updateProject(
  trx: Transaction<DB>,
  actor: ScopeActor,
  id: number,
  version: number,
  patch: ProjectRowUpdate,
): Promise<boolean> {
  const result = await trx
    .updateTable('projects')
    .set({ ...patch, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where(visibleProjects(actor))
    .where('projects.id', '=', id)
    .where('projects.version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Replaces a project's funding sources with the given set. */
export async function replaceFundingSources(
  trx: Transaction<DB>,
  projectId: number,
  sources: { kind: string; applied: bigint; approved: bigint; issued: bigint }[],
): Promise<void> {
  await trx.deleteFrom('project_funding_sources').where('project_id', '=', projectId).execute();
  if (sources.length > 0) {
    await trx
      .insertInto('project_funding_sources')
      .values(sources.map((s) => ({ project_id: projectId, ...s })))
      .execute();
  }
}

/** Replaces a project's annual plans with the given set (one per year). */
export async function replaceAnnualPlans(
  trx: Transaction<DB>,
  projectId: number,
  plans: { year: number; plannedInvestment: bigint; nature: ProjectNature; plannedNewStart: boolean }[],
): Promise<void> {
  await trx.deleteFrom('annual_plans').where('project_id', '=', projectId).execute();
  if (plans.length > 0) {
    await trx
      .insertInto('annual_plans')
      .values(
        plans.map((p) => ({
          project_id: projectId,
          year: p.year,
          planned_investment: p.plannedInvestment,
          nature: p.nature,
          planned_new_start: p.plannedNewStart,
        })),
      )
      .execute();
  }
}

/** True when the stage code names a configured lifecycle stage (projects and reports are checked with it). */
export async function stageExists(db: Db, code: string): Promise<boolean> {
  const stage = await db.selectFrom('lifecycle_stages').select('code').where('code', '=', code).executeTakeFirst();
  return stage !== undefined;
}
