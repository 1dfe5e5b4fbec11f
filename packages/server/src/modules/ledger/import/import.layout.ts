/**
 * Finding a ledger's header row and reading its columns. Office ledgers start with title rows (“2021年重点项目
 * 推进台账”) and often have a two-row header of merged cells, so the header is the row, or pair of rows, among the
 * first few that names the most known columns; the user may correct what a column was taken for.
 */
import {
  cellText,
  ledgerFieldName,
  message,
  messageText,
  titleYear,
  type HeaderMatch,
  type HeaderPeriod,
  type Locale,
  type LedgerIgnoredColumn,
  type LedgerRowIssue,
} from '@keyprojects/core';
import { XlsxFileError } from '../../../io/xlsx.errors.ts';
import type { GridRow, SheetGrid } from '../../../io/xlsx.reader.ts';
import { MAX_HEADER_ROWS } from '../../../io/xlsx.limits.ts';
import { columnLetter } from '../../../io/xlsx.parts.ts';

/** A recognised, importable column of the sheet. */
export interface SheetColumn<K extends string> {
  /** Zero-based index into a row's cells. */
  index: number;
  letter: string;
  /** The header as the file writes it (both rows of a two-row header), without a required-marker. */
  header: string;
  key: K;
  /** The number in a patterned header (the year of “2025年计划投资”), or the period of a periodic column. */
  param?: number;
  /** True when the user's mapping, not the header, chose the field. */
  corrected?: boolean;
}

/** The sheet's header row(s) and what each of its columns means. */
export interface SheetLayout<K extends string> {
  sheet: string;
  /** The first header row; headerEnd is the last (the same for a one-row header). */
  headerRow: number;
  headerEnd: number;
  /** The year the title rows above the header name (“2021年重点项目台账”). */
  titleYear?: number;
  columns: SheetColumn<K>[];
  ignored: LedgerIgnoredColumn[];
  /** Problems of the header itself (two columns for one field); they block a commit. */
  issues: LedgerRowIssue[];
}

/** What the importer adds to reading a header: the user's corrections and the periods of periodic columns. */
export interface LayoutRules<K extends string> {
  /** The user's corrections: column letter → field name, or 'ignore'. */
  mapping?: Readonly<Record<string, string>>;
  /** A field name of the mapping as key and parameter; null when it names no importable field. */
  parseField?: (field: string) => { key: K; param?: number } | null;
  /** A periodic column's parameter from its header's period and the title's year; a message key when lacking. */
  periodParam?: (key: K, period: HeaderPeriod, titleYear: number | undefined) => number | { problem: string };
}

type Found<K extends string> = { index: number; text: string; match: HeaderMatch<K> };

/** A header with the required-marker (*) the template puts before it removed: errors name columns as people read them. */
export const displayHeader = (text: string): string => text.replace(/^[\s*＊]+/, '').trim();

/** The cell texts of a row by column index. */
function texts(row: GridRow | undefined): Map<number, string> {
  const result = new Map<number, string>();
  row?.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text.ok && text.value !== null && text.value.trim() !== '') result.set(index, displayHeader(text.value));
  });
  return result;
}

/**
 * The headers of one row, or of two rows read together (a merged group over sub-headers: “2021年” over
 * “计划投资” and “1-9月完成投资”). For each column the joined text is tried first, then the lower, then the upper;
 * a sub-header under an empty upper cell joins the nearest group to its left (readers that do not repeat merges).
 */
function headersOf<K extends string>(
  upper: Map<number, string>,
  lower: Map<number, string> | null,
  match: (header: string) => HeaderMatch<K>,
): Found<K>[] {
  const indexes = [...new Set([...upper.keys(), ...(lower?.keys() ?? [])])].sort((a, b) => a - b);
  let group = '';
  return indexes.map((index) => {
    const top = upper.get(index);
    const bottom = lower?.get(index);
    if (top !== undefined) group = top;
    const candidates =
      bottom === undefined || bottom === top
        ? [top ?? '']
        : [`${top ?? group}${bottom}`, bottom, ...(top === undefined ? [] : [top])];
    for (const text of candidates) {
      const found = match(text);
      if (found.kind !== 'unknown') return { index, text, match: found };
    }
    return { index, text: candidates[0] ?? '', match: { kind: 'unknown' } };
  });
}

const known = <K extends string>(headers: Found<K>[]) => headers.filter((h) => h.match.kind === 'column').length;

/**
 * Picks the header row (or two rows) and classifies its columns; refuses a sheet without a recognisable header.
 * Title rows above and the user's mapping corrections are taken into account.
 */
