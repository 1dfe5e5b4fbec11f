/**
 * Reading a workbook that passed inspection: exceljs parses it, and each sheet becomes a grid of
 * `LedgerCell`s (plain data the core rules understand). Formulas stay marked as formulas so the import
 * can refuse them where a value is expected.
 */
import ExcelJS from 'exceljs';
import type { LedgerCell } from '@keyprojects/core';
import { XlsxFileError } from './xlsx.errors.ts';
import { MAX_COLUMNS, MAX_HEADER_ROWS, MAX_ROWS } from './xlsx.limits.ts';
import { inspectXlsx } from './zip.inspect.ts';

/** One row of a sheet: its Excel row number and its cells from column A on (shorter rows end early). */
export interface GridRow {
  number: number;
  cells: LedgerCell[];
}

/** A sheet as plain cells. */
export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

const EMPTY: LedgerCell = { type: 'empty' };

/** Inspects the buffer (refusing hostile files) and parses it. */
export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  await inspectXlsx(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copied one satisfies them (and JSZip reads either).
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new XlsxFileError('file.notXlsx');
  }
  return workbook;
}

/** The sheet to import: the first with a preferred name, else the first visible one not in `skip`. */
export function pickSheet(
  workbook: ExcelJS.Workbook,
  preferred: readonly string[],
  skip: readonly string[],
): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const named = preferred.map((name) => sheets.find((sheet) => sheet.name.trim() === name)).find(Boolean);
  const sheet = named ?? sheets.find((s) => s.state === 'visible' && !skip.includes(s.name.trim()));
  if (!sheet) throw new XlsxFileError('file.noSheet');
  return sheet;
}

/** The sheet's rows that hold a value, as LedgerCells; refuses sheets past the row or column limit. */
export function readGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: GridRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rows.length >= MAX_ROWS + MAX_HEADER_ROWS) throw new XlsxFileError('file.tooManyRows', { limit: MAX_ROWS });
    const cells: LedgerCell[] = [];
    row.eachCell((cell, column) => {
      if (column > MAX_COLUMNS) throw new XlsxFileError('file.tooManyColumns', { limit: MAX_COLUMNS });
      while (cells.length < column - 1) cells.push(EMPTY);
      cells.push(toLedgerCell(cell.value));
    });
    rows.push({ number: rowNumber, cells });
  });
  return { name: sheet.name, rows };
}

/** An exceljs value as a LedgerCell; any formula (with or without a cached result) is a formula. */
export function toLedgerCell(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'string') return { type: 'text', text: value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (value instanceof Date) return { type: 'date', date: value };
  if ('formula' in value || 'sharedFormula' in value) return { type: 'formula' };
  if ('error' in value) return { type: 'error', text: value.error };
  if ('richText' in value) return { type: 'text', text: value.richText.map((run) => run.text).join('') };
  return { type: 'text', text: value.text };
}
