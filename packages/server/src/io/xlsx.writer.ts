/**
 * Streaming xlsx output: rows are written as they come into a deflating zip stream, so an export of 50,000 rows
 * never holds the workbook in memory. Every sheet gets a bold frozen header row, column widths, an autofilter
 * and number formats by column kind; text is neutralised against formula injection and numbers stay numbers.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import yazl from 'yazl';
import { neutraliseText } from '@keyprojects/core';
import { HEADER_STYLE, KIND_STYLES, cellXml, columnLetter, packageParts, sheetEnd, sheetStart } from './xlsx.parts.ts';

/** How a column's values are written and formatted. */
export type XlsxColumnKind = 'text' | 'integer' | 'number' | 'money' | 'moneyYi' | 'percent' | 'date';

/** One output column. */
export interface XlsxColumn {
  header: string;
  width: number;
  kind: XlsxColumnKind;
}

/**
 * A cell value: text for text columns; a decimal string (exact, e.g. from formatWan) or number for numeric
 * ones — money in 万元 or 亿元, percent in percent units ('77.3' → 77.3%); 'YYYY-MM-DD' for dates; null empty.
 */
export type XlsxValue = string | number | null;

/** A sheet to write: its columns and its rows in batches. */
export interface XlsxSheetSource {
  name: string;
  columns: readonly XlsxColumn[];
  rows: AsyncIterable<readonly (readonly XlsxValue[])[]>;
}

/** Rows per chunk handed to the zip: bounds what is held while the compressor catches up. */
const ROWS_PER_CHUNK = 200;

/**
 * Writes the sheets to `out` as one xlsx and ends it; returns the number of data rows written. The sheet XML is
 * generated chunk by chunk into a deflating zip stream that honours back-pressure, so memory stays flat however
 * many rows there are. (exceljs's WorkbookWriter, used before, assembles the whole zip in memory at commit.)
 */
export async function writeXlsx(out: Writable, sheets: readonly XlsxSheetSource[]): Promise<number> {
  const zip = new yazl.ZipFile();
  const parts = packageParts(
    sheets.map((sheet) => sheet.name),
    sheets.map((sheet) => sheet.columns),
  );
  const finished = pipeline(zip.outputStream, out);
  for (const [name, xml] of Object.entries(parts.files)) zip.addBuffer(Buffer.from(xml, 'utf8'), name);
  let written = 0;
  try {
    for (const [index, source] of sheets.entries()) {
      const sheet = new PassThrough();
      zip.addReadStream(sheet, parts.sheetPaths[index] ?? `xl/worksheets/sheet${index + 1}.xml`);
      const send = async (xml: string) => {
        if (!sheet.write(xml, 'utf8')) await once(sheet, 'drain');
      };
      await send(sheetStart(source.columns));
      const letters = source.columns.map((_, column) => columnLetter(column));
      const styles = source.columns.map((column) => KIND_STYLES[column.kind]);
      const header = source.columns.map((column, i) => cellXml(`${letters[i]}1`, HEADER_STYLE, column.header));
      await send(`<row r="1">${header.join('')}</row>`);
      let rowNumber = 1;
      let chunk = '';
      let inChunk = 0;
      for await (const batch of source.rows) {
        for (const values of batch) {
          rowNumber += 1;
          let cells = '';
          values.forEach((value, i) => {
            const kind = source.columns[i]?.kind ?? 'text';
            cells += cellXml(
              `${letters[i] ?? columnLetter(i)}${rowNumber}`,
              styles[i] ?? 0,
              cellValue(kind, value) as XmlValue,
            );
          });
          chunk += `<row r="${rowNumber}">${cells}</row>`;
          inChunk += 1;
          if (inChunk === ROWS_PER_CHUNK) {
            await send(chunk);
            chunk = '';
            inChunk = 0;
          }
        }
        written += batch.length;
      }
      await send(chunk + sheetEnd(source.columns.length));
      sheet.end();
    }
    zip.end();
  } catch (error) {
    // Stop the download rather than finish a truncated file as if it were whole.
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    await finished.catch(() => undefined);
    throw error;
  }
  await finished;
  return written;
}

/** A small workbook held in memory (a list the API also answers): its sheets' rows given whole. */
export async function xlsxBuffer(
  sheets: readonly { name: string; columns: readonly XlsxColumn[]; rows: readonly (readonly XlsxValue[])[] }[],
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(
    out,
    sheets.map((sheet) => ({
      ...sheet,
      rows: (async function* () {
        yield sheet.rows;
      })(),
    })),
  );
  return Buffer.concat(chunks);
}

/** What cellValue yields for the writer (exceljs's CellValue type is wider than what it returns here). */
type XmlValue = string | number | Date | null;

/** The value exceljs writes: numbers for numeric kinds, Dates for dates, neutralised text otherwise. */
export function cellValue(kind: XlsxColumnKind, value: XlsxValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'text':
      return neutraliseText(String(value));
    case 'integer':
    case 'number':
    case 'money':
    case 'moneyYi':
      return numberOrText(value);
    case 'percent': {
      const number = numberOrText(value);
      return typeof number === 'number' ? number / 100 : number;
    }
    case 'date': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return match
        ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
        : neutraliseText(String(value));
    }
  }
}

/** A decimal string becomes its number (exact for up to 15 significant digits); anything else stays safe text. */
function numberOrText(value: string | number): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : neutraliseText(String(value));
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : neutraliseText(value);
}
