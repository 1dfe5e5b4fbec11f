/**
 * The review desk's list (GET /reports) for a period read in keyset batches, for the 'monthly-reports'
 * export and the period template: the same scope helper, the same projects (those on the year's list), the
 * same filters and the same order as report-list.service.ts (its `reportListBase`), but each batch continues after the last row
 * instead of OFFSET, with every figure of the month's report and the counted year-to-date beside it.
 */
import { sql, type Kysely } from 'kysely';
import { COUNTED_REPORT_STATES, type ReportListQuery, type ReportState } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { reportDeskRank, reportListBase, reportStateExpr } from '../../report/report-list.repository.ts';

/** Rows per batch: each batch is held in memory while it is written. */
export const REPORT_EXPORT_BATCH = 1_000;

/** Where the previous batch ended. */
interface Cursor {
  rank: number;
  id: number;
}

/** One batch of the list after `cursor`, in the desk's order. */
async function batch(db: Kysely<DB>, actor: Actor, query: ReportListQuery, cursor: Cursor | null, size: number) {
  let q = reportListBase(db, actor, query).leftJoin('lifecycle_stages as st', 'st.code', 'mr.stage');
  if (query.state) q = q.where(reportStateExpr, '=', query.state);
  if (cursor) q = q.where(sql<boolean>`(${reportDeskRank}, projects.id) > (${cursor.rank}::int, ${cursor.id}::int)`);
  const counted = sql.join([...COUNTED_REPORT_STATES]);
  const rows = await q
    .select([
      'projects.id as projectId',
      'projects.code',
      'projects.name',
      'o.name as ownerName',
      'r.name as regionName',
      sql<ReportState | 'not_started'>`${reportStateExpr}`.as('state'),
      'ap.planned_investment as annualPlan',
      'mr.completed_this_month as completedThisMonth',
      // NUMERIC (a year of valid amounts can exceed a bigint), exact as bigint in JS below.
      sql<string>`(select coalesce(sum(c.completed_this_month), 0) from monthly_reports c
        where c.project_id = projects.id and c.year = ${query.year} and c.month <= ${query.month}
        and c.state in (${counted}))`.as('completedYtd'),
      'mr.progress_text as progressText',
      'mr.progress_percent as progressPercent',
      'mr.workers',
      'mr.machines',
      'mr.stage',
      'st.name_zh as stageName',
      'mr.started',
      'mr.started_on as startedOn',
      reportDeskRank.as('rank'),
    ])
    .orderBy(reportDeskRank)
    .orderBy('projects.id')
    .limit(size)
    .execute();
  return rows.map((row) => ({ ...row, completedYtd: BigInt(row.completedYtd) }));
}

/** A project of the list with its report of the period (report fields null when none was filed). */
export type ReportListRow = Awaited<ReturnType<typeof batch>>[number];

/** All the list's rows for the query (paging ignored), batch by batch. */
export async function* reportListRows(
  db: Kysely<DB>,
  actor: Actor,
  query: ReportListQuery,
  size = REPORT_EXPORT_BATCH,
): AsyncGenerator<ReportListRow[]> {
  let cursor: Cursor | null = null;
  for (;;) {
    const rows: ReportListRow[] = await batch(db, actor, query, cursor, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < size) return;
    cursor = { rank: last.rank, id: last.projectId };
  }
}
