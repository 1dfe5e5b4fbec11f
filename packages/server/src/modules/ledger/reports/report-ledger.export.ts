/**
 * The 'monthly-reports' export: the review desk's list for a period (the same query, filters and scope as
 * GET /reports) as a monthly-report ledger with the import's columns, so the file can be corrected and
 * imported back for the same period; money in 万元 as numbers, the completion rate as a percentage, dates
 * as dates. The period template writes the same columns for the same rows.
 */
import {
  REPORT_LEDGER_COLUMNS,
  REPORT_LEDGER_SHEET,
  REPORT_STATE_LABELS,
  formatWan,
  percent,
  reportListQuery,
  type ReportLedgerKey,
  type ReportListQuery,
} from '@keyprojects/core';
import type { XlsxColumn, XlsxColumnKind, XlsxValue } from '../../../io/xlsx.writer.ts';
import type { ExportDefinition } from '../exports/export.definition.ts';
import { reportListRows, type ReportListRow } from './report-ledger.query.ts';

/** How each column is written. */
const KINDS: Record<ReportLedgerKey, XlsxColumnKind> = {
  code: 'text',
  name: 'text',
  owner: 'text',
  region: 'text',
  state: 'text',
  annualPlan: 'money',
  completedThisMonth: 'money',
  completedYtd: 'money',
  completionRate: 'percent',
  progressText: 'text',
  // A number of percent units under a “（%）” header, not a % cell, so the file imports back as 35, not 0.35.
  progressPercent: 'number',
  workers: 'integer',
  machines: 'integer',
  stage: 'text',
  started: 'text',
  startedOn: 'date',
};

/** A row's value in a ledger column (zh labels; money as exact decimal strings). */
export function reportValueOf(key: ReportLedgerKey, row: ReportListRow): XlsxValue {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'owner':
      return row.ownerName;
    case 'region':
      return row.regionName;
    case 'state':
      return REPORT_STATE_LABELS[row.state].zh;
    case 'annualPlan':
      return formatWan(row.annualPlan);
    case 'completedThisMonth':
      return row.completedThisMonth === null ? null : formatWan(row.completedThisMonth);
    case 'completedYtd':
      return formatWan(row.completedYtd);
    case 'completionRate':
      return percent(row.completedYtd, row.annualPlan, 2);
    case 'progressText':
      return row.progressText;
    case 'progressPercent':
      return row.progressPercent === null ? null : String(Number(row.progressPercent));
    case 'workers':
      return row.workers;
    case 'machines':
      return row.machines;
    case 'stage':
      return row.stageName ?? row.stage;
    case 'started':
      return row.started === null ? null : row.started ? '是' : '否';
    case 'startedOn':
      return row.startedOn;
  }
}

/** The export's columns: every column of the ledger, in order. */
export const REPORT_EXPORT_COLUMNS: readonly { key: ReportLedgerKey; column: XlsxColumn }[] = REPORT_LEDGER_COLUMNS.map(
  (definition) => ({
    key: definition.key,
    column: { header: definition.header.zh, width: definition.width, kind: KINDS[definition.key] },
  }),
);

/** The 'monthly-reports' export definition. */
export const monthlyReportsExport: ExportDefinition<ReportListQuery> = {
  name: 'monthly-reports',
  summary: '导出月报审核台列表（月报台账 xlsx，可修改后按同一报送期再导入）',
  fileName: REPORT_LEDGER_SHEET,
  permission: 'report.read',
  query: reportListQuery,
  sheet(db, actor, query) {
    async function* rows() {
      for await (const batch of reportListRows(db, actor, query)) {
        yield batch.map((row) => REPORT_EXPORT_COLUMNS.map(({ key }) => reportValueOf(key, row)));
      }
    }
    return Promise.resolve({
      name: REPORT_LEDGER_SHEET,
      columns: REPORT_EXPORT_COLUMNS.map(({ column }) => column),
      rows: rows(),
    });
  },
};
