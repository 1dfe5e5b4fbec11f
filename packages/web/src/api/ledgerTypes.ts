/**
 * The shapes of the ledger endpoints (server: modules/ledger/ledger.schema.ts, which has no core contract to
 * share): an import's preview or result, and a background import job as polled.
 */

/** A problem of a row (or of the header row) at a column. */
export interface LedgerRowIssue {
  /** The Excel row number. */
  row: number;
  /** The column letter (F), null for a problem of the whole row. */
  column: string | null;
  /** The column's header as written in the file. */
  header: string | null;
  field: string | null;
  message: string;
}

/** One field of a row: its value before (null for a new record) and after. */
export interface LedgerFieldChange {
  field: string;
  header: string;
  before: string | null;
  after: string | null;
}

export type LedgerRowAction = 'create' | 'update' | 'unchanged' | 'skipped' | 'invalid';

/** What a data row does. */
export interface LedgerRowOutcome {
  row: number;
  /** The row's key (the project code). */
  key: string | null;
  action: LedgerRowAction;
  id?: number;
  reason?: string;
  changes?: LedgerFieldChange[];
}

/** A column the import leaves alone, and why (already worded by the server). */
export interface LedgerIgnoredColumn {
  column: string;
  header: string;
  reason: 'unknown' | 'derived' | 'ignored' | 'duplicate';
  message: string;
}

export interface LedgerImportSummary {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  skipped: number;
  invalid: number;
  errors: number;
}

/** The preview (dryRun) or the result of a commit: all rows written, or none. */
export interface LedgerImportResult {
  kind: string;
  dryRun: boolean;
  committed: boolean;
  sheet: string;
  headerRow: number;
  columns: { column: string; header: string; field: string }[];
  ignoredColumns: LedgerIgnoredColumn[];
  summary: LedgerImportSummary;
  rows: LedgerRowOutcome[];
  errors: LedgerRowIssue[];
  /** Only the first rows or errors are listed (the counts are complete). */
  truncated: boolean;
}

export type LedgerJobPhase = 'reading' | 'validating' | 'writing' | 'done';

/** An import running in the background. */
export interface LedgerImportJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  phase: LedgerJobPhase;
  processed: number;
  total: number;
  result?: LedgerImportResult;
  error?: { code: string; message: string };
}
