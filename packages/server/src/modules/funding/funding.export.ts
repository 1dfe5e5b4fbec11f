/** The 'funding-lines' export (GET /api/v1/exports/funding-lines.xlsx): the funding list as Excel. */
import { FUNDING_SOURCE_LABELS, fundingQuery, type FundingLineItem, type FundingQuery } from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import { sheetOfItems, type ExportColumns, type ExportDefinition } from '../ledger/exports/export.definition.ts';
import { appToday } from './funding.repository.ts';
import { fundingLines } from './funding.service.ts';

const COLUMNS: ExportColumns<FundingLineItem> = [
  { column: { header: '项目代码', width: 28, kind: 'text' }, value: (i) => i.code },
  { column: { header: '项目名称', width: 40, kind: 'text' }, value: (i) => i.name },
  { column: { header: '所在地区', width: 14, kind: 'text' }, value: (i) => i.regionName },
  { column: { header: '资金来源', width: 18, kind: 'text' }, value: (i) => FUNDING_SOURCE_LABELS[i.kind].zh },
  { column: { header: '总投资（万元）', width: 16, kind: 'money' }, value: (i) => i.totalInvestment },
  { column: { header: '申请（万元）', width: 16, kind: 'money' }, value: (i) => i.applied },
  { column: { header: '批复（万元）', width: 16, kind: 'money' }, value: (i) => i.approved },
  { column: { header: '下达（万元）', width: 16, kind: 'money' }, value: (i) => i.issued },
  { column: { header: '最近日期', width: 12, kind: 'date' }, value: (i) => i.lastOn },
];

/** The 'funding-lines' export definition: the same lines as GET /funding/lines. */
export const fundingLinesExport: ExportDefinition<FundingQuery> = {
  name: 'funding-lines',
  summary: '导出资金来源清单（与 GET /funding/lines 相同的筛选条件）',
  fileName: '资金来源清单',
  permission: 'funding.read',
  query: fundingQuery,
  async sheet(db, actor, query) {
    // An export has no clock of its own: the application's date is the database's app_today().
    const { items } = await fundingLines({ db, clock: fixedClock(await appToday(db)) }, actor, query);
    return sheetOfItems('资金来源', COLUMNS, items);
  },
};
