/**
 * Templates with named placeholders ({{截至日期}}) as the bulletin (通报) and the daily and weekly notices
 * (日通报、周调度) write them: each non-blank line a paragraph, each placeholder a Chinese name between double
 * braces. One parser and one filler for every kind of template; each kind brings its own placeholder list.
 */

/** A piece of a template line: literal text or a known placeholder (by its English key). */
export type TemplateSegment<Key extends string> = { kind: 'text'; text: string } | { kind: 'placeholder'; key: Key };

/** Why a template cannot be used. */
export type TemplateIssue =
  | { kind: 'empty' }
  | { kind: 'tooLong'; limit: number }
  | { kind: 'unknownPlaceholders'; names: string[] }
  | { kind: 'unbalancedBraces'; near: string };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/**
 * Splits a template into its paragraphs' segments, or says what is wrong with it (every unknown name at once).
 * `keyOf` maps a placeholder's Chinese name to its key, undefined for a name the kind does not know.
 */
export function parsePlaceholderTemplate<Key extends string>(
  body: string,
  keyOf: (name: string) => Key | undefined,
  maxLength: number,
): { ok: true; paragraphs: TemplateSegment<Key>[][] } | { ok: false; issue: TemplateIssue } {
  if (body.length > maxLength) return { ok: false, issue: { kind: 'tooLong', limit: maxLength } };
  const lines = body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { ok: false, issue: { kind: 'empty' } };
  const unknown: string[] = [];
  const paragraphs: TemplateSegment<Key>[][] = [];
  for (const line of lines) {
    const segments: TemplateSegment<Key>[] = [];
    let last = 0;
    for (const match of line.matchAll(PLACEHOLDER)) {
      const text = line.slice(last, match.index);
      const stray = strayBrace(text);
      if (stray !== null) return { ok: false, issue: { kind: 'unbalancedBraces', near: near(line, last + stray) } };
      if (text) segments.push({ kind: 'text', text });
      const name = (match[1] ?? '').trim();
      const key = keyOf(name);
      if (key !== undefined) segments.push({ kind: 'placeholder', key });
      else if (!unknown.includes(name)) unknown.push(name);
      last = match.index + match[0].length;
    }
    const rest = line.slice(last);
    const stray = strayBrace(rest);
    if (stray !== null) return { ok: false, issue: { kind: 'unbalancedBraces', near: near(line, last + stray) } };
    if (rest) segments.push({ kind: 'text', text: rest });
    paragraphs.push(segments);
  }
  if (unknown.length > 0) return { ok: false, issue: { kind: 'unknownPlaceholders', names: unknown } };
  return { ok: true, paragraphs };
}

/** Where a '{{' or '}}' outside a placeholder starts in the text, or null (single braces are ordinary text). */
function strayBrace(text: string): number | null {
  const open = text.indexOf('{{');
  const close = text.indexOf('}}');
  const found = [open, close].filter((i) => i >= 0);
  return found.length ? Math.min(...found) : null;
}

function near(line: string, index: number): string {
  return line.slice(Math.max(0, index - 6), index + 10);
}

/**
 * Fills the parsed paragraphs with the placeholders' values. A paragraph in which an optional placeholder renders
 * empty is left out, so that no sentence is left half-written.
 */
export function fillPlaceholderTemplate<Key extends string>(
  paragraphs: readonly (readonly TemplateSegment<Key>[])[],
  values: Readonly<Record<Key, string>>,
  optional: ReadonlySet<string>,
): string[] {
  const written: string[] = [];
  for (const segments of paragraphs) {
    const parts = segments.map((s) => (s.kind === 'text' ? s.text : values[s.key]));
    const missing = segments.some((s) => s.kind === 'placeholder' && optional.has(s.key) && values[s.key] === '');
    const paragraph = parts.join('').trim();
    if (!missing && paragraph !== '') written.push(paragraph);
  }
  return written;
}
