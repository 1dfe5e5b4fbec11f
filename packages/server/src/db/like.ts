/** LIKE/ILIKE patterns from user text: the wildcards `%` and `_` (and the escape `\`) match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
