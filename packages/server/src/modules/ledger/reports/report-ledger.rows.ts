/**
 * A monthly-report ledger row read cell by cell (core rules per column) and turned into the body a PUT of
 * /projects/{id}/reports/{year}/{month} would carry, checked by the same zod schema (reportInput). Columns
 * the sheet lacks keep the filed report's figures, as a PUT of the whole report would have to; an empty cell
 * clears its figure. The preview compares the figures the report service would store, field by field.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  message,
  messageText,
  normaliseLabel,
  readReportCell,
  REPORT_LEDGER_FIELDS,
  REPORT_STATE_LABELS,
  reportInput,
  reportLedgerColumn,
  type Locale,
  type ReportCellValue,
  type ReportInput,
  type ReportLedgerField,
  type ReportLedgerKey,
  type ReportState,
  type LedgerFieldChange,
  type LedgerRowIssue,
} from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { fieldMessageText, issuesToFields, type FieldMessage } from '../../../errors.ts';
import { reportFiguresOf, type ReportValues } from '../../report/report.presenter.ts';
import { reportValuesOf } from '../../report/report.service.ts';
import type { SheetLayout } from '../import/import.layout.ts';
import type { LedgerRow } from '../import/import.pipeline.ts';
import { issueAt, type IssueAt } from '../import/import.layout.ts';

type Layout = SheetLayout<ReportLedgerKey>;

/** A row's converted cells. */
export interface ReportRow {
  row: number;
  code: string | null;
  /** The report fields the sheet has, by key; a field whose cell failed to convert is absent. */
  values: Map<ReportLedgerField, ReportCellValue>;
  /** Keys whose cells failed (so the schema's complaints about them are not reported twice). */
  failed: Set<string>;
  issues: LedgerRowIssue[];
}

/** Builds row issues pointing at a column of the sheet (or at the standard header of an absent one). */
export function issueMaker(layout: Layout, locale: Locale): IssueAt<ReportLedgerKey> {
  return issueAt(layout, (key) => reportLedgerColumn(key).header[locale]);
}

const isReportField = (key: string): key is ReportLedgerField =>
  (REPORT_LEDGER_FIELDS as readonly string[]).includes(key);

/** Converts each importable cell of the row by its column. */
export function readReportRow(row: LedgerRow, layout: Layout, locale: Locale): ReportRow {
  const issue = issueMaker(layout, locale);
  const parsed: ReportRow = { row: row.number, code: null, values: new Map(), failed: new Set(), issues: [] };
  for (const column of layout.columns) {
    const key = column.key;
    if (key !== 'code' && !isReportField(key)) continue;
    const result = readReportCell(key, row.cells[column.index] ?? { type: 'empty' });
    if (!result.ok) {
      parsed.issues.push(issue(row.number, key, messageText(result.problem.key, locale, result.problem.params)));
      parsed.failed.add(key);
    } else if (key === 'code') {
      parsed.code = typeof result.value === 'string' ? result.value : null;
    } else {
      parsed.values.set(key, result.value);
    }
  }
  return parsed;
}

/** True when the row names a project but gives none of the month's figures (a template row left blank). */
export function isEmptyReportRow(row: ReportRow): boolean {
  return row.failed.size === 0 && [...row.values.values()].every((value) => value === null);
}

/** The configured stages: label (zh, en or code, normalised) → code, and code → label. */
export interface Stages {
  byLabel: ReadonlyMap<string, string>;
  label: ReadonlyMap<string, { zh: string; en: string }>;
}

/** Loads the stages a report may name (every configured one, as the report service accepts). */
export async function loadStages(db: Kysely<DB> | Transaction<DB>): Promise<Stages> {
  const rows = await db
    .selectFrom('lifecycle_stages')
    .select(['code', 'name_zh', 'name_en'])
    .orderBy('sort_order')
    .execute();
  const byLabel = new Map<string, string>();
  for (const row of rows) {
    for (const spelling of [row.code, row.name_zh, row.name_en]) byLabel.set(normaliseLabel(spelling), row.code);
  }
  return { byLabel, label: new Map(rows.map((row) => [row.code, { zh: row.name_zh, en: row.name_en }])) };
}

