/**
 * The ledger's entry points for routes and the CLI: import a project ledger or a period's monthly-report
 * ledger, build either template.
 */
import type { Kysely } from 'kysely';
import type { Locale } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { ReportCalendar } from '../report/report.service.ts';
import { runLedgerImport, type ImportProgress } from './import/import.pipeline.ts';
import type { ImportResult } from './ledger.schema.ts';
import { projectLedgerImporter } from './projects/project-ledger.importer.ts';
import { checkReportPeriod, reportLedgerImporter, type ReportPeriod } from './reports/report-ledger.importer.ts';

export { buildProjectTemplate } from './import/import.template.ts';
export { buildReportTemplate } from './reports/report-ledger.template.ts';
export type { ReportPeriod } from './reports/report-ledger.importer.ts';

/** The kinds of ledger that can be imported and have a template. */
export const LEDGER_KINDS = ['projects', 'monthly-reports'] as const;
/** A kind of ledger. */
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** How to run a project ledger import. */
export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  onProgress?: (progress: ImportProgress) => void;
}

/** Previews (dryRun) or commits a project ledger; hostile files throw XlsxFileError, forbidden actors 403. */
export function importProjectLedger(
  db: Kysely<DB>,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  return runLedgerImport(projectLedgerImporter, db, actor, file, { ...options, options: undefined });
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
): Promise<ImportResult> {
  const { period, ...run } = options;
  return runLedgerImport(reportLedgerImporter(calendar), db, actor, file, { ...run, options: period });
}

/** Throws 403 unless the actor may file reports, 400 (month) for a period not begun; before an upload is read. */
export function authorizeReportImport(calendar: ReportCalendar, actor: Actor, period: ReportPeriod): void {
  reportLedgerImporter(calendar).authorize(actor);
  checkReportPeriod(calendar, period);
}
