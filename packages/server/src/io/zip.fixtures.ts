/**
 * Hand-built zips for tests of the file checks: xlsx-shaped archives whose entries can be huge (built from
 * repeated deflate blocks, never held expanded in memory) or whose declared sizes lie.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** An entry: literal bytes, or `repeat` copies of a chunk (a zip bomb's payload). */
export interface FixtureEntry {
  name: string;
  data?: Buffer;
  repeat?: { chunk: Buffer; times: number };
  /** Declare this uncompressed size instead of the true one. */
  declaredSize?: number;
}

function compressed(entry: FixtureEntry): { body: Buffer; size: number; crc: number } {
  if (entry.repeat) {
    const { chunk, times } = entry.repeat;
    // A full flush ends the block on a byte boundary with no back-references, so copies concatenate.
    const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    const final = deflateRawSync(Buffer.alloc(0));
    let crc = 0;
    for (let i = 0; i < times; i += 1) crc = crc32(chunk, crc);
    return {
      body: Buffer.concat([...Array.from({ length: times }, () => block), final]),
      size: chunk.length * times,
      crc,
    };
  }
  const data = entry.data ?? Buffer.alloc(0);
  return { body: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** A zip archive of the entries, deflated. */
export function buildZip(entries: readonly FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { body, size, crc } = compressed(entry);
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);
const WORKBOOK = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook/>');

/** An xlsx-shaped zip bomb: the two required entries and a sheet of `megabytes` MB of zeros (compressed ~1000:1). */
export function zipBomb(megabytes: number, declaredSize?: number): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    {
      name: 'xl/worksheets/sheet1.xml',
      repeat: { chunk: Buffer.alloc(1024 * 1024), times: megabytes },
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  ]);
}

/** A sheet of `rows` rows of one cell each, as worksheet XML (for row-limit checks without exceljs). */
export function manyRowsWorkbook(rows: number): Buffer {
  const row = (n: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>x</t></is></c></row>`;
  const xml = `<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) },
  ]);
}
