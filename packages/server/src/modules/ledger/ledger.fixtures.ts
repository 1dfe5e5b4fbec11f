/**
 * Test helpers for ledgers: build a workbook from rows keyed by header, upload it through the API as
 * multipart, and read an xlsx response back.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../../test/factories.ts';
import { multipart } from '../../../test/upload.ts';
import type { LedgerImportResult } from '@keyprojects/core';

/** A cell as tests write it: a value, or a formula. */
export type TestCell = string | number | boolean | Date | null | { formula: string };
/** A test row: cells by header. */
export type TestRow = Record<string, TestCell>;

/** The headers test ledgers use by default (a realistic subset, in a ledger's usual order). */
export const TEST_HEADERS = [
  '投资项目统一代码',
  '项目名称',
  '项目单位',
  '所属区域',
  '项目级别',
  '项目类别',
  '所属行业',
  '建设性质',
  '建设内容',
  '总投资（万元）',
  '2021年计划投资（万元）',
  '计划开工日期',
  '计划竣工日期',
  '建设阶段',
  '融资模式',
  '标签',
  '是否入统',
] as const;

let serial = 0;

/** A test cell's text (for codes and names, which tests always write as text). */
export const textOf = (cell: TestCell | undefined): string => (typeof cell === 'string' ? cell : JSON.stringify(cell));

/**
 * A valid row for owner `owner` (a name) in 萨尔图区, with a fresh code; override any header. A region given as a
 * code is also the code's area part (the area must fit the project's region).
 */
export function ledgerRow(owner: string, overrides: TestRow = {}): TestRow {
  serial += 1;
  const region = overrides.所属区域;
  const area = typeof region === 'string' && /^\d{6}$/.test(region) ? region : '230602';
  return {
    投资项目统一代码: `2103-${area}-04-01-${String(700000 + serial)}`,
    项目名称: `台账测试项目${serial}号厂房建设工程`,
    项目单位: owner,
    所属区域: '萨尔图区',
    项目级别: '市重点',
    项目类别: '产业项目',
    所属行业: '制造业',
    建设性质: '新建',
    建设内容: '新建厂房2万平方米及配套设施',
    '总投资（万元）': 12500.5,
    '2021年计划投资（万元）': 5000,
    计划开工日期: new Date(Date.UTC(2021, 3, 1)),
    计划竣工日期: '2022-10-31',
    建设阶段: '前期',
    融资模式: '企业自筹',
    标签: '重中之重',
    是否入统: '否',
    ...overrides,
  };
}

/** An xlsx with one sheet of the rows under `headers` (a title row first when given). */
export async function ledgerFile(
  rows: readonly TestRow[],
  options: { headers?: readonly string[]; sheet?: string; title?: string } = {},
): Promise<Buffer> {
  const headers = options.headers ?? TEST_HEADERS;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet ?? '项目台账');
  if (options.title) sheet.addRow([options.title]);
  sheet.addRow([...headers]);
  for (const row of rows) {
    sheet.addRow(headers.map((header) => row[header] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a ledger to POST /ledger/import. */
export function upload(
  client: Client,
  file: Buffer,
  query: { dryRun?: boolean; async?: boolean; lang?: 'en' } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(file);
  const search = new URLSearchParams({ dryRun: String(query.dryRun ?? true) });
  if (query.async) search.set('async', 'true');
  return client.request({
    method: 'POST',
    url: `/api/v1/ledger/import?${search.toString()}`,
    payload: body.payload,
    headers: { ...body.headers, ...(query.lang ? { 'accept-language': 'en' } : {}) },
  });
}

/** The result of an import response (200, or 400 with the rejected result). */
export function resultOf(response: LightMyRequestResponse): LedgerImportResult {
  const body = response.json<LedgerImportResult | { result?: LedgerImportResult }>();
  if ('kind' in body) return body;
  if (body.result) return body.result;
  throw new Error(`no import result: ${response.body}`);
}

/** The first sheet of an xlsx response. */
export async function readXlsx(body: Buffer, sheetName?: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}
