/**
 * Whether this machine has the CJK fonts PDF bulletins need (Noto Serif CJK in PDF_FONT_DIR). They come from a
 * system package (Debian's fonts-noto-cjk), not from npm, so `npm install && npm test` on a bare machine runs
 * without them: the tests that render a PDF are skipped then, and the reason is printed once, so a skip is seen.
 */
import { loadConfig } from '../src/config.ts';
import { missingPdfFonts } from '../src/modules/bulletin/bulletin.pdf.ts';

/** Where the PDF fonts are looked for (PDF_FONT_DIR, or its default). */
export const PDF_FONT_DIR = loadConfig().pdfFontDir;
const missing = missingPdfFonts(PDF_FONT_DIR);
/** True when PDFs cannot be rendered here; use with `it.skipIf(pdfFontsMissing)`. */
export const pdfFontsMissing = missing.length > 0;
if (pdfFontsMissing) {
  console.warn(
    `PDF tests SKIPPED: ${missing.join(', ')} not found in ${PDF_FONT_DIR}. ` +
      'Install the fonts (Debian: apt-get install fonts-noto-cjk) or point PDF_FONT_DIR at them to run them.',
  );
}
