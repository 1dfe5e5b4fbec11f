/**
 * A bulletin as PDF, laid out like its .docx (GB/T 9704: A4, title 二号 bold, date line and body 三号, body with a
 * two-character first-line indent on a fixed 28-point line, page number centred in the footer). pdfkit embeds a
 * subset of the machine's Noto CJK fonts (Debian's fonts-noto-cjk, which the browser tests need anyway), so the
 * file reads the same everywhere; without those fonts the PDF is unavailable and the API says so.
 */
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { AppError } from '../../errors.ts';
import type { BulletinDocument } from './bulletin.docx.ts';

/** The MIME type of a PDF file. */
export const PDF_MIME = 'application/pdf';

/** Serif faces stand in for 宋体/仿宋; Debian ships them as TrueType collections, chosen by PostScript name. */
const FONTS = {
  body: { file: 'NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  title: { file: 'NotoSerifCJK-Bold.ttc', name: 'NotoSerifCJKsc-Bold' },
} as const;

const MM = 72 / 25.4;
/** GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const SIZE_TITLE = 22;
const SIZE_BODY = 16;
/** The body's fixed line pitch; pdfkit adds `lineGap` to the font's own line height to reach it. */
const LINE = 28;

/** 24 characters with no break opportunity between them (not spaces, not CJK, which breaks anywhere). */
const UNBROKEN_RUN = /[^\s\u00ad\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]{24}/g;

/**
 * The text with a soft hyphen (U+00AD) after every 24 characters of an unbroken run. pdfkit lays out a word
 * wider than the line by trying ever shorter pieces, which on a word of thousands of characters takes minutes;
 * with break opportunities every line is found at once. pdfkit prints a soft hyphen only where it breaks the line
 * there. (The CJK fonts have no glyph for U+200B, so a zero-width space would print as a box.)
 */
export function breakLongWords(text: string): string {
  return text.replace(UNBROKEN_RUN, (run) => `${run}\u00ad`);
}

/** The font files a PDF needs that `dir` lacks (empty: PDFs can be made); tests that render PDFs skip on it. */
export function missingPdfFonts(dir: string): string[] {
  return Object.values(FONTS)
    .map((font) => font.file)
    .filter((file) => !existsSync(path.join(dir, file)));
}

/** Thrown when the fonts are missing: a 503 naming what to install. */
export function pdfUnavailable(): AppError {
  return new AppError(503, 'bulletin.pdfUnavailable', 'bulletin.pdfUnavailable');
}

async function fontPath(dir: string, file: string): Promise<string> {
  const full = path.join(dir, file);
  try {
    await access(full);
  } catch {
    throw pdfUnavailable();
  }
  return full;
}

/** Writes the bulletin as a PDF file in memory, with the CJK fonts found in `fontDir`. */
export async function bulletinPdf(bulletin: BulletinDocument, fontDir: string): Promise<Buffer> {
  const [body, title] = await Promise.all([fontPath(fontDir, FONTS.body.file), fontPath(fontDir, FONTS.title.file)]);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: bulletin.title, Subject: bulletin.dateLine, Creator: 'KeyProjects' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('body', body, FONTS.body.name);
  doc.registerFont('title', title, FONTS.title.name);

  const width = doc.page.width - MARGINS.left - MARGINS.right;
  doc.font('title').fontSize(SIZE_TITLE).text(bulletin.title, { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('body').fontSize(SIZE_BODY);
  const lineGap = LINE - doc.currentLineHeight(false);
  doc.text(bulletin.dateLine, { align: 'center', width, lineGap });
  doc.moveDown(1);
  for (const paragraph of bulletin.paragraphs) {
    doc.text(breakLongWords(paragraph), { align: 'justify', width, lineGap, indent: SIZE_BODY * 2 });
  }

  // Page numbers last, once the number of pages is known; the footer sits inside the bottom margin.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(14)
      .text(`— ${index + 1} —`, MARGINS.left, doc.page.height - bottom + 20 * MM - 14, {
        align: 'center',
        width,
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
