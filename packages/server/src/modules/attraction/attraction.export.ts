/**
 * The lead list and the six lists as Excel (GET /attraction/leads/export, GET /attraction/six-lists/export): the
 * same items the API answers, through the shared xlsx writer, audited as exports.
 */
import {
  INDUSTRY_SECTION_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STAGE_LABELS,
  PIPELINE_STEP_LABELS,
  SIX_LIST_LABELS,
  type LeadListQuery,
  type LeadOutput,
  type SixListsQuery,
} from '@keyprojects/core';
import { xlsxBuffer, type XlsxColumn, type XlsxValue } from '../../io/xlsx.writer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { listLeads, sixLists, type AttractionDeps } from './attraction.service.ts';

type Column = { column: XlsxColumn; value: (lead: LeadOutput) => XlsxValue };

const COLUMNS: readonly Column[] = [
  { column: { header: '编号', width: 8, kind: 'integer' }, value: (l) => l.id },
  { column: { header: '投资方', width: 28, kind: 'text' }, value: (l) => l.investor },
  { column: { header: '项目名称', width: 30, kind: 'text' }, value: (l) => l.projectName },
  {
    column: { header: '行业', width: 16, kind: 'text' },
    value: (l) => (l.industry ? INDUSTRY_SECTION_LABELS[l.industry].zh : null),
  },
  { column: { header: '投资额（万元）', width: 14, kind: 'money' }, value: (l) => l.amount },
  { column: { header: '来源', width: 12, kind: 'text' }, value: (l) => LEAD_SOURCE_LABELS[l.source].zh },
  { column: { header: '县区', width: 12, kind: 'text' }, value: (l) => l.regionName },
  { column: { header: '阶段', width: 14, kind: 'text' }, value: (l) => LEAD_STAGE_LABELS[l.stage].zh },
  { column: { header: '进度', width: 10, kind: 'text' }, value: (l) => PIPELINE_STEP_LABELS[l.pipelineStep].zh },
  { column: { header: '责任人', width: 10, kind: 'text' }, value: (l) => l.responsiblePerson },
  { column: { header: '责任单位', width: 20, kind: 'text' }, value: (l) => l.responsibleUnit },
  { column: { header: '登记日期', width: 12, kind: 'date' }, value: (l) => l.createdOn },
  { column: { header: '框架协议日期', width: 12, kind: 'date' }, value: (l) => l.frameworkOn },
  { column: { header: '签约日期', width: 12, kind: 'date' }, value: (l) => l.contractOn },
  { column: { header: '入库日期', width: 12, kind: 'date' }, value: (l) => l.registeredOn },
  { column: { header: '项目代码', width: 26, kind: 'text' }, value: (l) => l.projectCode },
  { column: { header: '备注', width: 30, kind: 'text' }, value: (l) => l.note },
];

const sheet = (name: string, leads: readonly LeadOutput[]) => ({
  name,
  columns: COLUMNS.map((c) => c.column),
  rows: leads.map((lead) => COLUMNS.map((c) => c.value(lead))),
});

/** The lead list's xlsx: every matching lead. */
export async function exportLeads(deps: AttractionDeps, actor: Actor, query: LeadListQuery): Promise<Buffer> {
  const { items } = await listLeads(deps, actor, query);
  await recordAudit(deps.db, actor, {
    entityType: 'transfer',
    entityId: 'xlsx:attraction-leads',
    action: 'export',
    after: { ...query, rows: items.length },
  });
  return xlsxBuffer([sheet('招商线索', items)]);
}

/** The six lists' xlsx: one sheet per list, in the order the cities publish them. */
export async function exportSixLists(deps: AttractionDeps, actor: Actor, query: SixListsQuery): Promise<Buffer> {
  const { lists } = await sixLists(deps, actor, query);
  await recordAudit(deps.db, actor, {
    entityType: 'transfer',
    entityId: 'xlsx:attraction-six-lists',
    action: 'export',
    after: { ...query, rows: lists.reduce((n, list) => n + list.count, 0) },
  });
  return xlsxBuffer(lists.map((list) => sheet(SIX_LIST_LABELS[list.list].zh, list.items)));
}
