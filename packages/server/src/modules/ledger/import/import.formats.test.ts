import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { LedgerImportResult } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { multipart, projectCount as countProjects } from '../../../../test/upload.ts';
import { rowCount } from '../../../../test/audit.ts';
import { legacyCopy, withXlsFormula } from '../../../io/spreadsheet.fixtures.ts';
import { ledgerFile, ledgerRow, resultOf, type TestRow } from '../ledger.fixtures.ts';

const OWNER = '大庆旧格式台账测试有限公司';
const XLS_TYPE = 'application/vnd.ms-excel';

let ctx: TestContext;
let city: Client;
let staff: Client;
const codes: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { name: OWNER, regionCode: '230602' });
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  for (let i = 0; i < 2; i += 1) {
    const response = await city.request({ method: 'POST', url: '/api/v1/projects', payload: buildProject(org) });
    expect(response.statusCode, response.body).toBe(201);
    codes.push(response.json<{ code: string }>().code);
  }
});
afterAll(() => ctx.close());

/** Uploads a ledger under a name and type as an office's browser would send an .xls. */
function upload(
  client: Client,
  file: Buffer,
  query: Record<string, string> & { dryRun?: string } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(file, 'ledger.xls', { contentType: XLS_TYPE });
  const search = new URLSearchParams({ dryRun: 'true', ...query });
  return client.request({ method: 'POST', url: `/api/v1/ledger/import?${search.toString()}`, ...body });
}
const errorOf = (response: LightMyRequestResponse) =>
  response.json<{ error: { code: string; message: string } }>().error;
/** The same ledger as .xlsx, .xls and Excel 2003 XML. */
async function threeFormats(rows: readonly TestRow[], options: Parameters<typeof ledgerFile>[1] = {}) {
  const xlsx = await ledgerFile(rows, options);
  return { xlsx, xls: legacyCopy(xlsx, 'biff8'), xml: legacyCopy(xlsx, 'xlml') };
}
async function dryRuns(files: Record<string, Buffer>, query: Record<string, string> = {}) {
  const results: Record<string, LedgerImportResult> = {};
  for (const [format, file] of Object.entries(files)) {
    const response = await upload(staff, file, query);
    expect(response.statusCode, `${format}: ${response.body}`).toBe(200);
    results[format] = resultOf(response);
  }
  return results;
}

describe('the project ledger in old formats', () => {
  const rows = () => [
    ledgerRow(OWNER),
    ledgerRow(OWNER, { 计划开工日期: new Date(Date.UTC(2021, 5, 30)), '总投资（万元）': 880.25 }),
    ledgerRow(OWNER, { 项目级别: '区县重点' }),
  ];

  it('previews an .xls and an Excel 2003 XML exactly as the .xlsx with the same rows', async () => {
    const files = await threeFormats(rows(), { title: '2021年萨尔图区重点项目台账' });
    const { xlsx, xls, xml } = await dryRuns(files);
    expect(xlsx?.summary).toMatchObject({ rows: 3, create: 3 });
    expect(xlsx?.headerRow).toBe(2);
    expect(xls).toEqual(xlsx);
    expect(xml).toEqual(xlsx);
  });

  it('commits an .xls, after which the same ledger in 2003 XML changes nothing', async () => {
    const files = await threeFormats(rows());
    const before = await countProjects(ctx.db);
    const committed = await upload(staff, files.xls, { dryRun: 'false' });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(resultOf(committed)).toMatchObject({ committed: true, summary: { create: 3, errors: 0 } });
    expect(await countProjects(ctx.db)).toBe(before + 3);
    const again = resultOf(await upload(staff, files.xml));
    expect(again.summary).toMatchObject({ rows: 3, create: 0, update: 0, unchanged: 3 });
    const asXlsx = resultOf(await upload(staff, files.xlsx));
    expect(asXlsx.summary).toMatchObject({ unchanged: 3 });
  });

  it('names a formula cell of an .xls by row and column, and writes nothing', async () => {
    const headers = ['投资项目统一代码', '项目名称', '项目单位', '所属区域', '项目类别', '总投资（万元）'];
    const xlsx = await ledgerFile([ledgerRow(OWNER)], { headers });
    const before = await countProjects(ctx.db);
    const response = await upload(staff, withXlsFormula(legacyCopy(xlsx, 'biff8')), { dryRun: 'false' });
    const result = resultOf(response);
    expect(result.committed).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'F',
        header: '总投资（万元）',
        message: expect.stringMatching(/公式/),
      }),
    );
    expect(await countProjects(ctx.db)).toBe(before);
  });
});

describe('the monthly-report ledger in old formats', () => {
  const headers = ['投资项目统一代码', '本月完成投资（万元）', '形象进度', '是否开工', '开工日期'] as const;
  const april = { kind: 'monthly-reports', year: '2021', month: '4' };
  const rows = (): TestRow[] => [
    {
      投资项目统一代码: codes[0] ?? '',
      '本月完成投资（万元）': 300.5,
      形象进度: '主体施工',
      是否开工: '是',
      开工日期: new Date(Date.UTC(2021, 3, 10)),
    },
    { 投资项目统一代码: codes[1] ?? '', '本月完成投资（万元）': 1200, 形象进度: '土方开挖', 是否开工: '否' },
  ];

  it('previews and commits an Excel 2003 XML as the .xlsx', async () => {
    const files = await threeFormats(rows(), { headers, sheet: '月报台账' });
    const { xlsx, xls, xml } = await dryRuns(files, april);
    expect(xlsx?.summary).toMatchObject({ rows: 2, create: 2, errors: 0 });
    expect(xlsx?.rows[0]?.changes).toContainEqual(expect.objectContaining({ field: 'startedOn', after: '2021-04-10' }));
    expect(xls).toEqual(xlsx);
    expect(xml).toEqual(xlsx);

    const reports = await rowCount(ctx.db, 'monthly_reports');
    const committed = await upload(staff, files.xml, { ...april, dryRun: 'false' });
    expect(resultOf(committed)).toMatchObject({ committed: true, summary: { create: 2 } });
    expect(await rowCount(ctx.db, 'monthly_reports')).toBe(reports + 2);
    expect(resultOf(await upload(staff, files.xls, april)).summary).toMatchObject({ unchanged: 2 });
  });
});

describe('bad old-format files', () => {
  it('answers a damaged .xls, an XML with a DTD and a Word file with a clear 400, as a job too', async () => {
    const xls = legacyCopy(await ledgerFile([ledgerRow(OWNER)]), 'biff8');
    const before = await countProjects(ctx.db);
    const damaged = await upload(staff, xls.subarray(0, 700), { dryRun: 'false' });
    expect(damaged.statusCode).toBe(400);
    expect(errorOf(damaged)).toEqual({
      code: 'file.notXlsx',
      message:
        '文件不是可读取的 Excel 工作簿（.xlsx、.xls、WPS .et 或 Excel 2003 XML）。请用 Excel 或 WPS 另存为 .xlsx 后再导入',
    });
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><?mso-application progid="Excel.Sheet"?>' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table><Row><Cell>' +
      '<Data ss:Type="String">&e;</Data></Cell></Row></Table></Worksheet></Workbook>';
    const refused = await upload(staff, Buffer.from(xxe), { dryRun: 'false', async: 'true' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).code).toBe('file.xmlDoctype');
    const asJob = await upload(staff, xls.subarray(0, 700), { dryRun: 'false', async: 'true' });
    expect(asJob.statusCode).toBe(400);
    expect(await countProjects(ctx.db)).toBe(before);
  });
});
