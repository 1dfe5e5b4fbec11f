/**
 * The generic ledger import: sheet → rows → validate → preview → commit. A `LedgerImporter` knows one kind
 * of ledger (projects first; monthly reports next): how its headers read, how rows are checked and planned
 * against the database, and how the plan is written. This runner does the rest the same way for every
 * kind: the file checks, finding the header row, blank and totals rows, the preview, and the commit in ONE
 * transaction that writes all rows or none.
 */
import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import {
  isBlankRow,
  isNoteRow,
  isSummaryLabel,
  ledgerFieldName,
  message,
  type HeaderMatch,
  type Locale,
  type LedgerImportResult,
  type LedgerRowIssue,
  type LedgerRowOutcome,
} from '@keyprojects/core';
import { auditedTransfer } from '../../audit/audit.transfer.ts';
import type { DB } from '../../../db/schema.ts';
import { XlsxFileError } from '../../../io/xlsx.errors.ts';
import { readSpreadsheetGrid } from '../../../io/spreadsheet.reader.ts';
import type { GridRow } from '../../../io/xlsx.reader.ts';
import type { Actor } from '../../auth/actor.ts';
import { locateHeader, type LayoutRules, type SheetLayout } from './import.layout.ts';

/** Where a running import is: the web polls this through the job endpoint. */
export interface ImportProgress {
  phase: 'reading' | 'validating' | 'writing' | 'done';
  processed: number;
  total: number;
}

/** What an importer gets: the database (a transaction when committing), who imports, in which language. */
export interface ImportContext<O> {
  db: Kysely<DB> | Transaction<DB>;
  actor: Actor;
  locale: Locale;
  /** Kind-specific options (e.g. the reporting period of a monthly-report ledger). */
  options: O;
  progress: (progress: ImportProgress) => void;
  /** This import's id: written with what it records (reports' source), returned with the result, audited. */
  importId: string;
}

/** The outcome of planning: one outcome per data row, every problem found, and the writes to make. */
export interface ImportPlan<P> {
  outcomes: LedgerRowOutcome[];
  issues: LedgerRowIssue[];
  plan: P;
  /** True when the importer left out field changes past MAX_DETAILED_ROWS rows (to save the work). */
  detailsOmitted?: boolean;
  /** Organisations the commit creates (owners named in the file but not yet registered). */
  newOrganizations?: string[];
}

/** A data row after the header, with its Excel row number. */
export type LedgerRow = GridRow;

/** One kind of ledger. */
export interface LedgerImporter<K extends string, P, O = undefined> {
  kind: string;
  /** Sheet names to look for first; otherwise the first visible sheet not in `skipSheets`. */
  sheetNames: readonly string[];
  skipSheets: readonly string[];
  matchHeader: (header: string) => HeaderMatch<K>;
  /** The user's column corrections and how periodic columns get their period, from the request's options. */
  layoutRules?: (options: O) => LayoutRules<K>;
  /** A field's standard label (for the preview's mapping). */
  fieldLabel?: (key: K, locale: Locale) => string;
  /**
   * Columns without which the sheet cannot be read at all (the key column); a list stands for "one of these" (a
   * project ledger identifies rows by their code, or by their name when the office keeps no code column).
   */
  requiredKeys: readonly (K | readonly K[])[];
  /** The column that identifies a row, for totals-row detection and the preview. */
  keyColumn: K;
  /** A column's standard header, for messages about a column the sheet lacks. */
  label(key: K, locale: Locale): string;
  /** Throws 403 unless the actor may import this kind. */
  authorize(actor: Actor): void;
  /** Checks every row against the rules and the database (read only) and plans what each row does. */
  plan(context: ImportContext<O>, layout: SheetLayout<K>, rows: LedgerRow[]): Promise<ImportPlan<P>>;
  /** Writes the plan inside the caller's transaction; throws ImportConflict when the data moved underneath. */
  apply(context: ImportContext<O> & { db: Transaction<DB> }, plan: P): Promise<void>;
}

/** A write that found the database changed since planning (a version or a code taken meanwhile). */
export class ImportConflict extends Error {
  constructor(readonly issue: LedgerRowIssue) {
    super(issue.message);
    this.name = 'ImportConflict';
  }
}

/** Thrown inside the commit transaction to roll it back while carrying the result out. */
class Rejected extends Error {
  constructor(readonly result: LedgerImportResult) {
    super('import rejected');
  }
}

/** How to run an import. */
export interface RunOptions<O> {
  dryRun: boolean;
  locale: Locale;
  options: O;
  onProgress?: (progress: ImportProgress) => void;
}

/** Most rows whose field changes the result lists; beyond, rows carry their action only. */
export const MAX_DETAILED_ROWS = 2_000;
/** Most row problems the result lists (the count is always complete). */
export const MAX_LISTED_ISSUES = 5_000;

/**
 * Runs an import: refuses hostile files (XlsxFileError), previews, and unless dryRun commits all rows or none.
 * Every attempt past authorisation leaves an audit row (kind, file size, rows, result) outside the import's
 * transaction, so a refused or rolled-back import is on record too.
 */
export async function runLedgerImport<K extends string, P, O>(
  importer: LedgerImporter<K, P, O>,
  db: Kysely<DB>,
  actor: Actor,
  file: Buffer,
  run: RunOptions<O>,
): Promise<LedgerImportResult> {
  importer.authorize(actor);
  const importId = randomUUID();
  const transfer = {
    action: 'import' as const,
    what: `ledger:${importer.kind}`,
    regionCode: actor.regionCode,
    details: { dryRun: run.dryRun, bytes: file.length, importId, ...(run.options ? { options: run.options } : {}) },
  };
  return auditedTransfer(
    db,
    actor,
    transfer,
    () => importRows(importer, db, actor, file, run, importId),
    (result) => ({ committed: result.committed, ...result.summary }),
  );
}

