/**
 * The import's xlsx reader: the chosen sheet's cells straight from its XML, without exceljs's workbook model
 * (styles, fonts, fills, every cell an object with its address and style), which cost most of an import's
 * reading time. The import needs only values, formulas (as such), dates, merges and the sheet list, and gets
 * exactly the grid `readGrid(pickSheet(readWorkbook(…)))` gives — xlsx.grid.test.ts compares the two on every
 * fixture — including exceljs's rules: a number under a date format (built-in ids 14–22 and 45–47 or a custom
 * code with y/m/d/h/s/b outside quotes and brackets) is a date at UTC midnight of its serial day; a cell covered
 * by a merge repeats the merge's top-left value; sheets in tab order, found through the workbook's relations.
 * The zip is inspected first (zip.inspect.ts) and the parts come inflated from that one pass.
 */
import type { LedgerCell } from '@keyprojects/core';
import { XlsxFileError } from './xlsx.errors.ts';
import { MAX_COLUMNS, MAX_HEADER_ROWS, MAX_ROWS } from './xlsx.limits.ts';
import type { GridRow, SheetGrid } from './xlsx.reader.ts';
import { attribute, decodeEntities, scanTags } from './xml.scan.ts';
import { inspectXlsx } from './zip.inspect.ts';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** The worksheet parts exceljs loads (it ignores others, e.g. a sheet part named otherwise). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const EMPTY: LedgerCell = { type: 'empty' };
/** Built-in number formats that exceljs reads as dates (its default table filtered by its date rule). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const UNIX_EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;
const DAY_MS = 24 * 3600 * 1000;

interface SheetEntry {
  name: string;
  state: string;
  path: string;
}

/** Inspects the buffer (refusing hostile files) and reads the import's sheet: preferred name first, else the first visible one not skipped. */
export async function readXlsxGrid(
  buffer: Buffer,
  preferred: readonly string[],
  skip: readonly string[],
): Promise<SheetGrid> {
  const { parts } = await inspectXlsx(
    buffer,
    (name) => [WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS, STYLES].includes(name) || WORKSHEET_PART.test(name),
  );
  const text = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const { sheets, date1904 } = readWorkbookPart(text(WORKBOOK), text(WORKBOOK_RELS), parts);
  const named = preferred.map((name) => sheets.find((sheet) => sheet.name.trim() === name)).find(Boolean);
  const sheet = named ?? sheets.find((s) => s.state === 'visible' && !skip.includes(s.name.trim()));
  if (!sheet) throw new XlsxFileError('file.noSheet');
  const context = {
    strings: readSharedStrings(text(SHARED_STRINGS)),
    dateStyles: readDateStyles(text(STYLES)),
    date1904,
  };
  return { name: sheet.name, rows: readSheetRows(text(sheet.path), context) };
}

/** The workbook's sheets that have a worksheet part, in tab order, and its date system. */
function readWorkbookPart(workbook: string, rels: string, parts: Map<string, Buffer>) {
  const targets = new Map<string, string>();
  scanTags(rels, (tag) => {
    if (tag.name !== 'Relationship' || tag.kind === 'close') return;
    const id = attribute(tag.attributes, 'Id');
    const target = attribute(tag.attributes, 'Target');
    if (id && target) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanTags(workbook, (tag) => {
    if (tag.kind === 'close') return;
    if (tag.name === 'workbookPr') date1904 = attribute(tag.attributes, 'date1904') === '1';
    if (tag.name !== 'sheet') return;
    const path = targets.get(attribute(tag.attributes, 'r:id') ?? '');
    if (!path || !WORKSHEET_PART.test(path) || !parts.has(path)) return;
    const name = attribute(tag.attributes, 'name') ?? '';
    sheets.push({ name, state: attribute(tag.attributes, 'state') ?? 'visible', path });
  });
  if (sheets.length === 0) throw new XlsxFileError('file.notXlsx');
  return { sheets, date1904 };
}

/** `_x000D_`-style escapes, which exceljs decodes in shared strings. */
const decodeEscapes = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** The shared strings, rich text runs joined and phonetic guides (`<rPh>`) left out. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let textStart = -1;
  let phonetic = false;
  scanTags(xml, (tag) => {
    if (tag.name === 'si') {
      if (tag.kind === 'open') current = '';
      else strings.push(tag.kind === 'empty' ? '' : decodeEscapes(current));
    } else if (tag.name === 'rPh') {
      phonetic = tag.kind === 'open';
    } else if (tag.name === 't' && !phonetic) {
      if (tag.kind === 'open') textStart = tag.end;
      else if (tag.kind === 'close' && textStart >= 0) current += decodeEntities(xml.slice(textStart, tag.start));
    }
  });
  return strings;
}

/** For each cell format (cellXfs index), whether exceljs reads its numbers as dates. */
function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  scanTags(xml, (tag) => {
    if (tag.name === 'numFmt' && tag.kind !== 'close') {
      custom.set(Number(attribute(tag.attributes, 'numFmtId')), attribute(tag.attributes, 'formatCode') ?? '');
    } else if (tag.name === 'cellXfs') {
      inCellXfs = tag.kind === 'open';
    } else if (tag.name === 'xf' && inCellXfs && tag.kind !== 'close') {
      const id = Number(attribute(tag.attributes, 'numFmtId') ?? 0);
      const code = custom.get(id);
      dates.push(id !== 0 && (code !== undefined ? isDateCode(code) : BUILT_IN_DATE_FORMATS.has(id)));
    }
  });
  return dates;
}

