/** Test helpers for bulletins: read a .docx (a zip) back, and the text of its paragraphs. */
import yauzl from 'yauzl';

/** Every entry of a zip file, by name, as UTF-8 text. */
export async function zipEntries(zip: Buffer): Promise<Map<string, string>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entries = new Map<string, string>();
  try {
    for await (const entry of file.eachEntry()) {
      const stream = await file.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    file.close();
  }
  return entries;
}

/** The text of each paragraph (w:p) of a WordprocessingML document, its runs (w:t) joined. */
export function docxParagraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join(''),
  );
}

/** The text of each page of a PDF, as pdf.js extracts it (line breaks inside a paragraph dropped). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  // The legacy build runs on Node 20; the modern one needs Node 22.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await document.destroy();
  return pages;
}
