/**
 * Monthly report rules: who may file, review and correct; the period must have begun; a locked period only
 * takes corrections with a reason (kept beside the original); the year-to-date may never fall below zero; no one
 * approves or confirms a report they submitted. Every change writes its audit row and refreshes the project's
 * year-to-date progress in one transaction.
 *
 * Every state change is one conditional write on the state and version it was decided on (repository's
 * updateReportIf / insertReportIfAbsent): of two racing requests exactly one wins; the other, and any request made
 * from a state the report has left, answers 409 and writes nothing (no audit row).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  REPORT_CORRECTION_ROLES,
  firstNegativeYtdMonth,
  reportTransition,
  type MessageKey,
  type ReportInput,
  type ReportOutput,
  type ReviewInput,
} from '@keyprojects/core';
import type { DB, MonthlyReportTable } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type AuditAction } from '../audit/audit.repository.ts';
import { auditRefusal } from '../audit/audit.hooks.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { stageExists } from '../project/project.repository.ts';
import { applyReportedProgress } from '../lifecycle/lifecycle-progress.service.ts';
import { ensurePeriod, findPeriod, monthStart, sharePeriod } from './period.repository.ts';
import { reportFiguresOf, toReportOutput, type ReportValues } from './report.presenter.ts';
import * as repo from './report.repository.ts';

export interface ReportDeps {
  db: Kysely<DB>;
  today: () => string;
  deadlineDay: number;
}

/** What filing needs besides a transaction: today's date (periods not begun) and the default deadline day. */
export type ReportCalendar = Omit<ReportDeps, 'db'>;

/** A project's report of one period. */
export interface PeriodRef {
  projectId: number;
  year: number;
  month: number;
}

async function visibleProject(db: Kysely<DB> | Transaction<DB>, actor: Actor, projectId: number) {
  const project = await scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .select([
      'projects.id',
      'projects.name',
      'projects.code',
      'r.name as regionName',
      'projects.region_code as regionCode',
    ])
    .executeTakeFirst();
  if (!project) throw errors.notFound();
  return project;
}

/**
 * The report of a project for a period as the API shows it (state 'not_started' when none was filed), its
 * timestamps also on the application's date `today`.
 */
export async function getReport(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  ref: PeriodRef,
  today: string,
): Promise<ReportOutput> {
  requirePermission(actor, 'report.read');
  const project = await visibleProject(db, actor, ref.projectId);
  const [period, report, totals, annualPlan] = await Promise.all([
    findPeriod(db, ref.year, ref.month),
    repo.findReport(db, ref.projectId, ref.year, ref.month),
    repo.completedTotals(db, ref.projectId, ref.year, ref.month),
    repo.annualPlanOf(db, ref.projectId, ref.year),
  ]);
  const [photos, corrections] = report
    ? await Promise.all([repo.photosOf(db, report.id), repo.correctionsOf(db, report.id)])
    : [[], []];
  return toReportOutput({
    project,
    year: ref.year,
    month: ref.month,
    period,
    report,
    totals,
    annualPlan,
    photos,
    corrections,
    today,
  });
}

/** The answer to a change decided on a state the report has left (or is not in): 409, reload and retry. */
const stateChanged = () => errors.conflict('report.stateChanged');

/** The stored figures of a report input (started_on only when started). */
export function reportValuesOf(input: ReportInput): ReportValues {
  return {
    completed_this_month: input.completedThisMonth,
    progress_text: input.progressText ?? null,
    progress_percent: input.progressPercent == null ? null : input.progressPercent.toFixed(2),
    workers: input.workers ?? null,
    machines: input.machines ?? null,
    stage: input.stage ?? null,
    started: input.started,
    started_on: input.started ? (input.startedOn ?? null) : null,
  };
}

/**
 * The rules on a report's figures that need the database: the year-to-date never below zero, the start date
 * within the year and not after the cut-off, the stage known. Read only; throws a field-level 400.
 */
