/**
 * The 'audit-log' export (GET /api/v1/exports/audit-log.xlsx, CLI `export audit-log`): the audit
 * administrator's filtered trail as Excel, through the shared export registry, so it is streamed in keyset
 * batches like the other exports and restricted to audit.readAll.
 */
import { auditQuery, type AuditItem, type AuditQuery } from '@keyprojects/core';
import type { XlsxColumn, XlsxValue } from '../../io/xlsx.writer.ts';
import type { ExportDefinition } from '../ledger/exports/export.definition.ts';
import { auditTrailBatches } from './audit.service.ts';

const text = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The sheet's columns and how each is read from a row. */
const COLUMNS: readonly { column: XlsxColumn; value: (item: AuditItem) => XlsxValue }[] = [
  { column: { header: '序号', width: 10, kind: 'integer' }, value: (i) => i.id },
  { column: { header: '时间', width: 24, kind: 'text' }, value: (i) => i.at },
  { column: { header: '操作人', width: 16, kind: 'text' }, value: (i) => i.actorUsername },
  { column: { header: '姓名', width: 18, kind: 'text' }, value: (i) => i.actorLabel },
  { column: { header: '角色', width: 16, kind: 'text' }, value: (i) => i.actorRole },
  { column: { header: 'IP', width: 16, kind: 'text' }, value: (i) => i.ip },
  { column: { header: '操作', width: 14, kind: 'text' }, value: (i) => i.action },
  { column: { header: '对象类型', width: 14, kind: 'text' }, value: (i) => i.entityType },
  { column: { header: '对象', width: 12, kind: 'text' }, value: (i) => i.entityId },
  { column: { header: '区划', width: 10, kind: 'text' }, value: (i) => i.regionCode },
  {
    column: { header: '变更内容', width: 60, kind: 'text' },
    value: (i) => i.changes.map((c) => `${c.field}: ${text(c.before)} → ${text(c.after)}`).join('\n'),
  },
];

/** The 'audit-log' export definition. */
export const auditLogExport: ExportDefinition<AuditQuery> = {
  name: 'audit-log',
  summary: '导出审计日志（仅审计管理员；与 GET /audit 相同的筛选条件）',
  fileName: '审计日志',
  permission: 'audit.readAll',
  query: auditQuery,
  sheet(db, _actor, query) {
    async function* rows() {
      for await (const batch of auditTrailBatches(db, query)) {
        yield batch.map((item) => COLUMNS.map(({ value }) => value(item)));
      }
    }
    return Promise.resolve({ name: '审计日志', columns: COLUMNS.map(({ column }) => column), rows: rows() });
  },
};
