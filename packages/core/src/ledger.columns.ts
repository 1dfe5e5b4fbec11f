/**
 * A ledger (台账) as columns: headers with the synonyms real ledgers use, how each cell is read, widths and
 * the notes of the instructions sheet, and the matcher that recognises a sheet's header row. The project
 * ledger (ledger.project.ts) is the first ledger; monthly reports will be the next.
 */
import type { Label } from './codelists.ts';
import { normaliseHeader, type ChoiceList } from './ledger.cells.ts';

/** How a column's cells are read. `reference` cells name a database row (owner, region, stage, officer). */
export type LedgerColumnKind =
  'text' | 'money' | 'number' | 'date' | 'boolean' | 'choice' | 'choices' | 'list' | 'reference';

/** One column of a ledger. */
export interface LedgerColumnDef<K extends string = string> {
  key: K;
  header: Label;
  /** Other headers meaning the same column (compared after normaliseHeader). */
  synonyms: readonly string[];
  kind: LedgerColumnKind;
  choices?: ChoiceList;
  /** Must be filled on a row that creates a record. */
  required: boolean;
  /** False for columns exports add for reading only (亿元 totals): recognised on import, then ignored. */
  importable: boolean;
  /** Width in characters in templates and exports. */
  width: number;
  /** What to write, for the instructions sheet. */
  note: Label;
}

/** A column recognised by a pattern, e.g. “2025年计划投资（万元）”, carrying a numeric parameter (the year). */
export interface LedgerPatternColumn<K extends string = string> extends Omit<LedgerColumnDef<K>, 'synonyms'> {
  pattern: RegExp;
  headerFor: (param: number) => string;
}

/** A year and month read from a header (either may be absent). */
export interface HeaderPeriod {
  year?: number;
  month?: number;
}

/**
 * What a header names: a column (with its pattern parameter, or for a periodic column the period read from the
 * header, which the import completes from the title and the chosen period), a column kept for people only, or
 * nothing known.
 */
export type HeaderMatch<K extends string> =
  | { kind: 'column'; key: K; param?: number; period?: HeaderPeriod; importable: boolean }
  | { kind: 'ignored' }
  | { kind: 'unknown' };

/** Builds the header matcher of a ledger: exact (normalised) headers, synonyms, patterns, then ignored headers. */
export function headerMatcher<K extends string>(
  columns: readonly LedgerColumnDef<K>[],
  patterns: readonly LedgerPatternColumn<K>[] = [],
  ignored: readonly string[] = [],
): (header: string) => HeaderMatch<K> {
  const byHeader = new Map<string, LedgerColumnDef<K>>();
  for (const column of columns) {
    for (const text of [column.header.zh, column.header.en, ...column.synonyms]) {
      byHeader.set(normaliseHeader(text), column);
    }
  }
  const ignoredSet = new Set(ignored.map(normaliseHeader));
  return (header) => {
    const normalised = normaliseHeader(header);
    const column = byHeader.get(normalised);
    if (column) return { kind: 'column', key: column.key, importable: column.importable };
    for (const pattern of patterns) {
      const match = pattern.pattern.exec(normalised);
      if (match?.[1])
        return { kind: 'column', key: pattern.key, param: Number(match[1]), importable: pattern.importable };
    }
    return ignoredSet.has(normalised) ? { kind: 'ignored' } : { kind: 'unknown' };
  };
}

/** The sheets every ledger template carries besides its data sheet. */
export const LEDGER_INSTRUCTIONS_SHEET = '说明';
/** The hidden sheet of dropdown lists. */
export const LEDGER_LISTS_SHEET = '代码表';
