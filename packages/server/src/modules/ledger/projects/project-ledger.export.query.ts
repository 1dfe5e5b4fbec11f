/**
 * The project list's rows for export, read in keyset batches: the same visibility helper, filters and sort
 * order as GET /projects (nulls last, ties broken by id), but each batch continues after the last row
 * instead of OFFSET. A batch is two queries: the next ids in order (projects alone), then their details.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProjectListQuery, ProjectSortField } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { scopedProjects } from '../../../db/scope.ts';
import type { Actor } from '../../auth/actor.ts';
import { projectDetails, projectListFilters } from '../../project/project.repository.ts';
import { toProjectOutput } from '../../project/project.presenter.ts';

/**
 * Rows per batch. The default order (updated_at, id) has an index, so a batch continues with a range scan;
 * other sorts without one scan the list once a batch. Each batch is held in memory while it is written;
 * 250-row batches did not lower the peak RSS measurably (the heap's growth, not the batch, sets it).
 */
export const EXPORT_BATCH = 1_000;

/**
 * Each sort as an SQL expression of one type. Nullable sorts coalesce to a sentinel beyond every real value
 * on the side the list puts nulls (last), so one row-value comparison continues after any row.
 */
function sortKey(
  field: ProjectSortField,
  order: 'asc' | 'desc',
  planYear: number | null,
): { expr: RawBuilder<unknown>; type: string } {
  const asc = order === 'asc';
  switch (field) {
    case 'code':
      return { expr: sql`projects.code`, type: 'text' };
    case 'name':
      return { expr: sql`projects.name`, type: 'text' };
    case 'regionCode':
      return { expr: sql`projects.region_code`, type: 'text' };
    case 'totalInvestment':
      return { expr: sql`projects.total_investment`, type: 'bigint' };
    case 'annualPlan': {
      const plan = sql`(select ap.planned_investment from annual_plans ap where ap.project_id = projects.id and ap.year = ${planYear ?? -1})`;
      return { expr: asc ? sql`coalesce(${plan}, 9223372036854775807)` : sql`coalesce(${plan}, -1)`, type: 'bigint' };
    }
    case 'plannedStartDate':
      return {
        expr: asc
          ? sql`coalesce(projects.planned_start_date, date '9999-12-31')`
          : sql`coalesce(projects.planned_start_date, date '0001-01-01')`,
        type: 'date',
      };
    case 'createdAt':
      return { expr: sql`projects.created_at`, type: 'timestamptz' };
    case 'updatedAt':
      return { expr: sql`projects.updated_at`, type: 'timestamptz' };
  }
}

/** Where the previous batch ended: the sort value as text (exact, even for microsecond timestamps) and the id. */
interface Cursor {
  value: string;
  id: number;
}

/**
 * The ids of the next batch: the list's filters and order on `projects` alone, continuing after the cursor.
 * Joins wait for the second query, so sorting never drags every joined row along.
 */
async function nextIds(
  db: Kysely<DB>,
  actor: Actor,
  query: ProjectListQuery,
  planYear: number | null,
  cursor: Cursor | null,
  size: number,
) {
  const key = sortKey(query.sort, query.order, planYear);
  let q = scopedProjects(db, actor).where(projectListFilters(query, planYear));
  if (cursor) {
    const after = sql`(cast(${cursor.value} as ${sql.raw(key.type)}), ${cursor.id})`;
    q = q.where(
      query.order === 'asc'
        ? sql<boolean>`(${key.expr}, projects.id) > ${after}`
        : sql<boolean>`(${key.expr}, projects.id) < ${after}`,
    );
  }
  return q
    .select(['projects.id', sql<string>`(${key.expr})::text`.as('cursorValue')])
    .orderBy(key.expr, query.order)
    .orderBy('projects.id', query.order)
    .limit(size)
    .execute();
}

/**
 * These projects (visible ones only, as always) as the presenter shows them, with the stage's name: the plan year's
 * plan is the only one read and funding sources are not, as the ledger has no columns for the others.
 */
async function details(db: Kysely<DB>, actor: Actor, ids: number[], planYear: number | null) {
  // One array parameter rather than a thousand, and the plans apart: both keep the planner on the primary keys.
  const idList = sql<boolean>`projects.id = any(${ids}::int[])`;
  const [rows, plans] = await Promise.all([
    projectDetails(db, actor)
      .where(idList)
      .leftJoin('lifecycle_stages as st', 'st.code', 'projects.stage')
      .select('st.name_zh as stageName')
      .execute(),
    planYear === null
      ? []
      : db
          .selectFrom('annual_plans')
          .select(['project_id', 'year', 'planned_investment', 'nature', 'planned_new_start'])
          .where('year', '=', planYear)
          .where(sql<boolean>`project_id = any(${ids}::int[])`)
          .execute(),
  ]);
  const planOf = new Map(plans.map((plan) => [plan.project_id, plan]));
  return rows.map(({ stageName, ...row }) => {
    const plan = planOf.get(row.id);
    return { ...toProjectOutput(row, [], plan ? [plan] : []), stageName };
  });
}

/** One batch of the list's rows after `cursor`, in the list's order, and the cursor after it. */
export async function exportBatch(
  db: Kysely<DB>,
  actor: Actor,
  query: ProjectListQuery,
  planYear: number | null,
  cursor: Cursor | null,
  size = EXPORT_BATCH,
) {
  const page = await nextIds(db, actor, query, planYear, cursor, size);
  const last = page.at(-1);
  if (!last) return { rows: [], next: null };
  const byId = new Map(
    (
      await details(
        db,
        actor,
        page.map((p) => p.id),
        planYear,
      )
    ).map((row) => [row.id, row]),
  );
  const rows = page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [row] : [];
  });
  return { rows, next: page.length < size ? null : { value: last.cursorValue, id: last.id } };
}

/** A project as the export reads it. */
export type ExportRow = Awaited<ReturnType<typeof details>>[number];

/** All the list's rows, batch by batch. */
export async function* exportRows(
  db: Kysely<DB>,
  actor: Actor,
  query: ProjectListQuery,
  planYear: number | null,
  size = EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  let cursor: Cursor | null = null;
  do {
    const batch: Awaited<ReturnType<typeof exportBatch>> = await exportBatch(db, actor, query, planYear, cursor, size);
    if (batch.rows.length > 0) yield batch.rows;
    cursor = batch.next;
  } while (cursor);
}
