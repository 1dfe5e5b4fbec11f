import { sql, type RawBuilder } from 'kysely';

/** LIKE/ILIKE patterns from user text: the wildcards `%` and `_` (and the escape `\`) match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` contains `text`, ignoring case, written as lower(column) LIKE lower(pattern): the form the trigram
 * indexes on lower(column) serve (migration 2026121331_trigram_lower, which says why they are not on the column).
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(text.toLowerCase())}`;
}
