/**
 * The drill list's export (GET /api/v1/exports/drill-projects.xlsx and the CLI's `export drill-projects`): the
 * projects behind a dashboard figure with the list's own query (figure, group, region, date, sort), in the list's
 * order and scope, each row from the drill presenter.
 */
import { drillQuery, type DrillProjectOutput, type DrillQuery } from '@keyprojects/core';
import type { XlsxColumn, XlsxValue } from '../../io/xlsx.writer.ts';
import type { ExportDefinition } from '../ledger/exports/export.definition.ts';
import { drillBatches } from './stats.service.ts';

/** A figure never has more projects than a province's list; the export stops there. */
const EXPORT_LIMIT = 100_000;
const BATCH = 1_000;

const COLUMNS: readonly { column: XlsxColumn; value: (row: DrillProjectOutput) => XlsxValue }[] = [
  { column: { header: '项目代码', width: 28, kind: 'text' }, value: (r) => r.code },
  { column: { header: '项目名称', width: 40, kind: 'text' }, value: (r) => r.name },
  { column: { header: '区划', width: 14, kind: 'text' }, value: (r) => r.regionName },
  { column: { header: '总投资（万元）', width: 16, kind: 'money' }, value: (r) => r.totalInvestment },
  { column: { header: '年度计划投资（万元）', width: 18, kind: 'money' }, value: (r) => r.annualPlan },
  { column: { header: '年内累计完成投资（万元）', width: 20, kind: 'money' }, value: (r) => r.completedYtd },
  { column: { header: '开复工日期', width: 12, kind: 'date' }, value: (r) => r.startedOn },
];

const toCells = (row: DrillProjectOutput) => COLUMNS.map(({ value }) => value(row));

export const drillProjectsExport: ExportDefinition<DrillQuery> = {
  name: 'drill-projects',
  summary: '导出驾驶舱下钻的项目清单（与 GET /stats/projects 相同的指标、分组、区划、日期与排序）',
  fileName: '驾驶舱项目清单',
  permission: 'stats.read',
  query: drillQuery,
  async sheet(db, actor, query) {
    // The first batch is read before the download starts, so an out-of-scope region still answers 400 as JSON.
    const batches = drillBatches(db, actor, query, BATCH, EXPORT_LIMIT);
    const first = await batches.next();
    async function* rows() {
      if (first.done) return;
      yield first.value.map(toCells);
      for await (const batch of batches) yield batch.map(toCells);
    }
    return { name: '项目清单', columns: COLUMNS.map(({ column }) => column), rows: rows() };
  },
};