async function importRows<K extends string, P, O>(
  importer: LedgerImporter<K, P, O>,
  db: Kysely<DB>,
  actor: Actor,
  file: Buffer,
  run: RunOptions<O>,
  importId: string,
): Promise<LedgerImportResult> {
  const progress = run.onProgress ?? (() => undefined);
  progress({ phase: 'reading', processed: 0, total: 1 });
  const grid = await readSpreadsheetGrid(file, importer.sheetNames, importer.skipSheets);
  const layout = locateHeader(grid, importer.matchHeader, run.locale, importer.layoutRules?.(run.options));
  for (const required of importer.requiredKeys) {
    const anyOf: readonly K[] = typeof required === 'string' ? [required] : required;
    if (!layout.columns.some((column) => anyOf.includes(column.key))) {
      const header = anyOf.map((key) => importer.label(key, run.locale)).join(run.locale === 'zh' ? '”或“' : '” or “');
      throw new XlsxFileError('file.missingColumn', { header });
    }
  }
  const { dataRows, skipped } = splitRows(grid.rows, layout, importer.keyColumn, run.locale);
  const context = { actor, locale: run.locale, options: run.options, progress, importId };
  const label = (key: K) => importer.fieldLabel?.(key, run.locale) ?? importer.label(key, run.locale);

  const build = (planned: ImportPlan<P>, committed: boolean): LedgerImportResult => ({
    ...buildResult(
      importer.kind,
      run.dryRun,
      committed,
      layout,
      [...skipped, ...planned.outcomes],
      [...layout.issues, ...planned.issues],
      planned.detailsOmitted ?? false,
      label,
    ),
    newOrganizations: planned.newOrganizations ?? [],
    ...(committed ? { importId } : {}),
  });

  if (run.dryRun) {
    const planned = await importer.plan({ ...context, db }, layout, dataRows);
    progress({ phase: 'done', processed: dataRows.length, total: dataRows.length });
    return build(planned, false);
  }
  try {
    const result = await db.transaction().execute(async (trx) => {
      const planned = await importer.plan({ ...context, db: trx }, layout, dataRows);
      const rejected = build(planned, false);
      if (rejected.errors.length > 0) throw new Rejected(rejected);
      try {
        await importer.apply({ ...context, db: trx }, planned.plan);
      } catch (error) {
        if (error instanceof ImportConflict) throw new Rejected(build({ ...planned, issues: [error.issue] }, false));
        throw error;
      }
      return build(planned, true);
    });
    progress({ phase: 'done', processed: dataRows.length, total: dataRows.length });
    return result;
  } catch (error) {
    if (error instanceof Rejected) return error.result;
    throw error;
  }
}

/**
 * Data rows below the header: blank rows dropped; rows without a key reported as skipped when they are totals
 * (合计/总计/小计), or notes, group titles and signatures (注：…, 一、产业项目, 填表人：…), which offices put above,
 * between and below their tables.
 */
function splitRows<K extends string>(rows: GridRow[], layout: SheetLayout<K>, keyColumn: K, locale: Locale) {
  const keyIndex = layout.columns.find((column) => column.key === keyColumn)?.index ?? -1;
  const dataRows: GridRow[] = [];
  const skipped: LedgerRowOutcome[] = [];
  const skip = (row: GridRow, reason: 'row.summary' | 'row.note') =>
    skipped.push({ row: row.number, key: null, action: 'skipped', reason: message(reason, locale) });
  for (const row of rows) {
    if (row.number <= layout.headerEnd || isBlankRow(row.cells)) continue;
    const key = row.cells[keyIndex];
    const keyEmpty = !key || key.type === 'empty' || (key.type === 'text' && key.text.trim() === '');
    if (keyEmpty && row.cells.some(isSummaryLabel)) skip(row, 'row.summary');
    else if (keyEmpty && isNoteRow(row.cells)) skip(row, 'row.note');
    else dataRows.push(row);
  }
  return { dataRows, skipped };
}

function buildResult<K extends string>(
  kind: string,
  dryRun: boolean,
  committed: boolean,
  layout: SheetLayout<K>,
  outcomes: LedgerRowOutcome[],
  issues: LedgerRowIssue[],
  detailsOmitted: boolean,
  label: (key: K) => string,
): Omit<LedgerImportResult, 'newOrganizations'> {
  const rows = [...outcomes].sort((a, b) => a.row - b.row);
  const count = (action: LedgerRowOutcome['action']) => rows.filter((row) => row.action === action).length;
  let detailed = 0;
  const listed = rows.map((row) => {
    if (!row.changes) return row;
    detailed += 1;
    return detailed <= MAX_DETAILED_ROWS ? row : { ...row, changes: undefined };
  });
  const errors = [...issues].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  return {
    kind,
    dryRun,
    committed,
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    columns: layout.columns.map(({ letter, header, key, param, corrected }) => ({
      column: letter,
      header,
      field: ledgerFieldName(key, param),
      label: label(key),
      ...(param === undefined ? {} : { period: ledgerFieldName(key, param).split('.')[1] }),
      ...(corrected ? { corrected } : {}),
    })),
    ignoredColumns: layout.ignored,
    summary: {
      rows: rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      invalid: count('invalid'),
      errors: errors.length,
    },
    rows: listed,
    errors: errors.slice(0, MAX_LISTED_ISSUES),
    truncated: detailsOmitted || detailed > MAX_DETAILED_ROWS || errors.length > MAX_LISTED_ISSUES,
  };
}
