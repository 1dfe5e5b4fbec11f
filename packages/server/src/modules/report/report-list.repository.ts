/**
 * Kysely access to the review desk's list: every project on the year's list the actor may see, with its report
 * state for a month. The list and the monthly-report export (modules/ledger) both start from `reportListBase`.
 */
import { sql, type Kysely } from 'kysely';
import { regionPrefix, type ReportListQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/like.ts';
import { scopedProjects } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';
import type { ReportListRow } from './report.presenter.ts';

/** A project's report state for the month ('not_started' when none was filed). */
export const reportStateExpr = sql<string>`coalesce(mr.state, 'not_started')`;

/** The desk's order: what waits for review first (submitted, returned, not started, draft), then the rest. */
export const reportDeskRank = sql<number>`(case coalesce(mr.state, 'not_started') when 'submitted' then 0
  when 'returned' then 1 when 'not_started' then 2 when 'draft' then 3 else 4 end)`;

/**
 * The list's rows before the state filter: the year's list within the actor's scope, with owner, region and the
 * month's report (alias mr) joined, narrowed by region and text. The list and its export both start here.
 */
export function reportListBase(db: Kysely<DB>, actor: Actor, query: ReportListQuery) {
  let base = scopedProjects(db, actor)
    .innerJoin('annual_plans as ap', (j) => j.onRef('ap.project_id', '=', 'projects.id').on('ap.year', '=', query.year))
    .innerJoin('organizations as o', 'o.id', 'projects.owner_org_id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .leftJoin('monthly_reports as mr', (j) =>
      j.onRef('mr.project_id', '=', 'projects.id').on('mr.year', '=', query.year).on('mr.month', '=', query.month),
    );
  if (query.regionCode) base = base.where('projects.region_code', 'like', `${regionPrefix(query.regionCode)}%`);
  if (query.q) {
    const text = query.q;
    base = base.where((eb) => eb.or([containsText('projects.name', text), containsText('projects.code', text)]));
  }
  return base;
}

/** How many projects of the list (before the state filter) are in each state. */
export async function reportStateCounts(db: Kysely<DB>, actor: Actor, query: ReportListQuery) {
  const counts = await reportListBase(db, actor, query)
    .select([reportStateExpr.as('state'), sql<bigint>`count(*)`.as('n')])
    .groupBy(reportStateExpr)
    .execute();
  return counts.map((c) => ({ state: c.state, count: Number(c.n) }));
}

/** One page of the list in the desk's order, filtered by state, with the total of the filtered list. */
export async function reportListPage(
  db: Kysely<DB>,
  actor: Actor,
  query: ReportListQuery,
): Promise<{ rows: ReportListRow[]; total: number }> {
  const base = reportListBase(db, actor, query);
  const filtered = query.state ? base.where(reportStateExpr, '=', query.state) : base;
  const rows = await filtered
    .select([
      'projects.id as projectId',
      'projects.name as projectName',
      'projects.code as projectCode',
      'o.name as ownerName',
      'r.name as regionName',
      reportStateExpr.as('state'),
      'mr.completed_this_month as completed',
      'ap.planned_investment as annualPlan',
      'mr.submitted_at as submittedAt',
      'mr.version',
      sql<bigint>`count(*) over ()`.as('total'),
    ])
    .orderBy(reportDeskRank)
    .orderBy('projects.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0n) };
}
