/**
 * Test files in the old formats, built the way an office's copy would be: an xlsx (as the tests already build them)
 * saved again as .xls (BIFF8) or Excel 2003 XML by @e965/xlsx's writer, so both paths can be fed "the same" ledger.
 */
import { read, write } from '@e965/xlsx';
import { compoundFile } from './sheetjs.ts';

/** The xlsx saved as .xls (`biff8`) or as Excel 2003 XML (`xlml`), keeping values, number formats and merges. */
export function legacyCopy(xlsx: Buffer, bookType: 'biff8' | 'xlml'): Buffer {
  const workbook = read(xlsx, { type: 'buffer', cellNF: true, cellFormula: true, cellDates: false });
  const out: unknown = write(workbook, { type: 'buffer', bookType });
  if (!Buffer.isBuffer(out)) throw new Error('the writer returned no buffer');
  return out;
}

/**
 * The .xls with its last NUMBER record (a number cell of the last sheet) turned into a FORMULA record (`=value`, a
 * PtgNum) with the number as its cached result: the writer leaves formulas out, and Excel writes them this way.
 * Only the last sheet's stream grows, so no other sheet's offset in BOUNDSHEET needs mending.
 */
export function withXlsFormula(xls: Buffer): Buffer {
  const container = compoundFile.read(xls, { type: 'buffer' });
  const entry = compoundFile.find(container, '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Buffer.from(entry.content);
  let last = -1;
  for (let at = 0; at + 4 <= stream.length; at += 4 + stream.readUInt16LE(at + 2)) {
    if (stream.readUInt16LE(at) === 0x0203) last = at;
  }
  if (last < 0) throw new Error('no number cell');
  const cell = stream.subarray(last + 4, last + 4 + 14);
  const rgce = Buffer.concat([Buffer.from([0x1f]), cell.subarray(6, 14)]); // PtgNum: the number itself
  const body = Buffer.alloc(20);
  cell.copy(body, 0, 0, 14); // row, column, style, cached value
  const formula = Buffer.concat([body, Buffer.from([rgce.length, 0]), rgce]);
  const record = Buffer.alloc(4);
  record.writeUInt16LE(0x0006, 0);
  record.writeUInt16LE(formula.length, 2);
  entry.content = Buffer.concat([stream.subarray(0, last), record, formula, stream.subarray(last + 18)]);
  entry.size = entry.content.length;
  const out: unknown = compoundFile.write(container, { type: 'buffer' });
  if (!Buffer.isBuffer(out)) throw new Error('the writer returned no buffer');
  return out;
}
