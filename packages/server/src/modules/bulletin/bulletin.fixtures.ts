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
