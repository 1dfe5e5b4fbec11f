/**
 * The warnings export (GET /api/v1/warnings/export, also /api/v1/exports/warnings.xlsx and the CLI's
 * `export warnings`): the list's filters and scope, every matching warning as Excel, rows from the presenter.
 */
import { WARNING_LEVEL_LABELS, warningListQuery, type WarningItem, type WarningListQuery } from '@keyprojects/core';
import { sheetOfItems, type ExportColumns, type ExportDefinition } from '../ledger/exports/export.definition.ts';
import { exportWarningRows } from './warning-list.repository.ts';
import { toWarningItem } from './warning.presenter.ts';

/** An export holds at most this many warnings (a city has a few thousand at most). */
const EXPORT_LIMIT = 100_000;

const COLUMNS: ExportColumns<WarningItem> = [
  { column: { header: '项目代码', width: 28, kind: 'text' }, value: (w) => w.projectCode },
  { column: { header: '项目名称', width: 36, kind: 'text' }, value: (w) => w.projectName },
  { column: { header: '区划', width: 14, kind: 'text' }, value: (w) => w.regionName },
  { column: { header: '预警规则', width: 18, kind: 'text' }, value: (w) => w.ruleLabel },
  { column: { header: '等级', width: 10, kind: 'text' }, value: (w) => WARNING_LEVEL_LABELS[w.level].zh },
  { column: { header: '预警内容', width: 60, kind: 'text' }, value: (w) => w.text },
  { column: { header: '首次预警', width: 12, kind: 'date' }, value: (w) => w.firstRaisedOn },
  { column: { header: '最近确认', width: 12, kind: 'date' }, value: (w) => w.lastConfirmedOn },
  { column: { header: '等级变化', width: 12, kind: 'date' }, value: (w) => w.levelChangedOn },
  { column: { header: '解除日期', width: 12, kind: 'date' }, value: (w) => w.clearedOn },
  { column: { header: '预警标准', width: 12, kind: 'text' }, value: (w) => w.presetId },
  { column: { header: '规则版本', width: 10, kind: 'integer' }, value: (w) => w.ruleVersion },
];

export const warningsExport: ExportDefinition<WarningListQuery> = {
  name: 'warnings',
  summary: '导出预警列表（与 GET /warnings 相同的筛选条件与权限范围）',
  fileName: '预警列表',
  permission: 'warning.read',
  query: warningListQuery,
  async sheet(db, actor, query) {
    const rows = await exportWarningRows(db, actor, query, EXPORT_LIMIT);
    return sheetOfItems(
      '预警列表',
      COLUMNS,
      rows.map((row) => toWarningItem(row, actor.locale)),
    );
  },
};