export async function checkReportInput(
  db: Kysely<DB> | Transaction<DB>,
  ref: PeriodRef,
  cutoff: string,
  input: ReportInput,
) {
  const fields: Record<string, MessageKey> = {};
  const amounts = await repo.monthlyAmounts(db, ref.projectId, ref.year);
  if (firstNegativeYtdMonth(amounts, ref.month, input.completedThisMonth) !== null) {
    fields.completedThisMonth = 'report.ytdNegative';
  }
  if (input.started && input.startedOn && (input.startedOn < `${ref.year}-01-01` || input.startedOn > cutoff)) {
    fields.startedOn = 'report.startedBeforeYear';
  }
  if (input.stage && !(await stageExists(db, input.stage))) fields.stage = 'stage.unknown';
  if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
}

/** A refused write into a locked period, marked so that the audit hook records the attempt. */
function lockedPeriodRefusal<E extends Error>(error: E, ref: PeriodRef): E {
  const period = `${ref.year}-${String(ref.month).padStart(2, '0')}`;
  return auditRefusal(error, {
    entityType: 'period',
    entityId: period,
    action: 'locked_write_refused',
    after: { projectId: ref.projectId },
  });
}

/** Files (saves or submits) a report, or — in a locked period — records a correction with its reason. */
export async function fileReport(
  deps: ReportDeps,
  actor: Actor,
  ref: PeriodRef,
  input: ReportInput,
): Promise<ReportOutput> {
  requirePermission(actor, 'report.write');
  return deps.db.transaction().execute(async (trx) => {
    await fileReportIn(trx, deps, actor, ref, input);
    return getReport(trx, actor, ref, deps.today());
  });
}

/**
 * fileReport inside the caller's transaction: every rule, the write, the correction, the year-progress refresh
 * and the audit row. The ledger import files each row through this, so both paths share one set of rules.
 */
export async function fileReportIn(
  trx: Transaction<DB>,
  deps: ReportCalendar,
  actor: Actor,
  ref: PeriodRef,
  input: ReportInput,
): Promise<void> {
  requirePermission(actor, 'report.write');
  const project = await visibleProject(trx, actor, ref.projectId);
  if (monthStart(ref.year, ref.month) > deps.today()) throw errors.invalidField('period', 'report.futurePeriod');
  await ensurePeriod(trx, ref.year, ref.month, deps.deadlineDay);
  const period = await sharePeriod(trx, ref.year, ref.month);
  if (!period) throw errors.notFound();
  const existing = await repo.findReport(trx, ref.projectId, ref.year, ref.month);
  const values = reportValuesOf(input);
  const locked = period.locked_at !== null;
  let action: AuditAction;
  let state: MonthlyReportTable['state'];
  if (locked) {
    if (!input.correctionReason)
      throw lockedPeriodRefusal(errors.invalidField('correctionReason', 'report.lockedNeedsReason'), ref);
    if (!REPORT_CORRECTION_ROLES.includes(actor.role)) throw lockedPeriodRefusal(errors.forbidden(), ref);
    action = 'correct';
    state = existing?.state ?? 'locked';
  } else {
    const transition = reportTransition(existing?.state ?? null, input.submit ? 'submit' : 'save', actor.role);
    if (!transition.ok) throw transition.reason === 'forbidden' ? errors.forbidden() : stateChanged();
    action = input.submit ? 'submit' : 'update';
    state = transition.next;
  }
  await checkReportInput(trx, ref, period.cutoff_date, input);
  const submitted =
    state === 'submitted' ? { submitted_at: new Date(), submitted_by: actor.id, return_reason: null } : {};
  const savedId = existing
    ? (await repo.updateReportIf(trx, existing, { ...values, ...submitted, state })) && existing.id
    : await repo.insertReportIfAbsent(trx, {
        ...values,
        ...submitted,
        project_id: ref.projectId,
        year: ref.year,
        month: ref.month,
        state,
      });
  if (!savedId) throw stateChanged();
  const saved = { id: savedId };
  const before = existing ? reportFiguresOf(existing) : null;
  if (locked) {
    await repo.insertCorrection(trx, {
      reportId: saved.id,
      userId: actor.id,
      reason: input.correctionReason ?? '',
      before: before ?? {},
      after: reportFiguresOf(values),
    });
  }
  await repo.refreshYearProgress(trx, ref.projectId, ref.year);
  await recordAudit(trx, actor, {
    entityType: 'report',
    entityId: saved.id,
    action: existing || locked ? action : 'create',
    regionCode: project.regionCode,
    before,
    after: { ...reportFiguresOf(values), state, period: `${ref.year}-${ref.month}`, reason: input.correctionReason },
  });
}

