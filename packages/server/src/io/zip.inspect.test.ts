import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxFileError } from './xlsx.errors.ts';
import { MAX_ROWS } from './xlsx.limits.ts';
import { inspectXlsx } from './zip.inspect.ts';
import { buildZip, manyRowsWorkbook, zipBomb } from './zip.fixtures.ts';

async function refusal(file: Buffer): Promise<string> {
  try {
    await inspectXlsx(file);
  } catch (error) {
    if (error instanceof XlsxFileError) return error.code;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('xlsx inspection before parsing', () => {
  it('accepts a real workbook and counts its rows and cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目台账');
    for (let i = 0; i < 50; i += 1) sheet.addRow([`项目${i}`, i, '文本']);
    const inspection = await inspectXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(inspection.cells).toBe(150);
    expect(Object.values(inspection.worksheetRows)).toEqual([50]);
  });

  it('refuses bytes that are not a zip (a renamed .exe)', async () => {
    expect(await refusal(Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode'))).toBe(
      'file.notXlsx',
    );
    expect(await refusal(Buffer.alloc(0))).toBe('file.notXlsx');
  });

  it('refuses a zip that is not a workbook', async () => {
    expect(await refusal(buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]))).toBe('file.notXlsx');
  });

  it('refuses a zip bomb by its declared total size before inflating anything', async () => {
    expect(await refusal(zipBomb(160))).toBe('file.expandsTooLarge');
  });

  it('refuses a smaller bomb by its compression ratio', async () => {
    expect(await refusal(zipBomb(20))).toBe('file.compressionRatio');
  });

  it('refuses a bomb whose directory lies about its size once inflating passes the declared size', async () => {
    expect(await refusal(zipBomb(20, 1000))).toBe('file.corrupt');
  });

  it('refuses a sheet with more rows than the limit while scanning', async () => {
    expect(await refusal(manyRowsWorkbook(MAX_ROWS + 11))).toBe('file.tooManyRows');
    expect((await inspectXlsx(manyRowsWorkbook(MAX_ROWS))).worksheetRows).toEqual({
      'xl/worksheets/sheet1.xml': MAX_ROWS,
    });
  });
});
