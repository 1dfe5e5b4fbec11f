import { read, write } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { officeLedgerFile, officeProject } from '../modules/ledger/ledger.office-fixtures.ts';
import { ledgerFile, ledgerRow } from '../modules/ledger/ledger.fixtures.ts';
import { XlsxFileError } from './xlsx.errors.ts';
import { readXlsxGrid } from './xlsx.grid.ts';
import { pickSheet, readGrid, readWorkbook } from './xlsx.reader.ts';
import { manyRowsWorkbook } from './zip.fixtures.ts';

/** The grid exceljs gives: what the import read before xlsx.grid.ts, and what it must still get. */
const exceljsGrid = async (file: Buffer, preferred: string[], skip: string[]) =>
  readGrid(pickSheet(await readWorkbook(file), preferred, skip));

async function expectSameGrid(file: Buffer, preferred: string[] = [], skip: string[] = []) {
  const expected = await exceljsGrid(file, preferred, skip);
  expect(expected.rows.length).toBeGreaterThan(0);
  expect(await readXlsxGrid(file, preferred, skip)).toEqual(expected);
}

/** A workbook with what offices' files hold beyond plain values. */
async function oddCells(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['先读这一页']);
  workbook.addWorksheet('代码表', { state: 'hidden' }).addRow(['市重点']);
  const sheet = workbook.addWorksheet('项目台账');
  sheet.addRow(['代码', '名称', '日期', '金额', '备注']);
  sheet.mergeCells('A1:A2');
  sheet.addRow([null, '副标题', null, null, null]);
  sheet.addRow([
    '2103-1',
    { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] },
    44197,
    1.5,
    'a<b>&"c\'',
  ]);
  sheet.getCell('C3').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.addRow(['2103-2', { text: '链接', hyperlink: 'https://example.org' }, 44198.75, { error: '#N/A' }, true]);
  sheet.getCell('C4').numFmt = 'mm-dd-yy';
  sheet.getCell('D4').numFmt = '[Red]0.00';
  sheet.addRow(['2103-3', '换行\r\n文本', { formula: 'C3+1', result: 44198 }, -0.000001, false]);
  sheet.getCell('A7').value = '隔一行';
  sheet.getCell('J7').value = 0;
  sheet.mergeCells('B8:D9');
  sheet.getCell('B8').value = '合并块';
  sheet.getCell('E10').numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same workbook as another writer (SheetJS) saves it: other part layout, inline or shared strings. */
function resaved(xlsx: Buffer, bookSST: boolean): Buffer {
  const workbook = read(xlsx, { type: 'buffer', cellNF: true, cellFormula: true, cellDates: false });
  const out: unknown = write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST });
  if (!Buffer.isBuffer(out)) throw new Error('the writer returned no buffer');
  return out;
}

describe('the import reads an xlsx sheet as exceljs does', () => {
  it('gives the same grid for test ledgers: dates, formulas, booleans, title row', async () => {
    const owner = '大庆石化工程有限公司';
    const rows = [ledgerRow(owner), ledgerRow(owner, { 计划开工日期: '2021/4/1', 是否入统: true }), ledgerRow(owner)];
    rows.push(ledgerRow(owner, { '总投资（万元）': { formula: 'K2*2' } }));
    await expectSameGrid(await ledgerFile(rows, { title: '2021年重点项目台账' }), ['项目台账'], []);
  });

  it("gives the same grid for an office's ledger with two-row merged headers, totals and notes", async () => {
    const projects = [officeProject('甲公司'), officeProject('乙公司', { total: 800 }), officeProject('丙公司')];
    await expectSameGrid(await officeLedgerFile(projects), [], ['代码表']);
  });

  it('gives the same grid for rich text, links, errors, date formats, merges, gaps and styled blanks', async () => {
    const file = await oddCells();
    await expectSameGrid(file, ['项目台账'], []);
    // No preferred name: the first visible sheet not skipped, in tab order (the hidden one is passed over).
    await expectSameGrid(file, [], ['说明']);
  });

  it('gives the same grid for the same workbooks saved by another writer, with shared or inline strings', async () => {
    const file = await oddCells();
    await expectSameGrid(resaved(file, true), ['项目台账'], []);
    await expectSameGrid(resaved(file, false), ['项目台账'], []);
    const office = await officeLedgerFile([officeProject('甲公司'), officeProject('乙公司')]);
    await expectSameGrid(resaved(office, false), [], []);
  });

  it('refuses what readGrid refuses: no sheet to read, too many rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('代码表').addRow(['x']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readXlsxGrid(file, [], ['代码表'])).rejects.toMatchObject({ code: 'file.noSheet' });
    const error: unknown = await readXlsxGrid(manyRowsWorkbook(20_011), [], []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(XlsxFileError);
  });
});