/**
 * District approval or return (with a reason), city confirmation. `expectedVersion` (If-Match) is the version the
 * reviewer decided on: when the report has moved since, the decision answers 409 instead of applying to a state the
 * reviewer never saw.
 */
export async function reviewReport(
  deps: ReportDeps,
  actor: Actor,
  ref: PeriodRef,
  review: ReviewInput,
  expectedVersion?: number,
): Promise<ReportOutput> {
  requirePermission(actor, 'report.review');
  return deps.db.transaction().execute(async (trx) => {
    await reviewReportIn(trx, actor, ref, review, expectedVersion, deps.today());
    return getReport(trx, actor, ref, deps.today());
  });
}

/** reviewReport inside the caller's transaction (the ledger import approves what a reviewer files). */
export async function reviewReportIn(
  trx: Transaction<DB>,
  actor: Actor,
  ref: PeriodRef,
  review: ReviewInput,
  expectedVersion?: number,
  /** The application's date (an approval dates its transitions by it); the ledger import only returns reports. */
  today?: string,
): Promise<void> {
  requirePermission(actor, 'report.review');
  const project = await visibleProject(trx, actor, ref.projectId);
  const period = await sharePeriod(trx, ref.year, ref.month);
  const existing = await repo.findReport(trx, ref.projectId, ref.year, ref.month);
  if (!existing || !period) throw errors.notFound();
  if (expectedVersion !== undefined && existing.version !== expectedVersion) throw stateChanged();
  if (period.locked_at) throw lockedPeriodRefusal(errors.invalidField('state', 'report.state'), ref);
  const transition = reportTransition(existing.state, review.decision, actor.role);
  if (!transition.ok) throw transition.reason === 'forbidden' ? errors.forbidden() : stateChanged();
  // Four eyes: whoever submitted a report (an owner, or a reviewer filing on an owner's behalf) does not approve
  // or confirm it; returning it stays open to them.
  if (review.decision !== 'return' && existing.submitted_by === actor.id) throw errors.forbidden('report.selfReview');
  const now = new Date();
  const stamp =
    review.decision === 'confirm'
      ? { confirmed_at: now, confirmed_by: actor.id }
      : {
          reviewed_at: now,
          reviewed_by: actor.id,
          return_reason: review.decision === 'return' ? (review.reason ?? null) : null,
        };
  if (!(await repo.updateReportIf(trx, existing, { ...stamp, state: transition.next }))) throw stateChanged();
  if (review.decision === 'approve')
    await applyToProject(trx, actor, existing, { today: today ?? period.cutoff_date, cutoff: period.cutoff_date });
  await repo.refreshYearProgress(trx, ref.projectId, ref.year);
  await recordAudit(trx, actor, {
    entityType: 'report',
    entityId: existing.id,
    action: review.decision,
    regionCode: project.regionCode,
    before: { state: existing.state },
    after: { state: transition.next, reason: review.reason },
  });
}

/**
 * An approved report brings the library up to date through the lifecycle (the one path for a stage change): the
 * start of a project reported started for the first time, and the phase it reports (lifecycle-progress.service).
 * A change the lifecycle's rules refuse leaves the stage as it was, noted in the audit; the approval stands.
 */
async function applyToProject(
  trx: Transaction<DB>,
  actor: Actor,
  report: { project_id: number; stage: string | null; started: boolean; started_on: string | null },
  dates: { today: string; cutoff: string },
) {
  await applyReportedProgress(
    trx,
    actor,
    { projectId: report.project_id, started: report.started, startedOn: report.started_on, stage: report.stage },
    dates,
  );
}
