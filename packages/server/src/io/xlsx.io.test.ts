import { PassThrough } from 'node:stream';
import { buffer as collect } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxFileError } from './xlsx.errors.ts';
import { pickSheet, readGrid, readWorkbook } from './xlsx.reader.ts';
import { writeXlsx, type XlsxValue } from './xlsx.writer.ts';

async function* batches(rows: XlsxValue[][]) {
  yield rows;
}

async function written(rows: XlsxValue[][]): Promise<Buffer> {
  const out = new PassThrough();
  const body = collect(out);
  await writeXlsx(out, [
    {
      name: '导出',
      columns: [
        { header: '名称', width: 20, kind: 'text' },
        { header: '总投资（万元）', width: 14, kind: 'money' },
        { header: '完成率', width: 10, kind: 'percent' },
        { header: '开工日期', width: 12, kind: 'date' },
      ],
      rows: batches(rows),
    },
  ]);
  return body;
}

describe('xlsx writing and reading', () => {
  it('writes a formatted sheet whose formula-like text is neutralised and numbers stay numbers', async () => {
    const file = await written([
      ['=HYPERLINK("http://x","y")', '12500.50', '77.3', '2021-04-01'],
      ['@SUM(A1)', 3, null, null],
      ['-1+2', '0.000001', '100', '2021-12-31'],
      ['普通文本', '99999999.99', '0', null],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    const sheet = workbook.getWorksheet('导出');
    expect(sheet?.getCell('A2').value).toBe('\'=HYPERLINK("http://x","y")');
    expect(sheet?.getCell('A3').value).toBe("'@SUM(A1)");
    expect(sheet?.getCell('A4').value).toBe("'-1+2");
    expect(sheet?.getCell('A5').value).toBe('普通文本');
    expect(sheet?.getCell('B2').value).toBe(12500.5);
    expect(sheet?.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet?.getCell('B3').value).toBe(3);
    expect(sheet?.getCell('C2').value).toBeCloseTo(0.773, 10);
    expect(sheet?.getCell('C2').numFmt).toBe('0.00%');
    expect(sheet?.getCell('D2').value).toEqual(new Date(Date.UTC(2021, 3, 1)));
    expect(sheet?.getCell('A1').font.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.getColumn(1).width).toBe(20);
  });

  it('escapes markup, drops characters XML cannot hold, and keeps the header filled and the rows numbered', async () => {
    const file = await written([
      ['<b>A&B "引号"</b>\u0001\u0008', null, null, null],
      ['第二行', 1, null, null],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    const sheet = workbook.getWorksheet('导出');
    expect(sheet?.getCell('A2').value).toBe('<b>A&B "引号"</b>');
    expect(sheet?.getCell('A3').value).toBe('第二行');
    expect(sheet?.getCell('B2').value).toBeNull();
    expect(sheet?.getCell('A1').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFDDEBF7' } });
    expect(sheet?.actualRowCount).toBe(3);
  });

  it('reads back the cells as ledger cells, formulas marked as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目台账');
    sheet.addRow(['名称', '金额', '日期']);
    sheet.addRow(['甲', 12.5, new Date(Date.UTC(2021, 0, 2))]);
    sheet.addRow([{ richText: [{ text: '乙' }, { text: '丙' }] }, { formula: 'B2*2', result: 25 }, '2021/3/4']);
    sheet.addRow([]);
    sheet.getCell('E5').value = 'far';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const grid = readGrid(pickSheet(await readWorkbook(file), ['项目台账'], []));
    expect(grid.rows.map((r) => r.number)).toEqual([1, 2, 3, 5]);
    expect(grid.rows[1]?.cells).toEqual([
      { type: 'text', text: '甲' },
      { type: 'number', value: 12.5 },
      { type: 'date', date: new Date(Date.UTC(2021, 0, 2)) },
    ]);
    expect(grid.rows[2]?.cells).toEqual([
      { type: 'text', text: '乙丙' },
      { type: 'formula' },
      { type: 'text', text: '2021/3/4' },
    ]);
    expect(grid.rows[3]?.cells).toHaveLength(5);
  });

  it('refuses a sheet with values past the column limit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目台账');
    sheet.getCell(1, 101).value = 'too far';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = await readWorkbook(file);
    expect(() => readGrid(pickSheet(parsed, ['项目台账'], []))).toThrow(XlsxFileError);
  });
});
