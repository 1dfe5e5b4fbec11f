import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compoundFile } from './sheetjs.ts';
import { legacyCopy, withXlsFormula } from './spreadsheet.fixtures.ts';
import { detectSpreadsheetFormat } from './spreadsheet.format.ts';
import { readSpreadsheet } from './spreadsheet.reader.ts';
import { XlsxFileError } from './xlsx.errors.ts';
import { MAX_COLUMNS, MAX_RAW_ROWS } from './xlsx.limits.ts';
import { pickSheet, readGrid } from './xlsx.reader.ts';

/** A ledger as offices keep them: a merged title row, a header, a date, a formula, and a hidden code sheet. */
async function officeLedger(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2021年');
  sheet.addRow(['2021年重点项目台账']);
  sheet.mergeCells(1, 1, 1, 4);
  sheet.addRow(['项目名称', '计划开工日期', '总投资（万元）', '是否入统']);
  sheet.addRow(['甲项目', new Date(Date.UTC(2021, 3, 1)), 12500.5, true]);
  sheet.addRow(['乙项目', null, { formula: 'C3*2', result: 25001 }, false]);
  sheet.addRow(['合计', null, 37501.5, null]);
  workbook.addWorksheet('代码表', { state: 'hidden' }).addRow(['市重点']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const gridOf = async (file: Buffer) => readGrid(pickSheet(await readSpreadsheet(file), [], ['代码表']));
async function refusal(file: Buffer): Promise<string> {
  const error: unknown = await readSpreadsheet(file).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof XlsxFileError)) throw new Error(`not refused: ${String(error)}`);
  return error.code;
}
/** An Excel 2003 XML workbook around `table` (the content of one sheet's <Table>). */
const spreadsheetMl = (table: string, prolog = '') =>
  Buffer.from(
    `<?xml version="1.0"?>${prolog}\n<?mso-application progid="Excel.Sheet"?>\n` +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' +
      'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      `<Worksheet ss:Name="台账"><Table>${table}</Table></Worksheet></Workbook>`,
  );

describe('telling formats apart by content', () => {
  it('knows xlsx, OLE2 and Excel 2003 XML by their first bytes, whatever the name', async () => {
    const xlsx = await officeLedger();
    expect(detectSpreadsheetFormat(xlsx)).toBe('xlsx');
    expect(detectSpreadsheetFormat(legacyCopy(xlsx, 'biff8'))).toBe('ole2');
    expect(detectSpreadsheetFormat(legacyCopy(xlsx, 'xlml'))).toBe('xml');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), spreadsheetMl('')]);
    expect(detectSpreadsheetFormat(bom)).toBe('xml');
    expect(detectSpreadsheetFormat(Buffer.from('<?xml version="1.0"?><html><body>台账</body></html>'))).toBeNull();
    expect(detectSpreadsheetFormat(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectSpreadsheetFormat(Buffer.from('投资项目统一代码,项目名称\n'))).toBeNull();
  });
});

describe('reading .xls and Excel 2003 XML as the xlsx', () => {
  it('gives the same grid: merged title, texts, dates at midnight UTC, numbers, booleans, formulas', async () => {
    const xlsx = await officeLedger();
    const expected = await gridOf(xlsx);
    expect(expected.rows[2]?.cells[1]).toEqual({ type: 'date', date: new Date('2021-04-01T00:00:00Z') });
    expect(expected.rows[3]?.cells[2]).toEqual({ type: 'formula' });
    expect(await gridOf(legacyCopy(xlsx, 'xlml'))).toEqual(expected);
    // The .xls writer drops formulas, so its copy holds the cached value; a FORMULA record is put back by hand.
    const xls = await gridOf(legacyCopy(xlsx, 'biff8'));
    expect(xls.rows.filter((row) => row.number !== 4)).toEqual(expected.rows.filter((row) => row.number !== 4));
    const formula = await gridOf(withXlsFormula(legacyCopy(xlsx, 'biff8')));
    expect(formula.rows.at(-1)?.cells[2]).toEqual({ type: 'formula' });
  });

  it('reads an .xls saved by WPS, whose compound-file header carries a class id where Excel writes zeros', async () => {
    const xlsx = await officeLedger();
    const wps = Buffer.from(legacyCopy(xlsx, 'biff8'));
    Buffer.from('2008020000000000c000000000000046', 'hex').copy(wps, 8);
    expect((await gridOf(wps)).rows.slice(0, 3)).toEqual((await gridOf(xlsx)).rows.slice(0, 3));
  });

  it('keeps hidden sheets hidden, so the sheet picker skips them as it does in an xlsx', async () => {
    const workbook = await readSpreadsheet(legacyCopy(await officeLedger(), 'biff8'));
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['2021年', 'visible'],
      ['代码表', 'hidden'],
    ]);
  });

  it('reads dates written by Excel 2003 XML as dates, not as text', async () => {
    const file = spreadsheetMl(
      '<Row><Cell><Data ss:Type="String">项目名称</Data></Cell><Cell><Data ss:Type="String">开工日期</Data></Cell></Row>' +
        '<Row><Cell><Data ss:Type="String">甲</Data></Cell>' +
        '<Cell><Data ss:Type="DateTime">2021-05-20T00:00:00.000</Data></Cell></Row>',
    );
    const grid = await gridOf(file);
    expect(grid.rows[1]?.cells[1]).toEqual({ type: 'date', date: new Date('2021-05-20T00:00:00Z') });
  });
});

describe('refusing hostile or unreadable old-format files', () => {
  it('refuses an XML with a DTD (external entities, entity bombs) before parsing it', async () => {
    const xxe = spreadsheetMl(
      '<Row><Cell><Data ss:Type="String">&e;</Data></Cell></Row>',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    );
    expect(await refusal(xxe)).toBe('file.xmlDoctype');
  });

  it('refuses encrypted, truncated and non-spreadsheet compound files', async () => {
    const container = compoundFile.read(legacyCopy(await officeLedger(), 'biff8'), { type: 'buffer' });
    // An encrypted .xlsx (or a password-protected workbook saved by Excel) is an OLE2 file with this stream.
    compoundFile.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 1));
    expect(await refusal(compoundFile.write(container, { type: 'buffer' }) as Buffer)).toBe('file.encrypted');
    const xls = legacyCopy(await officeLedger(), 'biff8');
    expect(await refusal(xls.subarray(0, 700))).toBe('file.notXlsx');
    expect(await refusal(Buffer.concat([xls.subarray(0, 8), Buffer.alloc(2048, 7)]))).toBe('file.notXlsx');
  });

  it('refuses a sheet past the row limit, and a merge covering millions of cells', async () => {
    const cell = '<Cell><Data ss:Type="String">x</Data></Cell>';
    const tall = spreadsheetMl(`<Row>${cell}</Row><Row ss:Index="${MAX_RAW_ROWS + 5}">${cell}</Row>`);
    expect(await refusal(tall)).toBe('file.tooManyRows');
    const merged = spreadsheetMl(
      `<Row><Cell ss:MergeAcross="200" ss:MergeDown="90000"><Data ss:Type="String">x</Data></Cell></Row>`,
    );
    expect(await refusal(merged)).toBe('file.tooManyCells');
  });

  it('applies the xlsx path’s column limit to the converted sheet', async () => {
    const wide = spreadsheetMl(`<Row><Cell ss:Index="${MAX_COLUMNS + 1}"><Data ss:Type="Number">1</Data></Cell></Row>`);
    await expect(gridOf(wide)).rejects.toMatchObject({ code: 'file.tooManyColumns' });
  });
});
