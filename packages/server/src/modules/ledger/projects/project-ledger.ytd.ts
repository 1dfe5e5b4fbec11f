/**
 * A year-to-date completion column of an office ledger (`1-9月完成投资`, `截至9月底累计完成投资`) as that year's
 * monthly figures: the month the header names gets the cumulative amount less what the project's earlier months
 * of that year already hold, recorded as an imported, confirmed report (source 'import' with the import's id), so
 * that the statistics and bulletins of that date count it. The 形象进度 text of the row goes into the same report.
 * A month whose report exists is left alone when it already holds the figure, and refused at the cell when it holds
 * another (a filed report is changed on the report page, with its review and corrections).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  formatWan,
  ledgerFieldName,
  messageText,
  REPORT_STATE_LABELS,
  type Fen,
  type LedgerFieldChange,
  type Locale,
  type ReportState,
} from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { scopedProjects } from '../../../db/scope.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { ensurePeriod } from '../../report/period.repository.ts';
import { refreshYearProgress } from '../../report/report.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A report of a project's year, as far as a year-to-date figure needs it. */
interface FiledMonth {
  amount: bigint;
  state: ReportState;
}

/** The filed months of the projects' years: project id → year → month → figure. */
export type FiledReports = Map<number, Map<number, Map<number, FiledMonth>>>;

/** One imported monthly figure to record. */
export interface PlannedYtd {
  row: number;
  /** The project's code (a new project's id is known only once it is written). */
  code: string;
  year: number;
  month: number;
  amount: Fen;
  progressText: string | null;
}

/** Loads the reports of the projects in the years the ledger's columns name. */
export async function loadFiledReports(db: Db, projectIds: number[], years: number[]): Promise<FiledReports> {
  const filed: FiledReports = new Map();
  if (projectIds.length === 0 || years.length === 0) return filed;
  const rows = await db
    .selectFrom('monthly_reports')
    .select(['project_id', 'year', 'month', 'completed_this_month', 'state'])
    .where(sql<boolean>`project_id = any(${projectIds}::int[])`)
    .where(sql<boolean>`year = any(${years}::int[])`)
    .execute();
  for (const row of rows) {
    const byYear = filed.get(row.project_id) ?? new Map<number, Map<number, FiledMonth>>();
    filed.set(row.project_id, byYear);
    const byMonth = byYear.get(row.year) ?? new Map<number, FiledMonth>();
    byYear.set(row.year, byMonth);
    byMonth.set(row.month, { amount: row.completed_this_month, state: row.state });
  }
  return filed;
}

/** The outcome of one year-to-date cell: a figure to record, nothing to do, or the problem (a message). */
export type YtdDecision =
  | { kind: 'record'; amount: Fen; change: LedgerFieldChange }
  | { kind: 'unchanged' }
  | { kind: 'problem'; message: string };

/**
 * Decides what a year-to-date cell records for a project (undefined id: a new project, nothing filed): the month's
 * figure is the cumulative amount less the earlier months of that year.
 */
export function decideYtd(
  filed: FiledReports,
  projectId: number | undefined,
  param: number,
  cumulative: Fen,
  header: string,
  locale: Locale,
): YtdDecision {
  const year = Math.floor(param / 100);
  const month = param % 100;
  const months =
    (projectId === undefined ? undefined : filed.get(projectId)?.get(year)) ?? new Map<number, FiledMonth>();
  let earlier = 0n;
  for (const [m, report] of months) if (m < month) earlier += report.amount;
  const amount = cumulative - earlier;
  const period = `${year}-${String(month).padStart(2, '0')}`;
  if (amount < 0n) {
    const params = { value: formatWan(cumulative), other: formatWan(earlier) };
    return { kind: 'problem', message: messageText('ytd.belowEarlier', locale, params) };
  }
  const existing = months.get(month);
  if (existing) {
    if (existing.amount === amount) return { kind: 'unchanged' };
    const state = REPORT_STATE_LABELS[existing.state][locale];
    return { kind: 'problem', message: messageText('ytd.reportExists', locale, { period, state }) };
  }
  const field = ledgerFieldName('completedYtd', param);
  return { kind: 'record', amount, change: { field, header, before: null, after: formatWan(amount) } };
}

/**
 * Records the planned figures as confirmed reports of this import, inside its transaction: the periods are
 * created when missing, each report is audited, and each project's year-to-date row is refreshed.
 */
export async function writeYtd(
  trx: Transaction<DB>,
  actor: Actor,
  items: readonly PlannedYtd[],
  importId: string,
  deadlineDay: number,
): Promise<void> {
  if (items.length === 0) return;
  const codes = [...new Set(items.map((item) => item.code))];
  const projects = await scopedProjects(trx, actor)
    .select(['projects.id', 'projects.code', 'projects.region_code'])
    .where(sql<boolean>`projects.code = any(${codes}::text[])`)
    .execute();
  const byCode = new Map(projects.map((project) => [project.code, project]));
  const periods = new Set<string>();
  const refresh = new Set<string>();
  const now = new Date();
  for (const item of items) {
    const project = byCode.get(item.code);
    if (!project) throw new Error(`project ${item.code} of row ${item.row} vanished inside the import`);
    const key = `${item.year}-${item.month}`;
    if (!periods.has(key)) {
      await ensurePeriod(trx, item.year, item.month, deadlineDay);
      periods.add(key);
    }
    const saved = await trx
      .insertInto('monthly_reports')
      .values({
        project_id: project.id,
        year: item.year,
        month: item.month,
        state: 'confirmed',
        completed_this_month: item.amount,
        progress_text: item.progressText,
        submitted_at: now,
        submitted_by: actor.id,
        reviewed_at: now,
        reviewed_by: actor.id,
        confirmed_at: now,
        confirmed_by: actor.id,
        source: 'import',
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'report',
      entityId: saved.id,
      action: 'create',
      regionCode: project.region_code,
      after: {
        completedThisMonth: formatWan(item.amount),
        progressText: item.progressText,
        state: 'confirmed',
        period: key,
        source: 'import',
        importId,
      },
    });
    refresh.add(`${project.id}:${item.year}`);
  }
  for (const entry of refresh) {
    const [projectId = 0, year = 0] = entry.split(':').map(Number);
    await refreshYearProgress(trx, projectId, year);
  }
}