/**
 * The row's report input (always a submission), or null when the row has problems (added to row.issues).
 * `filed` is the report already filed for the period, whose figures stand in for the columns the sheet lacks.
 */
export function reportCandidate(
  row: ReportRow,
  filed: ReportValues | undefined,
  stages: Stages,
  issue: ReturnType<typeof issueMaker>,
  locale: Locale,
): ReportInput | null {
  // The filed figures stand in for absent columns; the amount as the fen it is stored as.
  const body: Record<string, unknown> = filed
    ? { ...reportFiguresOf(filed), completedThisMonth: filed.completed_this_month }
    : {};
  for (const [key, value] of row.values) {
    if (value === null) {
      // Empty: the figure is cleared (the schema's default or “required” applies).
      body[key] = undefined;
    } else if (key === 'stage') {
      const label = String(value);
      const code = stages.byLabel.get(normaliseLabel(label));
      if (code === undefined) {
        const options = [...stages.label.values()].map((stage) => stage[locale]).join('、');
        const text = message('stage.unknownLabel', locale, { value: label, options });
        row.issues.push(issue(row.row, 'stage', text));
        row.failed.add('stage');
      } else body.stage = code;
    } else body[key] = value;
  }
  body.submit = true;
  const parsed = reportInput.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    for (const [path, text] of Object.entries(issuesToFields(parsed.error.issues, locale))) {
      const head = path.split('.')[0] ?? '';
      if (row.failed.has(head)) continue;
      row.issues.push(issue(row.row, isReportField(head) ? head : 'code', text));
    }
  }
  return parsed.success && row.issues.length === 0 ? parsed.data : null;
}

/** Field-level problems a report service rule raised (AppError fields), as row issues at their columns. */
export function serviceIssues(
  row: number,
  fields: Record<string, FieldMessage>,
  issue: ReturnType<typeof issueMaker>,
  locale: Locale,
): LedgerRowIssue[] {
  return Object.entries(fields).map(([field, text]) =>
    issue(row, isReportField(field) ? field : 'code', fieldMessageText(text, locale)),
  );
}

/** A figure as the ledger shows it (stage label, 是/否, 万元 text). */
function shown(
  field: ReportLedgerField,
  value: string | number | bigint | boolean | null,
  stages: Stages,
  locale: Locale,
): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  return field === 'stage' ? (stages.label.get(text)?.[locale] ?? text) : text;
}

/**
 * What filing the input changes, field by field, in the words of the ledger: every figure of a new report
 * (before null), or the figures that differ from the filed ones; plus the state the report moves to.
 * Figures are compared as the report service stores them (reportValuesOf), so “12.5” and “12.50” are equal.
 */
export function reportChanges(
  filed: (ReportValues & { state: ReportState }) | undefined,
  input: ReportInput,
  nextState: ReportState,
  stages: Stages,
  locale: Locale,
  headerOf: (key: ReportLedgerKey) => string,
): LedgerFieldChange[] {
  const after = reportFiguresOf(reportValuesOf(input));
  const before = filed ? reportFiguresOf(filed) : null;
  const changes: LedgerFieldChange[] = [];
  for (const field of REPORT_LEDGER_FIELDS) {
    const was = before ? shown(field, before[field], stages, locale) : null;
    const now = shown(field, after[field], stages, locale);
    if (before ? was !== now : now !== null) changes.push({ field, header: headerOf(field), before: was, after: now });
  }
  if (changes.length > 0 && filed?.state !== nextState) {
    changes.push({
      field: 'state',
      header: headerOf('state'),
      before: filed ? REPORT_STATE_LABELS[filed.state][locale] : null,
      after: REPORT_STATE_LABELS[nextState][locale],
    });
  }
  return changes;
}