export function locateHeader<K extends string>(
  grid: SheetGrid,
  match: (header: string) => HeaderMatch<K>,
  locale: Locale,
  rules: LayoutRules<K> = {},
): SheetLayout<K> {
  let best: { row: number; end: number; headers: Found<K>[]; known: number } | null = null;
  const rows = grid.rows.slice(0, MAX_HEADER_ROWS + 1);
  const singles = rows.map((row) => headersOf(texts(row), null, match));
  for (const [position, row] of rows.slice(0, MAX_HEADER_ROWS).entries()) {
    const next = rows[position + 1];
    const single = singles[position] ?? [];
    const singleKnown = known(single);
    const options = [{ end: row.number, headers: single, known: singleKnown }];
    // Two rows are read together when that names more columns than the upper row alone and no fewer than the lower,
    // and the upper row is a header (several distinct texts), not a title merged across the sheet.
    const upper = texts(row);
    if (next && next.number === row.number + 1 && new Set(upper.values()).size >= 2) {
      const pair = headersOf(upper, texts(next), match);
      const count = known(pair);
      if (count > singleKnown && count >= known(singles[position + 1] ?? [])) {
        options.push({ end: next.number, headers: pair, known: count });
      }
    }
    for (const option of options) {
      if (option.known >= 2 && (!best || option.known > best.known)) best = { row: row.number, ...option };
    }
  }
  if (!best) throw new XlsxFileError('file.noHeader', { limit: MAX_HEADER_ROWS });
  const chosen: { row: number; end: number; headers: Found<K>[] } = best;

  const above = grid.rows.filter((row) => row.number < chosen.row).flatMap((row) => [...texts(row).values()]);
  const layout: SheetLayout<K> = {
    sheet: grid.name,
    headerRow: chosen.row,
    headerEnd: chosen.end,
    ...optional('titleYear', titleYear(above)),
    columns: [],
    ignored: [],
    issues: [],
  };
  const ignore = (index: number, header: string, reason: LedgerIgnoredColumn['reason'], message: string) =>
    layout.ignored.push({ column: columnLetter(index), header, reason, message });
  const headerIssue = (index: number, header: string, field: string, text: string) =>
    layout.issues.push({ row: chosen.row, column: columnLetter(index), header, field, message: text });

  for (const { index, text, match: matched } of chosen.headers) {
    const letter = columnLetter(index);
    const override = rules.mapping?.[letter];
    let found = matched;
    let corrected = false;
    if (override === 'ignore') {
      ignore(index, text, 'ignored', message('column.ignoredByUser', locale));
      continue;
    }
    if (override !== undefined) {
      const field = rules.parseField?.(override);
      if (!field) {
        headerIssue(index, text, override, message('column.mappingUnknown', locale, { value: override }));
        continue;
      }
      found = { kind: 'column', key: field.key, importable: true, ...optional('param', field.param) };
      corrected = true;
    }
    if (found.kind === 'unknown') ignore(index, text, 'unknown', message('column.unknown', locale));
    if (found.kind !== 'column') continue;
    if (!found.importable) {
      ignore(index, text, 'derived', message('column.derived', locale));
      continue;
    }
    let param = found.param;
    if (param === undefined && found.period && rules.periodParam) {
      const resolved = rules.periodParam(found.key, found.period, layout.titleYear);
      if (typeof resolved !== 'number') {
        const problem = messageText(resolved.problem, locale, { header: text });
        // Listed with the columns left out too, so the preview's mapping shows it and the user can give its period.
        ignore(index, text, 'ignored', problem);
        headerIssue(index, text, found.key, problem);
        continue;
      }
      param = resolved;
    }
    const same = layout.columns.find((column) => column.key === found.key && column.param === param);
    if (same) {
      const duplicate = message('file.duplicateColumn', locale, { header: text, other: same.letter });
      ignore(index, text, 'duplicate', duplicate);
      headerIssue(index, text, found.key, duplicate);
      continue;
    }
    layout.columns.push({
      index,
      letter,
      header: text,
      key: found.key,
      ...optional('param', param),
      ...(corrected ? { corrected } : {}),
    });
  }
  return layout;
}

/** `{ [name]: value }` when the value is defined, else nothing (exactOptionalPropertyTypes). */
function optional<N extends string, V>(name: N, value: V | undefined): { [P in N]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in N]?: V };
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
      field: ledgerFieldName(key, param),
      message: text,
    };
  };
}
