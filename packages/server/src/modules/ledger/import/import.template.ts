/**
 * Ledger templates (buildTemplate, shared by every kind) and the downloadable project ledger template: the
 * data sheet with the standard headers (required ones marked * and red), number and date formats and
 * dropdown lists on every coded column; the instructions sheet (说明); and a hidden sheet of the lists the
 * dropdowns draw on — the stages configured and the regions within the downloading user's scope.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import {
  LEDGER_INSTRUCTIONS_SHEET,
  LEDGER_LISTS_SHEET,
  PROJECT_LEDGER_COLUMNS,
  PROJECT_LEDGER_SHEET,
  ANNUAL_PLAN_COLUMN,
  type LedgerColumnDef,
  type ProjectLedgerKey,
} from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { visibleRegions } from '../../../db/scope.ts';
import { MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES } from '../../../io/xlsx.limits.ts';
import { cellValue, type XlsxColumnKind, type XlsxValue } from '../../../io/xlsx.writer.ts';
import { columnLetter } from '../../../io/xlsx.parts.ts';
import { latestPlanYear } from '../../project/project.repository.ts';
import { requirePermission, type Actor } from '../../auth/actor.ts';

/** The template's columns: every importable column, the plan year's column after the total investment. */
export function templateColumns(planYear: number): LedgerColumnDef<ProjectLedgerKey>[] {
  const plan = { ...ANNUAL_PLAN_COLUMN, synonyms: [], header: { zh: ANNUAL_PLAN_COLUMN.headerFor(planYear), en: '' } };
  return PROJECT_LEDGER_COLUMNS.filter((column) => column.importable).flatMap((column) =>
    column.key === 'totalInvestment' ? [column, plan] : [column],
  );
}

const FORMATS: Partial<Record<LedgerColumnDef['kind'], string>> = { money: '#,##0.00', date: 'yyyy-mm-dd' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** exceljs keeps range validations in `dataValidations`, which its typings omit. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
function hasRangeValidations(sheet: object): sheet is RangeValidations {
  return 'dataValidations' in sheet;
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

/** A ledger template: its data sheet, columns, dropdown lists, instructions and (optionally) prefilled rows. */
export interface TemplateSpec<K extends string> {
  sheet: string;
  /** The instructions sheet's title. */
  title: string;
  rules: readonly string[];
  /** The instructions table's header for the required flag (新建必填, 必填…). */
  requiredLabel: string;
  columns: readonly LedgerColumnDef<K>[];
  /** Dropdown values of columns drawn from the database; choice columns bring their own. */
  lists: Partial<Record<K, readonly string[]>>;
  /** Rows to prefill, one value per column (万元 as decimal strings, dates as YYYY-MM-DD). */
  rows?: readonly (readonly XlsxValue[])[];
}

const READ_ONLY_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF808080' } };

/** How a ledger column's values are written to xlsx (numbers stay numbers, text is neutralised). */
export function xlsxKindOf(column: LedgerColumnDef): XlsxColumnKind {
  switch (column.kind) {
    case 'money':
      return 'money';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'text':
    case 'boolean':
    case 'choice':
    case 'choices':
    case 'list':
    case 'reference':
      return 'text';
  }
}

/**
 * Writes a template as an xlsx buffer: the data sheet (required headers marked * and red, columns kept for
 * reading grey), number and date formats, dropdowns on listed columns, the instructions and the lists sheet.
 */
export async function buildTemplate<K extends string>(spec: TemplateSpec<K>): Promise<Buffer> {
  const { columns } = spec;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KeyProjects';
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = workbook.addWorksheet(LEDGER_INSTRUCTIONS_SHEET);
  const lists = workbook.addWorksheet(LEDGER_LISTS_SHEET, { state: 'hidden' });

  sheet.columns = columns.map((column) => {
    const numFmt = FORMATS[column.kind];
    return { key: column.key, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.required ? `*${column.header.zh}` : column.header.zh;
    cell.font = !column.importable
      ? READ_ONLY_FONT
      : { bold: true, ...(column.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const kinds = columns.map(xlsxKindOf);
  for (const values of spec.rows ?? []) {
    sheet.addRow(values.map((value, index) => cellValue(kinds[index] ?? 'text', value)));
  }

  const listValues: Partial<Record<K, readonly string[]>> = { ...spec.lists };
  for (const column of columns) if (column.choices) listValues[column.key] = [...column.choices.options];
  let listIndex = 0;
  columns.forEach((column, index) => {
    const values = listValues[column.key];
    if (!values || values.length === 0 || !hasRangeValidations(sheet)) return;
    const letter = columnLetter(listIndex);
    listIndex += 1;
    lists.getCell(1, listIndex).value = column.header.zh;
    values.forEach((value, row) => (lists.getCell(row + 2, listIndex).value = value));
    const target = columnLetter(index);
    sheet.dataValidations.add(`${target}2:${target}${MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LEDGER_LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
      // Several levels go in one cell (省重点、市重点), which a strict list would refuse.
      showErrorMessage: column.kind !== 'choices',
      errorStyle: 'stop',
      errorTitle: column.header.zh,
      error: '请从下拉列表中选择',
    });
  });

  instructions.columns = [{ width: 22 }, { width: 8 }, { width: 60 }, { width: 50 }];
  instructions.addRow([spec.title]).font = { bold: true, size: 14 };
  for (const rule of spec.rules) instructions.addRow([rule]);
  instructions.addRow([]);
  const tableHeader = instructions.addRow(['列名', spec.requiredLabel, '填写说明', '可识别的其他列名']);
  tableHeader.font = { bold: true };
  for (const column of columns) {
    instructions.addRow([column.header.zh, column.required ? '是' : '', column.note.zh, column.synonyms.join('、')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
