/** Excel ledgers: templates, imports (preview, commit as a background job, its progress) and list exports. */
import { apiRequest, apiUrl, type QueryValue } from './client.ts';
import type {
  LedgerColumnMapping,
  LedgerImportJob,
  LedgerImportQueryJson,
  LedgerImportResult,
  LedgerKind,
  LedgerTemplateQueryJson,
} from '@keyprojects/core';

export type { LedgerKind } from '@keyprojects/core';

/** The ledger to import: its kind and, for monthly reports, the period. */
export interface LedgerTarget {
  kind: LedgerKind;
  year?: number;
  month?: number;
  /** A project ledger's corrections: column mapping, the file's region (as the import contract takes them). */
  choices?: ProjectLedgerChoices;
}

/** What the user corrects in a project ledger's preview. */
export interface ProjectLedgerChoices {
  mapping?: LedgerColumnMapping;
  region?: string;
}

// Projects are the endpoints' default kind, so their requests carry no `kind` at all.
const targetQuery = (target: LedgerTarget) =>
  (target.kind === 'monthly-reports'
    ? { kind: target.kind, year: target.year, month: target.month }
    : {}) satisfies LedgerTemplateQueryJson;

/** A project ledger's corrections as query parameters (the mapping as JSON text, as the contract reads it). */
const choicesQuery = (choices: ProjectLedgerChoices | undefined) => ({
  ...(choices?.region ? { region: choices.region } : {}),
  ...(choices?.mapping && Object.keys(choices.mapping).length > 0 ? { mapping: JSON.stringify(choices.mapping) } : {}),
});

/** The import's query: the ledger, whether to write, and whether as a background job. */
const importQuery = (target: LedgerTarget, write: boolean) =>
  ({
    ...targetQuery(target),
    ...(target.kind === 'projects' ? choicesQuery(target.choices) : {}),
    dryRun: write ? 'false' : 'true',
    async: write ? 'true' : 'false',
  }) satisfies LedgerImportQueryJson;

/** The link of the empty template for a ledger (a plain download: the session cookie goes along). */
export function ledgerTemplateUrl(target: LedgerTarget): string {
  return apiUrl('/ledger/template.xlsx', targetQuery(target));
}

/** The exports the server registers (GET /exports/{name}.xlsx). */
export type ExportName =
  | 'projects'
  | 'monthly-reports'
  | 'audit-log'
  | 'warnings'
  | 'drill-projects'
  | 'funding-lines'
  | 'financing-needs'
  | 'financing-edition'
  | 'financing-matches';

/** The link of an Excel export of a list, with that list's own query parameters. */
export function exportUrl(name: ExportName, query: Record<string, QueryValue>): string {
  return apiUrl(`/exports/${name}.xlsx`, query);
}

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/** Checks a ledger without writing anything: what each row would do, and every error. */
export function previewLedger(target: LedgerTarget, file: File, signal?: AbortSignal): Promise<LedgerImportResult> {
  return apiRequest<LedgerImportResult>('/ledger/import', {
    method: 'POST',
    query: importQuery(target, false),
    body: formOf(file),
    signal,
  });
}

/** Starts writing a ledger (all rows or none) as a background job; poll it with fetchImportJob. */
export function startLedgerImport(target: LedgerTarget, file: File): Promise<LedgerImportJob> {
  return apiRequest<LedgerImportJob>('/ledger/import', {
    method: 'POST',
    query: importQuery(target, true),
    body: formOf(file),
  });
}

/** A background import's progress, and its result once done. */
export function fetchImportJob(id: string, signal?: AbortSignal): Promise<LedgerImportJob> {
  return apiRequest<LedgerImportJob>(`/ledger/jobs/${encodeURIComponent(id)}`, { signal });
}
