/**
 * Finding a ledger's header row and reading its columns. Real ledgers often start with a title row (“2025年
 * 重点项目台账”), so the header is the row among the first few that names the most known columns.
 */
import {
  cellText,
  message,
  type HeaderMatch,
  type Locale,
  type LedgerIgnoredColumn,
  type LedgerRowIssue,
} from '@keyprojects/core';
import { XlsxFileError } from '../../../io/xlsx.errors.ts';
import type { SheetGrid } from '../../../io/xlsx.reader.ts';
import { MAX_HEADER_ROWS } from '../../../io/xlsx.limits.ts';
import { columnLetter } from '../../../io/xlsx.parts.ts';

/** A recognised, importable column of the sheet. */
export interface SheetColumn<K extends string> {
  /** Zero-based index into a row's cells. */
  index: number;
  letter: string;
  header: string;
  key: K;
  /** The number in a patterned header (the year of “2025年计划投资”). */
  param?: number;
}

/** The sheet's header row and what each of its columns means. */
export interface SheetLayout<K extends string> {
  sheet: string;
  headerRow: number;
  columns: SheetColumn<K>[];
  ignored: LedgerIgnoredColumn[];
  /** Problems of the header itself (two columns for one field); they block a commit. */
  issues: LedgerRowIssue[];
}

/** Picks the header row and classifies its columns; refuses a sheet without a recognisable header. */
export function locateHeader<K extends string>(
  grid: SheetGrid,
  match: (header: string) => HeaderMatch<K>,
  locale: Locale,
): SheetLayout<K> {
  let best: { row: number; headers: { index: number; text: string; match: HeaderMatch<K> }[]; known: number } | null =
    null;
  for (const row of grid.rows.slice(0, MAX_HEADER_ROWS)) {
    const headers = row.cells.flatMap((cell, index) => {
      const text = cellText(cell);
      return text.ok && text.value !== null ? [{ index, text: text.value, match: match(text.value) }] : [];
    });
    const known = headers.filter((header) => header.match.kind === 'column').length;
    if (known >= 2 && (!best || known > best.known)) best = { row: row.number, headers, known };
  }
  if (!best) throw new XlsxFileError('file.noHeader', { limit: MAX_HEADER_ROWS });

  const layout: SheetLayout<K> = { sheet: grid.name, headerRow: best.row, columns: [], ignored: [], issues: [] };
  const ignore = (index: number, header: string, reason: LedgerIgnoredColumn['reason'], message: string) =>
    layout.ignored.push({ column: columnLetter(index), header, reason, message });
  for (const { index, text, match: found } of best.headers) {
    if (found.kind === 'unknown') ignore(index, text, 'unknown', message('column.unknown', locale));
    if (found.kind !== 'column') continue;
    if (!found.importable) {
      ignore(index, text, 'derived', message('column.derived', locale));
      continue;
    }
    const same = layout.columns.find((column) => column.key === found.key && column.param === found.param);
    if (same) {
      const duplicate = message('file.duplicateColumn', locale, { header: text, other: same.letter });
      ignore(index, text, 'duplicate', duplicate);
      layout.issues.push({
        row: best.row,
        column: columnLetter(index),
        header: text,
        field: found.key,
        message: duplicate,
      });
      continue;
    }
    layout.columns.push({
      index,
      letter: columnLetter(index),
      header: text,
      key: found.key,
      ...(found.param === undefined ? {} : { param: found.param }),
    });
  }
  return layout;
}

/** Makes a row's issue at a column: the sheet's own letter and header, or (column absent) the standard header. */
export type IssueAt<K extends string> = (row: number, key: K, text: string, param?: number) => LedgerRowIssue;

/**
 * The one way a row's problem points at its column, for every kind of ledger: the column of the key (and of the
 * year, for a patterned header) in this sheet, else `standardHeader` names the column the sheet lacks.
 */
export function issueAt<K extends string>(
  layout: SheetLayout<K>,
  standardHeader: (key: K, param?: number) => string,
): IssueAt<K> {
  return (row, key, text, param) => {
    const column = layout.columns.find((c) => c.key === key && c.param === param);
    return {
      row,
      column: column?.letter ?? null,
      header: column?.header ?? standardHeader(key, param),
      field: param === undefined ? key : `${key}.${param}`,
      message: text,
    };
  };
}
