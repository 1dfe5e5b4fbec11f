/**
 * The one seam between an uploaded file and the ledger reader: whatever the format (.xlsx, .xls, WPS .et, Excel
 * 2003 XML), the file becomes an exceljs Workbook, and from there every format takes the same path (pickSheet,
 * readGrid, the layout reader). The format is told by content (spreadsheet.format.ts), never by the file's name.
 */
import type ExcelJS from 'exceljs';
import { detectSpreadsheetFormat } from './spreadsheet.format.ts';
import { readLegacyWorkbook } from './spreadsheet.legacy.ts';
import { XlsxFileError } from './xlsx.errors.ts';
import { readXlsxGrid } from './xlsx.grid.ts';
import { pickSheet, readGrid, readWorkbook, type SheetGrid } from './xlsx.reader.ts';
import { inspectXlsx } from './zip.inspect.ts';

/** Reads an uploaded spreadsheet of any accepted format, refusing hostile or unreadable files with a 400. */
export async function readSpreadsheet(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const format = detectSpreadsheetFormat(buffer);
  switch (format) {
    case 'xlsx':
      return readWorkbook(buffer);
    case 'ole2':
    case 'xml':
      return readLegacyWorkbook(buffer, format);
    case null:
      throw new XlsxFileError('file.notXlsx');
  }
}

/**
 * The import's sheet as a grid: an xlsx read straight from its sheet XML (xlsx.grid.ts, the same grid at a
 * fraction of exceljs's time), the older formats through their exceljs workbook.
 */
export async function readSpreadsheetGrid(
  buffer: Buffer,
  preferred: readonly string[],
  skip: readonly string[],
): Promise<SheetGrid> {
  if (detectSpreadsheetFormat(buffer) === 'xlsx') return readXlsxGrid(buffer, preferred, skip);
  return readGrid(pickSheet(await readSpreadsheet(buffer), preferred, skip));
}

/**
 * The checks that refuse a file before an import job starts (so a bad file is a 400, not a failed job): an xlsx's
 * zip inspection; an old-format file is read whole, which for 20 MB at most takes well under a second.
 */
export async function inspectSpreadsheet(buffer: Buffer): Promise<void> {
  if (detectSpreadsheetFormat(buffer) === 'xlsx') await inspectXlsx(buffer);
  else await readSpreadsheet(buffer);
}
