/** The ledger's entry points for routes and the CLI: import a project ledger, build its template. */
import type { Kysely } from 'kysely';
import type { Locale } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { runLedgerImport, type ImportProgress } from './ledger.pipeline.ts';
import type { ImportResult } from './ledger.schema.ts';
import { projectLedgerImporter } from './project-ledger.importer.ts';

export { buildProjectTemplate } from './ledger.template.ts';

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
