/**
 * The worker thread that lays out one bulletin PDF (bulletin.pdf-runner.ts starts it), so that layout never holds
 * the server's event loop. It answers one message: the file's bytes, or whether the fonts were missing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BulletinDocument } from './bulletin.docx.ts';
import { bulletinPdf } from './bulletin.pdf.ts';

/** What the runner hands the worker. */
export interface PdfJob {
  bulletin: BulletinDocument;
  fontDir: string;
}

/** The worker's one answer. */
export type PdfAnswer = { ok: true; pdf: Uint8Array } | { ok: false; unavailable: boolean; message: string };

const job = workerData as PdfJob;
bulletinPdf(job.bulletin, job.fontDir).then(
  (pdf) => {
    const bytes = new Uint8Array(pdf);
    parentPort?.postMessage({ ok: true, pdf: bytes } satisfies PdfAnswer, [bytes.buffer]);
  },
  (error: unknown) => {
    const unavailable = error instanceof Error && error.message === 'bulletin.pdfUnavailable';
    parentPort?.postMessage({ ok: false, unavailable, message: String(error) } satisfies PdfAnswer);
  },
);