/** exceljs's test of a format code: date or time letters outside [..] and "..". */
const isDateCode = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

interface CellContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** Column number (1-based) of a reference such as "AB12". */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/**
 * The sheet's rows that hold a value (as exceljs's eachRow/eachCell see them), merges applied. A cell is kept
 * when it has a value or a formula, or is covered by a merge (then with the merge's top-left value).
 */
function readSheetRows(xml: string, context: CellContext): GridRow[] {
  const rows = new Map<number, Map<number, LedgerCell>>();
  const merges: string[] = [];
  let row: Map<number, LedgerCell> | null = null;
  let rowNumber = 0;
  let column = 0;
  let cell = { type: '', style: 0, formula: false, value: null as string | null, inline: '' };
  let textStart = -1;
  scanTags(xml, (tag) => {
    switch (tag.name) {
      case 'row':
        if (tag.kind === 'close') return;
        rowNumber = Number(attribute(tag.attributes, 'r') ?? rowNumber + 1);
        column = 0;
        row = rows.get(rowNumber) ?? new Map<number, LedgerCell>();
        rows.set(rowNumber, row);
        return;
      case 'c': {
        if (tag.kind === 'close') {
          const value = toCell(cell, context);
          if (value && row) row.set(column, value);
          return;
        }
        const reference = attribute(tag.attributes, 'r');
        column = reference ? columnOf(reference) : column + 1;
        const type = attribute(tag.attributes, 't') ?? '';
        cell = { type, style: Number(attribute(tag.attributes, 's') ?? 0), formula: false, value: null, inline: '' };
        return;
      }
      case 'f':
        if (tag.kind !== 'close') cell.formula = true;
        return;
      case 'v':
      case 't':
        if (tag.kind === 'open') textStart = tag.end;
        else if (tag.kind === 'close' && textStart >= 0) {
          const text = decodeEntities(xml.slice(textStart, tag.start));
          if (tag.name === 'v') cell.value = (cell.value ?? '') + text;
          else cell.inline += text;
          textStart = -1;
        }
        return;
      case 'is':
        if (tag.kind === 'close' || tag.kind === 'empty') cell.value = cell.inline;
        return;
      case 'mergeCell': {
        const ref = attribute(tag.attributes, 'ref');
        if (ref && tag.kind !== 'close') merges.push(ref);
        return;
      }
    }
  });
  applyMerges(rows, merges);
  return toGridRows(rows);
}

/** A cell's value as the LedgerCell exceljs would give (it ignores a cell's format 0 even when it is a date); null for a cell exceljs leaves out (no value). */
function toCell(
  cell: { type: string; style: number; formula: boolean; value: string | null },
  context: CellContext,
): LedgerCell | null {
  if (cell.formula) return { type: 'formula' };
  const { value } = cell;
  if (value === null) return null;
  switch (cell.type) {
    case 's':
      return { type: 'text', text: context.strings[parseInt(value, 10)] ?? '' };
    case 'str':
    case 'inlineStr':
      return { type: 'text', text: value };
    case 'b':
      return { type: 'boolean', value: parseInt(value, 10) !== 0 };
    case 'e':
      return { type: 'error', text: value };
    default: {
      const number = parseFloat(value);
      if (cell.style === 0 || !context.dateStyles[cell.style]) return { type: 'number', value: number };
      const offset = context.date1904 ? DATE_1904_OFFSET : 0;
      return { type: 'date', date: new Date(Math.round((number - UNIX_EPOCH_SERIAL + offset) * DAY_MS)) };
    }
  }
}

/** Every cell a merge covers but its top-left takes the top-left's value (empty when it has none). */
function applyMerges(rows: Map<number, Map<number, LedgerCell>>, merges: string[]) {
  for (const ref of merges) {
    const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!match) continue;
    const [top, left] = [Number(match[2]), columnOf(match[1] ?? '')];
    const [bottom, right] = [Number(match[4] ?? top), columnOf(match[3] ?? match[1] ?? '')];
    if ((bottom - top + 1) * (right - left + 1) > (MAX_ROWS + MAX_HEADER_ROWS) * MAX_COLUMNS) {
      throw new XlsxFileError('file.tooManyRows', { limit: MAX_ROWS });
    }
    const master = rows.get(top)?.get(left) ?? EMPTY;
    for (let r = top; r <= bottom; r += 1) {
      let cells = rows.get(r);
      if (!cells) rows.set(r, (cells = new Map<number, LedgerCell>()));
      for (let c = left; c <= right; c += 1) if (r !== top || c !== left) cells.set(c, master);
    }
  }
}

/** Rows in order, each cell from column A with EMPTY where none was; the limits as readGrid checks them. */
function toGridRows(rows: Map<number, Map<number, LedgerCell>>): GridRow[] {
  const grid: GridRow[] = [];
  for (const number of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(number);
    if (!cells || cells.size === 0) continue;
    if (grid.length >= MAX_ROWS + MAX_HEADER_ROWS) throw new XlsxFileError('file.tooManyRows', { limit: MAX_ROWS });
    const columns = [...cells.keys()].sort((a, b) => a - b);
    const last = columns[columns.length - 1] ?? 0;
    if (last > MAX_COLUMNS) throw new XlsxFileError('file.tooManyColumns', { limit: MAX_COLUMNS });
    const row: LedgerCell[] = [];
    for (let c = 1; c <= last; c += 1) row.push(cells.get(c) ?? EMPTY);
    grid.push({ number, cells: row });
  }
  return grid;
}
