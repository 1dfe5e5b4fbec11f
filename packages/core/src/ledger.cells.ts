/**
 * Ledger cells as plain data and their conversion into the API's value forms: text, amounts in fen,
 * 'YYYY-MM-DD' dates, booleans and codes from labels. Pure: the server's xlsx reader turns exceljs cells
 * into `LedgerCell`s and the rules here decide what each may mean. Also the defence against formula
 * injection used by every export.
 */
import type { Codelist } from './codelists.ts';
import type { LedgerProblem } from './ledger.messages.ts';
import { parseWan, type Fen } from './money.ts';
import { hasForbiddenCharacters } from './text.ts';

/** One cell as read from a sheet. */
export type LedgerCell =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  | { type: 'date'; date: Date }
  | { type: 'boolean'; value: boolean }
  | { type: 'formula' }
  | { type: 'error'; text: string };

/** A converted cell value (null for an empty cell) or the problem that stopped the conversion. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; problem: LedgerProblem };

const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
const fail = <T>(key: string, params?: LedgerProblem['params']): CellResult<T> => ({
  ok: false,
  problem: params ? { key, params } : { key },
});

/** Characters that make spreadsheet programs read text as a formula (CWE-1236). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Text safe to put in a cell: a leading = + - @ tab or CR gets a ' in front so it can never run as a formula. */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseText, so an exported ledger imports back unchanged. */
export function restoreNeutralisedText(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

/** Ledgers repeat the same few labels thousands of times; NFKC is worth remembering (bounded, pure). */
const normalised = new Map<string, string>();
const NORMALISED_CACHE_LIMIT = 20_000;

/** Header and label comparison ignores width (（）＋ vs ()+), spacing, case, required-markers and a trailing colon. */
export function normaliseHeader(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const result = text
    .normalize('NFKC')
    .replace(/[\s*]+/g, '')
    .replace(/:$/, '')
    .toLowerCase();
  if (normalised.size >= NORMALISED_CACHE_LIMIT) normalised.clear();
  normalised.set(text, result);
  return result;
}

/** Labels compare the same way as headers. */
export const normaliseLabel = normaliseHeader;

/**
 * A number as Excel shows it: 15 significant digits, so binary noise such as 1234.5600000000002 reads as
 * 1234.56; null for infinities and values that need exponent notation (never money or a code).
 */
export function excelNumberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const plain = String(value);
  // Short values (almost all) already read as Excel shows them.
  const text = plain.length <= 15 ? plain : String(Number(value.toPrecision(15)));
  return /e/i.test(text) ? null : text;
}

/** The UTC calendar date of a Date (exceljs reads Excel date serials as UTC midnight). */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function unreadable<T>(cell: LedgerCell): CellResult<T> | null {
  if (cell.type === 'formula') return fail('cell.formula');
  if (cell.type === 'error') return fail('cell.error', { value: cell.text });
  return null;
}

/** Any cell as trimmed text; empty text is an empty cell. */
export function cellText(cell: LedgerCell): CellResult<string> {
  switch (cell.type) {
    case 'empty':
      return ok<string>(null);
    case 'text': {
      // OOXML's _xHHHH_ escapes let a file carry any code unit; refuse the ones no text field may hold.
      if (hasForbiddenCharacters(cell.text)) return fail('cell.forbiddenCharacters');
      const text = restoreNeutralisedText(cell.text.trim());
      return ok(text === '' ? null : text);
    }
    case 'number': {
      const text = excelNumberText(cell.value);
      return text === null ? fail('cell.number', { value: String(cell.value) }) : ok(text);
    }
    case 'date':
      return ok(isoDateOf(cell.date));
    case 'boolean':
      return ok(cell.value ? '是' : '否');
    case 'formula':
      return fail('cell.formula');
    case 'error':
      return fail('cell.error', { value: cell.text });
  }
}

/** Thousands separators as Excel's text form writes them: 1,234,567.89. */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A money cell (a number, or text in 万元 with optional grouping) as exact fen; a cell that is no amount is refused
 * with 'money.invalid'. The sign and the bound are judged by the API's moneyWan schema, which takes the fen as is.
 */
export function cellMoney(cell: LedgerCell): CellResult<Fen> {
  const text = cellText(cell);
  if (!text.ok) return text;
  if (text.value === null) return ok<Fen>(null);
  const compact = text.value.replace(/\s/g, '');
  const fen = parseWan(GROUPED.test(compact) ? compact.replace(/,/g, '') : compact);
  return fen === null ? fail('money.invalid') : ok(fen);
}

