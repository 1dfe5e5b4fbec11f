/**
 * A minimal pull scanner for the XML parts of an xlsx (workbook, styles, shared strings, worksheets), which are
 * machine-written, well-formed and small in vocabulary. It walks tags with `indexOf` instead of building
 * events for every character as a general SAX parser does: the import only needs a few elements' attributes
 * and text. Comments, processing instructions and declarations are skipped; CDATA does not occur in these parts.
 */

/** What `scanTags` reports for each tag. */
export interface ScannedTag {
  /** The local name as written, prefix included (`row`, `c`, `x:row`). */
  name: string;
  /** The raw attribute text of an opening tag ('' for a closing one). */
  attributes: string;
  kind: 'open' | 'close' | 'empty';
  /** Where the tag starts (its '<'). */
  start: number;
  /** Just after the tag's '>': where the element's text starts. */
  end: number;
}

/** Calls `visit` for every element tag of `xml` in document order. The tag object is reused between calls. */
export function scanTags(xml: string, visit: (tag: ScannedTag) => void): void {
  const tag: ScannedTag = { name: '', attributes: '', kind: 'open', start: 0, end: 0 };
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const close = next === 0x21 && xml.startsWith('<!--', at) ? xml.indexOf('-->', at) + 2 : xml.indexOf('>', at);
      if (close < 1) return;
      at = xml.indexOf('<', close);
      continue;
    }
    const gt = tagEnd(xml, at);
    if (gt === -1) return;
    tag.start = at;
    tag.end = gt + 1;
    if (next === 0x2f /* / */) {
      tag.kind = 'close';
      tag.name = xml.slice(at + 2, gt).trim();
      tag.attributes = '';
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const last = selfClosing ? gt - 1 : gt;
      let nameEnd = at + 1;
      while (nameEnd < last && xml.charCodeAt(nameEnd) > 0x20) nameEnd += 1;
      tag.kind = selfClosing ? 'empty' : 'open';
      tag.name = xml.slice(at + 1, nameEnd);
      tag.attributes = nameEnd < last ? xml.slice(nameEnd, last) : '';
    }
    visit(tag);
    at = xml.indexOf('<', gt);
  }
}

/** The '>' that ends the tag starting at `at`, skipping any inside quoted attribute values (`formatCode="[>=1]0"`). */
function tagEnd(xml: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < xml.length; i += 1) {
    const code = xml.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return i;
    }
  }
  return -1;
}

const attributePatterns = new Map<string, RegExp>();

/** One attribute's decoded value from a tag's attribute text, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  if (attributes === '') return undefined;
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? '');
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: line ends normalised to LF, then character and the five predefined entity references replaced. */
export function decodeEntities(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_all, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED[named] ?? '';
    return String.fromCodePoint(parseInt(hex ?? decimal ?? '0', hex ? 16 : 10));
  });
}
