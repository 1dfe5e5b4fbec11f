/**
 * Ledger templates, shared by every kind (buildTemplate): the data sheet with the standard headers (required ones
 * marked * and red), number and date formats and dropdown lists on every coded column; the instructions sheet
 * (说明); and a hidden sheet of the lists the dropdowns draw on.
 */
import ExcelJS from 'exceljs';
import { LEDGER_INSTRUCTIONS_SHEET, LEDGER_LISTS_SHEET, type LedgerColumnDef } from '@keyprojects/core';
import { MAX_ROWS } from '../../../io/xlsx.limits.ts';
import { cellValue, type XlsxColumnKind, type XlsxValue } from '../../../io/xlsx.writer.ts';
import { columnLetter } from '../../../io/xlsx.parts.ts';

const FORMATS: Partial<Record<LedgerColumnDef['kind'], string>> = { money: '#,##0.00', date: 'yyyy-mm-dd' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** exceljs keeps range validations in `dataValidations`, which its typings omit. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
function hasRangeValidations(sheet: object): sheet is RangeValidations {
  return 'dataValidations' in sheet;
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