const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_TEXT = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** A date cell: a real Excel date, or text as YYYY-MM-DD or YYYY/M/D; anything else is refused with the value. */
export function cellDate(cell: LedgerCell): CellResult<string> {
  const refused = unreadable<string>(cell);
  if (refused) return refused;
  if (cell.type === 'empty') return ok<string>(null);
  if (cell.type === 'date') return ok(isoDateOf(cell.date));
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text;
  const match = ISO_TEXT.exec(text.value) ?? SLASH_TEXT.exec(text.value);
  if (!match) return fail('cell.date', { value: text.value });
  const [, year = '', month = '', day = ''] = match;
  // The calendar itself (no 2 月 30 日) is checked by the API's isoDate schema.
  return ok(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

/** A plain number (coordinates): a number cell or text made of digits. */
export function cellNumber(cell: LedgerCell): CellResult<number> {
  const refused = unreadable<number>(cell);
  if (refused) return refused;
  if (cell.type === 'empty') return ok<number>(null);
  if (cell.type === 'number') return ok(cell.value);
  const text = cellText(cell);
  if (!text.ok || text.value === null) return fail('cell.number', { value: '' });
  return /^-?\d+(\.\d+)?$/.test(text.value) ? ok(Number(text.value)) : fail('cell.number', { value: text.value });
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '已入统', '已入库', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '未入统', '未入库', '×']);

/** A yes/no cell: 是/否 (and the usual spellings), TRUE/FALSE, 1/0. */
export function cellBoolean(cell: LedgerCell): CellResult<boolean> {
  if (cell.type === 'boolean') return ok(cell.value);
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text.ok ? ok<boolean>(null) : text;
  const key = normaliseLabel(text.value);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail('cell.boolean', { value: text.value });
}

/** A closed list of choices: normalised label (Chinese, English, code or alias) → code, and the labels to offer. */
export interface ChoiceList<K extends string = string> {
  byLabel: ReadonlyMap<string, K>;
  options: readonly string[];
}

/** Builds a ChoiceList from a codelist and extra spellings met in real ledgers. */
export function choiceList<K extends string>(
  codelist: Codelist<K>,
  aliases: Partial<Record<K, readonly string[]>> = {},
): ChoiceList<K> {
  const byLabel = new Map<string, K>();
  const entries = Object.entries(codelist) as [K, { zh: string; en: string }][];
  for (const [code, label] of entries) {
    for (const spelling of [code, label.zh, label.en, ...(aliases[code] ?? [])]) {
      byLabel.set(normaliseLabel(spelling), code);
    }
  }
  return { byLabel, options: entries.map(([, label]) => label.zh) };
}

/** One choice from a list. */
export function cellChoice<K extends string>(cell: LedgerCell, list: ChoiceList<K>): CellResult<K> {
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text.ok ? ok<K>(null) : text;
  return choose(text.value, list);
}

function choose<K extends string>(value: string, list: ChoiceList<K>): CellResult<K> {
  const code = list.byLabel.get(normaliseLabel(value));
  return code === undefined ? fail('cell.choice', { value, options: list.options.join('、') }) : ok(code);
}

/** Separators of several values in one cell: 、 , ; / | and line breaks, in either width. */
const LIST_SEPARATOR = /[、,，;；/|\n]+/;

/** Several values in one cell, trimmed, empties dropped. */
export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Several choices from a list in one cell (e.g. 省重点、市重点). */
export function cellChoices<K extends string>(cell: LedgerCell, list: ChoiceList<K>): CellResult<K[]> {
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text.ok ? ok<K[]>(null) : text;
  const codes: K[] = [];
  for (const part of splitList(text.value)) {
    const chosen = choose(part, list);
    if (!chosen.ok) return chosen;
    if (chosen.value !== null) codes.push(chosen.value);
  }
  return ok(codes);
}

/** A free list in one cell (tags). */
export function cellList(cell: LedgerCell): CellResult<string[]> {
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text.ok ? ok<string[]>(null) : text;
  return ok(splitList(text.value));
}

/** True when every cell of a row is empty (rows Excel keeps only for their formatting). */
export function isBlankRow(cells: Iterable<LedgerCell>): boolean {
  for (const cell of cells) {
    if (cell.type === 'text' ? cell.text.trim() !== '' : cell.type !== 'empty') return false;
  }
  return true;
}

const SUMMARY_LABELS = new Set(['合计', '总计', '小计', '合计:', 'total', 'subtotal']);

/** True when a cell reads like the label of a totals row (合计/总计/小计). */
export function isSummaryLabel(cell: LedgerCell): boolean {
  return cell.type === 'text' && SUMMARY_LABELS.has(normaliseLabel(cell.text));
}

/** How notes, signatures and group titles of office ledgers begin (注：…, 填表人：…, 一、产业项目). */
const NOTE_START =
  /^(注|说明|备注|附注|填表|填报|制表|审核|审批|负责人|单位负责人|联系人|联系电话|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|其中)/;

/**
 * True when a row without a key reads as a note, a signature or a group title: a single text cell, or a first
 * text that begins like one (the import skips such rows instead of calling them rows without a project code).
 */
export function isNoteRow(cells: readonly LedgerCell[]): boolean {
  const filled = cells.filter((cell) => cell.type !== 'empty' && !(cell.type === 'text' && cell.text.trim() === ''));
  const first = filled[0];
  if (!first || first.type !== 'text') return false;
  return filled.length === 1 || NOTE_START.test(first.text.trim());
}
