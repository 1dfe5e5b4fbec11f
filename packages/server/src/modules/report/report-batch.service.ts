/**
 * Batch approval and confirmation on the review desk: the selected reports, or every report matching the desk's
 * filter. Each report is decided exactly as a single decision is (reviewReportIn: permission, scope, state, period
 * lock, four eyes, the version the reviewer saw, its audit row), in its own transaction, so that a refused report
 * changes nothing and does not stop the others. Of two racing batches over the same reports, each report's
 * conditional write lets exactly one decide it; the other lists it as refused (report.stateChanged).
 */
import {
  REPORT_BATCH_MAX,
  message,
  type ReportBatchInput,
  type ReportBatchItem,
  type ReportBatchResult,
  type ReportListState,
} from '@keyprojects/core';
import { regionInScope } from '../../db/scope.ts';
import { AppError, errors, fieldMessageText, isUniqueViolation } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { batchTargets, visibleProjectNames } from './report-desk.repository.ts';
import { reviewReportIn, type ReportDeps } from './report.service.ts';

/** The state a report must be in for each batch decision (what the desk's filter selects). */
const FROM_STATE: Record<ReportBatchInput['decision'], ReportListState> = { approve: 'submitted', confirm: 'approved' };
const TO_STATE: Record<ReportBatchInput['decision'], ReportListState> = { approve: 'approved', confirm: 'confirmed' };

/** PostgreSQL's serialization failure and deadlock: a lost race like a changed state, not a fault of the batch. */
const isRaceFailure = (error: unknown) =>
  isUniqueViolation(error) ||
  (typeof error === 'object' && error !== null && 'code' in error && ['40001', '40P01'].includes(String(error.code)));

/** Why one report was refused, in the reviewer's language, as the single decision's error would say it. */
function refusal(error: AppError, actor: Actor): { code: string; reason: string } {
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  const reason = field ? fieldMessageText(field, actor.locale) : message(error.messageKey, actor.locale, error.params);
  return { code: error.code, reason };
}

/** The reports a batch applies to: the selection as sent, or the filter's reports in the decision's starting state. */
async function targetsOf(deps: ReportDeps, actor: Actor, input: ReportBatchInput) {
  if (input.items) {
    const seen = new Set<number>();
    return input.items.filter((item) => !seen.has(item.projectId) && seen.add(item.projectId));
  }
  const filter = input.filter ?? {};
  if (filter.regionCode !== undefined && !regionInScope(actor, filter.regionCode))
    throw errors.invalidField('filter.regionCode', 'region.outOfScope');
  const ids = await batchTargets(
    deps.db,
    actor,
    { year: input.year, month: input.month, ...filter },
    FROM_STATE[input.decision],
    REPORT_BATCH_MAX + 1,
  );
  if (ids.length > REPORT_BATCH_MAX) throw errors.invalidField('filter', 'report.batchTooLarge');
  return ids.map((projectId) => ({ projectId, version: undefined }));
}

/** Approves or confirms a batch of reports; the answer lists every report as decided or refused (with the reason). */
export async function batchReview(deps: ReportDeps, actor: Actor, input: ReportBatchInput): Promise<ReportBatchResult> {
  requirePermission(actor, 'report.review');
  const targets = await targetsOf(deps, actor, input);
  const names = await visibleProjectNames(
    deps.db,
    actor,
    targets.map((t) => t.projectId),
  );
  const items: ReportBatchItem[] = [];
  for (const [index, target] of targets.entries()) {
    const ref = { projectId: target.projectId, year: input.year, month: input.month };
    const name = names.get(target.projectId) ?? null;
    const base = { position: index + 1, projectId: name === null ? null : target.projectId, projectName: name };
    try {
      await deps.db
        .transaction()
        .execute((trx) => reviewReportIn(trx, actor, ref, { decision: input.decision }, target.version, deps.today()));
      items.push({ ...base, outcome: 'decided', state: TO_STATE[input.decision], code: null, reason: null });
    } catch (error) {
      const known =
        error instanceof AppError ? error : isRaceFailure(error) ? errors.conflict('report.stateChanged') : null;
      if (!known) throw error;
      items.push({ ...base, outcome: 'refused', state: null, ...refusal(known, actor) });
    }
  }
  const decided = items.filter((item) => item.outcome === 'decided').length;
  return { decision: input.decision, total: items.length, decided, refused: items.length - decided, items };
}
