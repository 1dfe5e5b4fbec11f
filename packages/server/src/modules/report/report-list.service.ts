/** The review desk's list: every project on the year's list the actor may see, with its report state for a month. */
import type { Kysely } from 'kysely';
import type { ReportListOutput, ReportListQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { reportListPage, reportStateCounts } from './report-list.repository.ts';
import { toReportListItem } from './report.presenter.ts';

/** One page of the review desk, with the projects per state for its tabs. */
export async function listReports(
  db: Kysely<DB>,
  actor: Actor,
  query: ReportListQuery,
  today: string,
): Promise<ReportListOutput> {
  requirePermission(actor, 'report.read');
  const [counts, page] = await Promise.all([reportStateCounts(db, actor, query), reportListPage(db, actor, query)]);
  return {
    items: page.rows.map((row) => toReportListItem(row, today)),
    total: page.total,
    stateCounts: Object.fromEntries(counts.map((c) => [c.state, c.count])),
  };
}
