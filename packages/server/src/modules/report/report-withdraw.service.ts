/**
 * Withdrawing a submitted report before review: its owner (or whoever submitted it) takes it back to a draft while
 * no reviewer has decided on it. One conditional write on the state and version it was decided on, like every
 * report change (report.service.ts): racing a reviewer's approval, exactly one of the two wins and the other
 * answers 409 without writing anything.
 */
import { withdrawCheck, type ReportOutput } from '@keyprojects/core';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { sharePeriod } from './period.repository.ts';
import { getReport, type PeriodRef, type ReportDeps } from './report.service.ts';
import { findReport, updateReportIf } from './report.repository.ts';

/**
 * Takes a submitted report back to a draft. `expectedVersion` (If-Match) is the version the owner saw: when the
 * report has moved since, 409. Refused once a reviewer approved, returned or confirmed it (409, nothing written).
 */
export async function withdrawReport(
  deps: Pick<ReportDeps, 'db' | 'today'>,
  actor: Actor,
  ref: PeriodRef,
  expectedVersion?: number,
): Promise<ReportOutput> {
  requirePermission(actor, 'report.write');
  return deps.db.transaction().execute(async (trx) => {
    const project = await scopedProjects(trx, actor)
      .where('projects.id', '=', ref.projectId)
      .select(['projects.region_code'])
      .executeTakeFirst();
    if (!project) throw errors.notFound();
    const period = await sharePeriod(trx, ref.year, ref.month);
    const existing = await findReport(trx, ref.projectId, ref.year, ref.month);
    if (!existing || !period) throw errors.notFound();
    if (expectedVersion !== undefined && existing.version !== expectedVersion)
      throw errors.conflict('report.stateChanged');
    if (period.locked_at) throw errors.conflict('report.withdrawReviewed');
    const check = withdrawCheck({ state: existing.state, submittedBy: existing.submitted_by }, actor);
    switch (check) {
      case 'ok':
        break;
      case 'forbidden':
        throw errors.forbidden();
      case 'notSubmitter':
        throw errors.forbidden('report.withdrawNotSubmitter');
      case 'reviewed':
        throw errors.conflict('report.withdrawReviewed');
    }
    // A reviewer deciding at the same moment changed the state or version first: the withdrawal loses.
    const change = { state: 'draft' as const, submitted_at: null, submitted_by: null };
    if (!(await updateReportIf(trx, existing, change))) throw errors.conflict('report.withdrawReviewed');
    await recordAudit(trx, actor, {
      entityType: 'report',
      entityId: existing.id,
      action: 'withdraw',
      regionCode: project.region_code,
      before: { state: existing.state, period: `${ref.year}-${ref.month}` },
      after: { state: 'draft' },
    });
    return getReport(trx, actor, ref, deps.today());
  });
}
