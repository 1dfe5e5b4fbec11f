/**
 * The monthly-report ledger template of a period: the projects the actor would see on the review desk for
 * that month (the year's list within scope), each with its code and name and the figures already filed, so
 * a district fills in the blanks and imports the file for the same period.
 */
import type { Kysely } from 'kysely';
import {
  REPORT_LEDGER_COLUMNS,
  REPORT_LEDGER_FIELDS,
  REPORT_LEDGER_SHEET,
  type ReportLedgerKey,
} from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES } from '../../../io/xlsx.limits.ts';
import { requirePermission, type Actor } from '../../auth/actor.ts';
import { reportValueOf } from './report-ledger.export.ts';
import type { ReportPeriod } from './report-ledger.importer.ts';
import { reportListRows } from './report-ledger.query.ts';
import { buildTemplate } from '../import/import.template.ts';
import { recordTransfer } from '../../audit/audit.transfer.ts';

/** The template's columns: the key, what identifies the project, the plan, and every report field. */
const TEMPLATE_KEYS: readonly ReportLedgerKey[] = [
  'code',
  'name',
  'owner',
  'region',
  'state',
  'annualPlan',
  ...REPORT_LEDGER_FIELDS,
];

const rules = (period: string) => [
  `1. 本表用于 ${period} 报送期的月报，导入时须选择同一报送期。第一个工作表“${REPORT_LEDGER_SHEET}”的第一行是表头，列的顺序可以调整，常见的同义列名也能识别（见下表）。`,
  '2. 按“投资项目统一代码”识别项目，每个项目一行；只能填报本账号可见的项目。灰色表头的列（项目名称、单位、状态、计划）仅供阅读，导入时忽略。',
  '3. 本月数据全部为空的行视为未填报并跳过；已填报的项目，空白单元格表示清空该项，整列删除则保留原值。',
  '4. 规则与逐项填报相同：本月完成投资单位为万元，可为负数用于核减，但本年累计不能小于零；填“是否开工：是”须填写本年度内的开工日期。',
  '5. 县区和市级账号导入的月报视为已审核（县区已审核），立即计入统计；项目单位账号导入的月报为“已提交”，等待县区审核。已经市级确认的月报不能通过台账修改；已锁定的报送期不能导入修改，更正请在月报页面填写原因。',
  '6. 导入前先预览：预览逐行列出新填报和修改的字段（修改前 → 修改后），以及每个错误的行号、列名和原因。确认导入时全部写入，或（有任何错误时）全部不写入；重复导入同一文件不会产生任何修改。',
  `7. 不要使用公式；限制：文件不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB、${MAX_ROWS} 行、${MAX_COLUMNS} 列。`,
];

/** Builds the period's template for the actor as an xlsx buffer. */
export async function buildReportTemplate(db: Kysely<DB>, actor: Actor, period: ReportPeriod): Promise<Buffer> {
  requirePermission(actor, 'report.write');
  const columns = TEMPLATE_KEYS.flatMap((key) => REPORT_LEDGER_COLUMNS.filter((column) => column.key === key));
  const [stages, batches] = await Promise.all([
    db.selectFrom('lifecycle_stages').where('active', '=', true).select('name_zh').orderBy('sort_order').execute(),
    (async () => {
      const rows = [];
      const query = { ...period, page: 1, pageSize: 1 };
      for await (const batch of reportListRows(db, actor, query)) {
        rows.push(...batch.map((row) => columns.map((column) => reportValueOf(column.key, row))));
      }
      return rows;
    })(),
  ]);
  // Prefilled with the projects' figures: a download of business data, audited like an export.
  await recordTransfer(db, actor, {
    action: 'export',
    what: 'xlsx:monthly-report-template',
    regionCode: actor.regionCode,
    details: { period, rows: batches.length },
  });
  return buildTemplate({
    sheet: REPORT_LEDGER_SHEET,
    title: `${period.year}年${period.month}月 月报台账导入说明`,
    rules: rules(`${period.year}年${period.month}月`),
    requiredLabel: '必填',
    columns,
    lists: { stage: stages.map((s) => s.name_zh), started: ['是', '否'] },
    rows: batches,
  });
}
