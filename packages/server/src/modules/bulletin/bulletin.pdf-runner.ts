/**
 * Bulletin PDFs laid out off the request thread: each file in its own worker thread with a time limit. A template
 * that makes layout slow can then cost its own request a 503, never the other users' requests; the worker is
 * terminated when the time is up. At most two layouts run at once (the others answer 503 at once, to retry).
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { RUNS_BUILT, serverFile } from '../../paths.ts';
import type { BulletinDocument } from './bulletin.docx.ts';
import { pdfUnavailable } from './bulletin.pdf.ts';
import type { PdfAnswer, PdfJob } from './bulletin.pdf.worker.ts';

/** How long one PDF may take to lay out; the demo's bulletin takes well under a second. */
export const PDF_TIME_LIMIT_MS = 20_000;
const MAX_RUNNING = 2;
let running = 0;

// From source the worker is TypeScript like the rest of the server: it registers tsx's loader before importing it.
// The built server (dist/server.js) has the worker bundled beside it as dist/bulletin.pdf.worker.js (scripts/build.ts).
const BOOTSTRAP = RUNS_BUILT
  ? `import(${JSON.stringify(pathToFileURL(serverFile('dist/bulletin.pdf.worker.js')).href)});`
  : `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
      new URL('./bulletin.pdf.worker.ts', import.meta.url).href,
    )}); });`;

/** 503 when a layout ran out of time or too many run at once. */
const pdfTimeout = () => new AppError(503, 'bulletin.pdfTimeout', 'bulletin.pdfTimeout');
const pdfBusy = () => new AppError(503, 'bulletin.pdfBusy', 'bulletin.pdfBusy');

/** The bulletin as a PDF, laid out in a worker thread within `timeLimitMs` (503 beyond it). */
export async function renderBulletinPdf(
  bulletin: BulletinDocument,
  fontDir: string,
  timeLimitMs: number = PDF_TIME_LIMIT_MS,
): Promise<Buffer> {
  if (running >= MAX_RUNNING) throw pdfBusy();
  running += 1;
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { bulletin: { ...bulletin }, fontDir } satisfies PdfJob,
  });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(pdfTimeout()), timeLimitMs);
      const settle = (action: () => void) => {
        clearTimeout(timer);
        action();
      };
      worker.once('message', (answer: PdfAnswer) =>
        settle(() => {
          if (answer.ok) resolve(Buffer.from(answer.pdf));
          else reject(answer.unavailable ? pdfUnavailable() : new Error(`PDF layout failed: ${answer.message}`));
        }),
      );
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) => settle(() => reject(new Error(`PDF worker exited with ${code}`))));
    });
  } finally {
    running -= 1;
    await worker.terminate();
  }
}
