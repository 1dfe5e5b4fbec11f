/**
 * The ledger's entry points for routes and the CLI: import a project ledger or a period's monthly-report
 * ledger (now or as a background job), build either template, poll a job. Each checks the actor's permission
 * before it reads anything.
 */
import type { Kysely } from 'kysely';
import type {
  LedgerImportJob,
  LedgerImportQuery,
  LedgerImportResult,
  LedgerTemplateQuery,
  Locale,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { inspectSpreadsheet } from '../../io/spreadsheet.reader.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import type { ReportCalendar } from '../report/report.service.ts';
import type { ImportJobs } from './import/import.jobs.ts';
import { runLedgerImport, type ImportProgress } from './import/import.pipeline.ts';
import { projectLedgerImporter } from './projects/project-ledger.importer.ts';
import type { ProjectImportOptions } from './projects/project-ledger.office.ts';
import { buildProjectTemplate } from './projects/project-ledger.template.ts';
import { checkReportPeriod, reportLedgerImporter, type ReportPeriod } from './reports/report-ledger.importer.ts';
import { buildReportTemplate } from './reports/report-ledger.template.ts';

/** How to run a project ledger import. */
export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  onProgress?: (progress: ImportProgress) => void;
}

/** The choices of a project ledger import: column corrections, the file's region, the period of undated columns. */
export type ProjectImportChoices = Omit<ProjectImportOptions, 'today' | 'deadlineDay'>;

/**
 * Previews (dryRun) or commits a project ledger, the template's or an office's own; hostile files throw
 * XlsxFileError, forbidden actors 403. The calendar dates the year-to-date figures an office ledger carries.
 */
export function importProjectLedger(
  db: Kysely<DB>,
  calendar: ReportCalendar,
  actor: Actor,
  file: Buffer,
  options: ImportOptions & { choices?: ProjectImportChoices },
): Promise<LedgerImportResult> {
  const { choices, ...run } = options;
  const project = { ...choices, today: calendar.today(), deadlineDay: calendar.deadlineDay };
  return runLedgerImport(projectLedgerImporter, db, actor, file, { ...run, options: project });
}

/** The project ledger choices of an import request. */
function choicesOf(query: LedgerImportQuery): ProjectImportChoices {
  return {
    ...(query.mapping ? { mapping: query.mapping } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.month ? { month: query.month } : {}),
  };
}

/** Throws 403 unless the actor may import project ledgers (checked before an upload is read). */
export function authorizeProjectImport(actor: Actor): void {
  projectLedgerImporter.authorize(actor);
}

/** Previews (dryRun) or commits a monthly-report ledger into a period; refusals as for the project ledger. */
export function importReportLedger(
  db: Kysely<DB>,
  calendar: ReportCalendar,
  actor: Actor,
  file: Buffer,
  options: ImportOptions & { period: ReportPeriod },
): Promise<LedgerImportResult> {
  const { period, ...run } = options;
  return runLedgerImport(reportLedgerImporter(calendar), db, actor, file, { ...run, options: period });
}

/** Throws 403 unless the actor may file reports, 400 (month) for a period not begun; before an upload is read. */
export function authorizeReportImport(calendar: ReportCalendar, actor: Actor, period: ReportPeriod): void {
  reportLedgerImporter(calendar).authorize(actor);
  checkReportPeriod(calendar, period);
}

/** The period of a monthly-report request (the contract made year and month required for that kind). */
function periodOf(query: { year?: number | undefined; month?: number | undefined }): ReportPeriod {
  return { year: query.year ?? 0, month: query.month ?? 0 };
}

/** The template a query asks for, with its download name; 403 unless the actor may use that ledger. */
export async function ledgerTemplate(
  db: Kysely<DB>,
  actor: Actor,
  query: LedgerTemplateQuery,
): Promise<{ fileName: string; file: Buffer }> {
  if (query.kind === 'projects') return { fileName: '项目台账模板.xlsx', file: await buildProjectTemplate(db, actor) };
  const period = periodOf(query);
  const file = await buildReportTemplate(db, actor, period);
  return { fileName: `月报台账模板-${period.year}年${period.month}月.xlsx`, file };
}

/** Throws 403 (or 400 for a period not begun) unless the actor may import this ledger: before the upload is read. */
export function authorizeLedgerImport(calendar: ReportCalendar, actor: Actor, query: LedgerImportQuery): void {
  if (query.kind === 'projects') authorizeProjectImport(actor);
  else authorizeReportImport(calendar, actor, periodOf(query));
}

/** What an import request gives: the result now, or the job that computes it. */
export type LedgerImportOutcome = { result: LedgerImportResult } | { job: LedgerImportJob };

/**
 * Imports an uploaded ledger as the query says: previewed or committed, now or as a job of `jobs` (a hostile
 * file is refused before the job starts).
 */
export async function importLedger(
  db: Kysely<DB>,
  calendar: ReportCalendar,
  jobs: ImportJobs,
  actor: Actor,
  file: Buffer,
  request: { query: LedgerImportQuery; locale: Locale },
): Promise<LedgerImportOutcome> {
  const { query, locale } = request;
  authorizeLedgerImport(calendar, actor, query);
  const options = { dryRun: query.dryRun, locale };
  const run = (onProgress?: (progress: ImportProgress) => void) =>
    query.kind === 'projects'
      ? importProjectLedger(db, calendar, actor, file, { ...options, onProgress, choices: choicesOf(query) })
      : importReportLedger(db, calendar, actor, file, { ...options, onProgress, period: periodOf(query) });
  if (!query.async) return { result: await run() };
  await inspectSpreadsheet(file);
  return { job: await jobs.start(actor.id, locale, run) };
}

/** An import job the actor started; 404 for anyone else's or an unknown id. */
export async function ledgerImportJob(
  jobs: ImportJobs,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<LedgerImportJob> {
  requirePermission(actor, 'project.read');
  const job = await jobs.get(actor.id, id, locale);
  if (!job) throw errors.notFound();
  return job;
}
