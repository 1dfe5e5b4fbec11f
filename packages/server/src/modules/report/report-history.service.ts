/**
 * A project's monthly-report history for its page: the year's counted cumulative completion against the annual
 * plan's pace (core historyCurve), every filed report with its photos and corrections, and what the reader may still
 * undo (withdraw, delete photos; core rules). Scoped like every project read: another region's project is 404.
 */
import type { Kysely } from 'kysely';
import {
  COUNTED_REPORT_STATES,
  can,
  effectiveTimes,
  formatWan,
  historyCurve,
  photosDeletable,
  withdrawCheck,
  type ReportHistoryItem,
  type ReportHistoryOutput,
  type ReportHistoryQuery,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { correctionsOfReports, photosOfReports, reportsOfYear } from './report-history.repository.ts';
import { correctionOutput } from './report.presenter.ts';
import { annualPlanOf } from './report.repository.ts';

type HistoryRow = Awaited<ReturnType<typeof reportsOfYear>>[number];

/** The last month of `year` that has begun by `today` (0 for a year to come, 12 for one gone). */
export function throughMonthOf(year: number, today: string): number {
  const [todayYear, todayMonth] = today.split('-').map(Number) as [number, number];
  if (year < todayYear) return 12;
  return year > todayYear ? 0 : todayMonth;
}

/** A project's year of reports, the curve and what the actor may still undo. */
export async function getReportHistory(
  deps: { db: Kysely<DB>; today: () => string },
  actor: Actor,
  projectId: number,
  query: ReportHistoryQuery,
): Promise<ReportHistoryOutput> {
  requirePermission(actor, 'report.read');
  const { db } = deps;
  const project = await scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .select('projects.id')
    .executeTakeFirst();
  if (!project) throw errors.notFound();
  const today = deps.today();
  const year = query.year ?? Number(today.slice(0, 4));
  const [rows, annualPlan] = await Promise.all([reportsOfYear(db, projectId, year), annualPlanOf(db, projectId, year)]);
  const ids = rows.map((r) => r.id);
  const [photos, corrections] = await Promise.all([photosOfReports(db, ids), correctionsOfReports(db, ids)]);
  const counted = new Map(
    rows.filter((r) => COUNTED_REPORT_STATES.includes(r.state)).map((r) => [r.month, r.completed_this_month]),
  );
  const mayWrite = can(actor.role, 'report.write');
  const item = (row: HistoryRow): ReportHistoryItem => {
    const locked = row.locked_at !== null;
    return {
      id: row.id,
      month: row.month,
      state: row.state,
      periodLocked: locked,
      completedThisMonth: formatWan(row.completed_this_month),
      progressText: row.progress_text,
      progressPercent: row.progress_percent == null ? null : Number(row.progress_percent),
      stage: row.stage,
      returnReason: row.return_reason,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      confirmedAt: row.confirmed_at?.toISOString() ?? null,
      effectiveAt: effectiveTimes(today, {
        submittedAt: row.submitted_at,
        reviewedAt: row.reviewed_at,
        confirmedAt: row.confirmed_at,
      }),
      version: row.version,
      photos: photos
        .filter((p) => p.reportId === row.id)
        .map(({ id, fileName, mimeType, sizeBytes }) => ({ id, fileName, mimeType, sizeBytes })),
      corrections: corrections.filter((c) => c.reportId === row.id).map((c) => correctionOutput(c, today)),
      canWithdraw:
        mayWrite && !locked && withdrawCheck({ state: row.state, submittedBy: row.submitted_by }, actor) === 'ok',
      canDeletePhotos: mayWrite && photosDeletable(row.state, locked),
    };
  };
  return {
    projectId,
    year,
    annualPlan: annualPlan === undefined ? null : formatWan(annualPlan),
    throughMonth: throughMonthOf(year, today),
    curve: historyCurve(counted, annualPlan ?? null, throughMonthOf(year, today)).map((p) => ({
      month: p.month,
      planCumulative: p.planCumulative === null ? null : formatWan(p.planCumulative),
      actualCumulative: p.actualCumulative === null ? null : formatWan(p.actualCumulative),
    })),
    reports: rows.map(item),
  };
}
