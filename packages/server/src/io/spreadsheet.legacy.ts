/**
 * Reading the spreadsheets that are not xlsx — .xls (Excel 97–2003, BIFF8 in an OLE2 compound file), WPS's .et and
 * .xls, and Excel 2003 XML (SpreadsheetML 2003) — into an exceljs Workbook, so that they continue down the very
 * path an .xlsx takes (pickSheet, readGrid, the layout reader) and meet the same rules there.
 *
 * The parser is @e965/xlsx 0.20.3 (SheetJS CE, with the fixes for the CVEs of `xlsx` 0.18.5), used to READ only.
 * Chosen over LibreOffice headless (`soffice --convert-to xlsx`) because: it is an npm dependency, so
 * `npm install` is the whole setup (LibreOffice is ~500 MB of system packages, absent on this machine and on the
 * fresh machines of item 11); it runs in-process in tens of milliseconds where soffice starts a process per file
 * (seconds) that must be sandboxed, queued and killed on timeouts; it never runs macros (soffice must be told not
 * to); and it hands us values, formulas and number formats, so formulas are refused and dates read exactly as the
 * xlsx path does. Its XML reader does not expand entities; a DTD is refused before it anyway (no XXE).
 */
import { read, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { compoundFile, isDateFormat } from './sheetjs.ts';
import { XlsxFileError } from './xlsx.errors.ts';
import { MAX_CELLS, MAX_RAW_ROWS } from './xlsx.limits.ts';

/** Excel's error codes (BIFF) as the text exceljs uses for an error value. */
const ERRORS: Record<number, ExcelJS.CellErrorValue['error']> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};
const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system is 1899-12-30 (serial 25569 is 1970-01-01); the 1904 system is 1462 days on. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;
/** A DTD is where XML entities (and so XXE and entity bombs) live; Excel never writes one into a workbook. */
const DTD = /<!DOCTYPE|<!ENTITY/i;

/** Reads an OLE2 (.xls/.et) or Excel 2003 XML workbook into exceljs; refuses hostile or unreadable files. */
export function readLegacyWorkbook(buffer: Buffer, format: 'ole2' | 'xml'): ExcelJS.Workbook {
  if (format === 'ole2') checkCompoundFile(buffer);
  else if (DTD.test(buffer.toString('utf8'))) throw new XlsxFileError('file.xmlDoctype');
  let parsed: WorkBook;
  try {
    parsed = read(buffer, {
      type: 'buffer',
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: false,
      cellDates: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      // Rows past this are not even parsed; `!fullref` still tells how far the sheet went.
      sheetRows: MAX_RAW_ROWS + 1,
    });
  } catch (error) {
    throw new XlsxFileError(isPasswordError(error) ? 'file.encrypted' : 'file.notXlsx');
  }
  if (parsed.SheetNames.length === 0) throw new XlsxFileError('file.noSheet');
  return toExcelJs(parsed);
}

/** Refuses an encrypted file (an encrypted .xlsx is an OLE2 file too) and a compound file without a workbook (a .doc). */
function checkCompoundFile(buffer: Buffer) {
  let container: object;
  try {
    container = compoundFile.read(buffer, { type: 'buffer' });
  } catch {
    throw new XlsxFileError('file.notXlsx');
  }
  if (compoundFile.find(container, 'EncryptedPackage') || compoundFile.find(container, '/encryption')) {
    throw new XlsxFileError('file.encrypted');
  }
  if (!compoundFile.find(container, '/Workbook') && !compoundFile.find(container, '/Book'))
    throw new XlsxFileError('file.notXlsx');
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && /password|encrypt|RC4/i.test(error.message);
}

/** The parsed workbook as exceljs would have loaded it from an xlsx: values, dates, formulas, merges, hidden sheets. */
function toExcelJs(parsed: WorkBook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const date1904 = Boolean(parsed.Workbook?.WBProps?.date1904);
  const budget = { cells: 0 };
  parsed.SheetNames.forEach((name, index) => {
    const source = parsed.Sheets[name];
    if (!source) return;
    const hidden = parsed.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    const state = hidden === 0 ? 'visible' : hidden === 1 ? 'hidden' : 'veryHidden';
    copySheet(source, workbook.addWorksheet(uniqueName(workbook, name), { state }), date1904, budget);
  });
  return workbook;
}

/** exceljs refuses a duplicate name; SheetJS passes through whatever a damaged file says. */
function uniqueName(workbook: ExcelJS.Workbook, name: string): string {
  const base = name.slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; workbook.getWorksheet(candidate); n += 1) candidate = `${base.slice(0, 27)} (${n})`;
  return candidate;
}

function copySheet(source: WorkSheet, target: ExcelJS.Worksheet, date1904: boolean, budget: { cells: number }) {
  // `!fullref` (undeclared in SheetJS's types) is the sheet's whole extent when sheetRows cut it short.
  const fullref: unknown = source['!fullref'];
  const full = typeof fullref === 'string' ? fullref : source['!ref'];
  if (full && lastRow(full) > MAX_RAW_ROWS) throw new XlsxFileError('file.tooManyRows', { limit: MAX_RAW_ROWS });
  // Dense rows: a row or a cell may be missing (an empty one).
  const rows: ((CellObject | undefined)[] | undefined)[] = source['!data'] ?? [];
  rows.forEach((cells, r) => {
    if (!cells) return;
    const row = target.getRow(r + 1);
    cells.forEach((cell, c) => {
      const value = cell ? toCellValue(cell, date1904) : null;
      if (value === null) return;
      budget.cells += 1;
      if (budget.cells > MAX_CELLS) throw new XlsxFileError('file.tooManyCells', { limit: MAX_CELLS });
      row.getCell(c + 1).value = value;
    });
  });
  for (const merge of source['!merges'] ?? []) {
    // A merge becomes one cell per covered position in exceljs, so its area counts against the cell budget.
    budget.cells += (merge.e.r - merge.s.r + 1) * (merge.e.c - merge.s.c + 1);
    if (budget.cells > MAX_CELLS) throw new XlsxFileError('file.tooManyCells', { limit: MAX_CELLS });
    try {
      target.mergeCells(merge.s.r + 1, merge.s.c + 1, merge.e.r + 1, merge.e.c + 1);
    } catch {
      // Overlapping merges (a damaged file) are left unmerged: the master cell keeps its value.
    }
  }
}

/** The last row number (1-based) of an A1 range such as "A1:Q2041". */
function lastRow(ref: string): number {
  const match = /(\d+)$/.exec(ref);
  return match ? Number(match[1]) : 0;
}

/** A SheetJS cell as the value exceljs gives for the same cell of an xlsx; null for an empty one. */
function toCellValue(cell: CellObject, date1904: boolean): ExcelJS.CellValue {
  if (cell.f) return { formula: cell.f, result: typeof cell.v === 'number' || typeof cell.v === 'string' ? cell.v : 0 };
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: ERRORS[typeof cell.v === 'number' ? cell.v : -1] ?? '#VALUE!' };
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'n':
      if (typeof cell.v !== 'number') return null;
      // As exceljs does for xlsx: a number under a date format is a date, at midnight UTC of its day.
      return typeof cell.z === 'string' && isDateFormat(cell.z) ? serialToDate(cell.v, date1904) : cell.v;
    case 'z':
      return null;
  }
}

/** Excel's serial day number as a UTC Date (exceljs's `excelToDate`), so both paths give the same instant. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0)) * DAY_MS));
}
