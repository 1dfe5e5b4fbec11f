/**
 * The downloadable project ledger template: every importable column (the plan year's after the total investment),
 * the rules of the project import, and dropdowns of the stages configured and the regions within the downloading
 * user's scope.
 */
import type { Kysely } from 'kysely';
import {
  ANNUAL_PLAN_COLUMN,
  PROJECT_LEDGER_COLUMNS,
  PROJECT_LEDGER_SHEET,
  type LedgerColumnDef,
  type ProjectLedgerKey,
} from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { visibleRegions } from '../../../db/scope.ts';
import { MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES } from '../../../io/xlsx.limits.ts';
import { latestPlanYear } from '../../project/project.repository.ts';
import { requirePermission, type Actor } from '../../auth/actor.ts';
import { buildTemplate } from '../import/import.template.ts';

/** The template's columns: every importable column, the plan year's column after the total investment. */
export function templateColumns(planYear: number): LedgerColumnDef<ProjectLedgerKey>[] {
  const plan = { ...ANNUAL_PLAN_COLUMN, synonyms: [], header: { zh: ANNUAL_PLAN_COLUMN.headerFor(planYear), en: '' } };
  return PROJECT_LEDGER_COLUMNS.filter((column) => column.importable).flatMap((column) =>
    column.key === 'totalInvestment' ? [column, plan] : [column],
  );
}

const RULES = [
  '1. 第一个工作表“项目台账”的第一行是表头。列的顺序可以调整，常见的同义列名也能识别（见下表）；无法识别的列会在预览中列出并被忽略。',
  '2. 按“投资项目统一代码”识别项目：本账号可见的已有代码，只更新有变化的字段；新代码新建项目；同一文件中代码不能重复。重复导入同一文件不会产生任何修改。',
  '3. 更新已有项目时，空白单元格表示清空该字段（必填字段不能清空）；不需要修改的列可以整列删除。',
  '4. 金额单位为万元，填写数字（最多六位小数，不能为负）；日期填写 Excel 日期，或 2025-03-01、2025/3/1 形式的文本。',
  '5. 不要使用公式：含公式的单元格会被拒绝，请先“复制—选择性粘贴—数值”。“合计”行会被跳过。',
  '6. 导入前先预览：预览逐行列出将新建的内容、将修改的字段（修改前 → 修改后），以及每个错误的行号、列名和原因。确认导入时全部写入，或（有任何错误时）全部不写入。',
  `7. 限制：文件不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB、${MAX_ROWS} 行、${MAX_COLUMNS} 列。`,
];

/** Builds the template for the actor (its region list) as an xlsx buffer. */
export async function buildProjectTemplate(db: Kysely<DB>, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'project.read');
  const [regions, stages, latestYear] = await Promise.all([
    db.selectFrom('regions').where(visibleRegions(actor)).select('name').orderBy('code').execute(),
    db.selectFrom('lifecycle_stages').where('active', '=', true).select('name_zh').orderBy('sort_order').execute(),
    latestPlanYear(db),
  ]);
  return buildTemplate({
    sheet: PROJECT_LEDGER_SHEET,
    title: '项目台账导入说明',
    rules: RULES,
    requiredLabel: '新建必填',
    columns: templateColumns(latestYear ?? new Date().getFullYear()),
    lists: { region: regions.map((r) => r.name), stage: stages.map((s) => s.name_zh) },
  });
}
