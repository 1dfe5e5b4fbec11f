/**
 * Checks an uploaded file is an xlsx workbook that is safe to parse, BEFORE exceljs sees it: the zip
 * signature, the two entries every workbook has, the central directory's entry count, total size and
 * per-entry compression ratios (zip bombs), then every entry inflated once through yauzl, which verifies
 * the declared sizes, while the worksheets' rows and cells are counted. exceljs reads the zip again with
 * its own inflater, which trusts the declared sizes; after this check they are known to be true.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XlsxFileError } from './xlsx.errors.ts';
import {
  MAX_CELLS,
  MAX_COMPRESSION_RATIO,
  MAX_HEADER_ROWS,
  MAX_RAW_ROWS,
  MAX_ROWS,
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECK_MIN_BYTES,
} from './xlsx.limits.ts';

/** What the inspection learnt of the workbook. */
export interface XlsxInspection {
  entries: number;
  uncompressedBytes: number;
  /** Rows counted per worksheet part (xl/worksheets/sheetN.xml). */
  worksheetRows: Record<string, number>;
  cells: number;
  /** The inflated entries the caller asked to keep (by name, a leading '/' removed), so they need no second inflate. */
  parts: Map<string, Buffer>;
}

/** Local file header signature: every zip (and so every xlsx) starts with it. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const REQUIRED_ENTRIES = ['[Content_Types].xml', 'xl/workbook.xml'];
const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;
const MB = 1024 * 1024;

/**
 * Refuses the buffer with an XlsxFileError unless it is a well-formed xlsx within every limit; keeps the
 * entries `keep` names, inflated.
 */
export async function inspectXlsx(
  buffer: Buffer,
  keep: (name: string) => boolean = () => false,
): Promise<XlsxInspection> {
  if (buffer.length < ZIP_SIGNATURE.length || !buffer.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new XlsxFileError('file.notXlsx');
  }
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw new XlsxFileError('file.notXlsx');
  }
  try {
    const entries = await readDirectory(zip);
    const names = new Set(entries.map((entry) => entry.fileName));
    if (!REQUIRED_ENTRIES.every((name) => names.has(name))) throw new XlsxFileError('file.notXlsx');
    const inspection: XlsxInspection = {
      entries: entries.length,
      uncompressedBytes: checkSizes(entries),
      worksheetRows: {},
      cells: 0,
      parts: new Map(),
    };
    for (const entry of entries) {
      const stream = await openEntry(zip, entry);
      const name = entry.fileName.replace(/^\//, '');
      const chunks = keep(name) ? [] : undefined;
      if (WORKSHEET_ENTRY.test(entry.fileName)) {
        const counts = await countRowsAndCells(stream, MAX_CELLS - inspection.cells, chunks);
        inspection.worksheetRows[entry.fileName] = counts.rows;
        inspection.cells += counts.cells;
      } else {
        await drain(stream, chunks);
      }
      if (chunks) inspection.parts.set(name, Buffer.concat(chunks));
    }
    return inspection;
  } finally {
    zip.close();
  }
}

/** The central directory: entry count first, so a directory of a million entries is not even listed. */
async function readDirectory(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) throw new XlsxFileError('file.tooManyEntries', { limit: MAX_ZIP_ENTRIES });
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch {
    throw new XlsxFileError('file.notXlsx');
  }
  return entries;
}

/** Total and per-entry ratio from the declared sizes; returns the total. */
function checkSizes(entries: Entry[]): number {
  let total = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) throw new XlsxFileError('file.encrypted');
    total += entry.uncompressedSize;
    if (total > MAX_UNCOMPRESSED_BYTES) {
      throw new XlsxFileError('file.expandsTooLarge', { limit: MAX_UNCOMPRESSED_BYTES / MB });
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw new XlsxFileError('file.compressionRatio', {
        entry: entry.fileName,
        ratio: Math.round(ratio),
        limit: MAX_COMPRESSION_RATIO,
      });
    }
  }
  return total;
}

async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (!entry.canDecodeFileData()) throw new XlsxFileError('file.notXlsx');
  try {
    return await zip.openReadStreamPromise(entry);
  } catch {
    throw new XlsxFileError('file.corrupt');
  }
}

/** Reads a stream to its end; a corrupt entry or one longer than declared is a broken file. */
async function drain(stream: Readable, chunks?: Buffer[]): Promise<void> {
  try {
    // Inflating is the check: yauzl fails the stream if the data exceeds its declared size.
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks?.push(chunk);
  } catch {
    throw new XlsxFileError('file.corrupt');
  }
}

const LT = 0x3c; // <
/** Bytes that may follow a tag name: space, tab, CR, LF, > and /. */
const TAG_END = new Set([0x20, 0x09, 0x0d, 0x0a, 0x3e, 0x2f]);
const ROW = Buffer.from('<row');

/**
 * Counts a worksheet's `<row>` and `<c>` start tags with native byte search (not `<rowBreaks>` or `<col>`),
 * stopping as soon as a limit is passed, so a sheet of a million rows costs no more than the limit.
 * Prefixed tags (`<x:row>`) are not counted: exceljs does not read them either. Rows without cells (kept
 * for a height or a style) count only against the looser raw-row limit.
 */
async function countRowsAndCells(
  stream: Readable,
  cellBudget: number,
  chunks?: Buffer[],
): Promise<{ rows: number; cells: number }> {
  let rawRows = 0;
  let rows = 0;
  let cells = 0;
  let cellsInRow = 0;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks?.push(chunk);
      // Keep the last few bytes so a tag cut by the chunk boundary is seen whole in the next round.
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const end = data.length - 5;
      let at = data.indexOf(LT);
      while (at !== -1 && at < end) {
        if (data[at + 1] === 0x63 && TAG_END.has(data[at + 2] ?? 0)) {
          cells += 1;
          cellsInRow += 1;
        } else if (data.compare(ROW, 0, ROW.length, at, at + ROW.length) === 0 && TAG_END.has(data[at + 4] ?? 0)) {
          if (cellsInRow > 0) rows += 1;
          rawRows += 1;
          cellsInRow = 0;
        }
        at = data.indexOf(LT, at + 1);
      }
      carry = data.subarray(Math.max(0, at === -1 ? end : at));
      if (rows > MAX_ROWS + MAX_HEADER_ROWS || rawRows > MAX_RAW_ROWS) {
        throw new XlsxFileError('file.tooManyRows', { limit: MAX_ROWS });
      }
      if (cells > cellBudget) throw new XlsxFileError('file.tooManyCells', { limit: MAX_CELLS });
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof XlsxFileError) throw error;
    throw new XlsxFileError('file.corrupt');
  }
  if (cellsInRow > 0) rows += 1;
  if (rows > MAX_ROWS + MAX_HEADER_ROWS) throw new XlsxFileError('file.tooManyRows', { limit: MAX_ROWS });
  return { rows, cells };
}
