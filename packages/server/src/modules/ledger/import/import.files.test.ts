import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { zipBomb } from '../../../io/zip.fixtures.ts';
import { multipart } from '../../../../test/upload.ts';
import { ledgerFile, ledgerRow, readXlsx, resultOf, upload } from '../ledger.fixtures.ts';
import type { LedgerImportJob } from '@keyprojects/core';
import { projectCount as countProjects } from '../../../../test/upload.ts';

let ctx: TestContext;
let admin: Client;
const OWNER = '大庆台账文件测试有限公司';

beforeAll(async () => {
  ctx = await createTestContext();
  await createOrganization(ctx.db, { name: OWNER });
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const projectCount = () => countProjects(ctx.db);
const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('hostile files', () => {
  it('refuses a renamed .exe with 400 and a clear message', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(2048, 0x90)]);
    const response = await upload(admin, exe, { dryRun: false });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toEqual({
      code: 'file.notXlsx',
      message:
        '文件不是可读取的 Excel 工作簿（.xlsx、.xls、WPS .et 或 Excel 2003 XML）。请用 Excel 或 WPS 另存为 .xlsx 后再导入',
    });
  });

  it('refuses a zip bomb with 400 before parsing it, writing nothing', async () => {
    const before = await projectCount();
    const response = await upload(admin, zipBomb(400), { dryRun: false });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toEqual({
      code: 'file.expandsTooLarge',
      message: '文件解压后超过 150 MB 的上限，已拒绝（疑似压缩炸弹）',
    });
    const ratio = await upload(admin, zipBomb(30), { lang: 'en' });
    expect(ratio.statusCode).toBe(400);
    expect(errorOf(ratio.body).message).toMatch(/compressed \d+:1, above the 100:1 limit/);
    expect(await projectCount()).toBe(before);
  });

  it('refuses a request without a file, and a sheet without a header', async () => {
    const empty = await admin.request({
      method: 'POST',
      url: '/api/v1/ledger/import',
      payload: '--x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty.body).code).toBe('file.missing');
    const noHeader = await upload(admin, await ledgerFile([{ a: 1 }], { headers: ['甲', '乙'] }));
    expect(errorOf(noHeader.body).code).toBe('file.noHeader');
    // A row is identified by its code, or by its name when the ledger has no code column: one of them is needed.
    const noKey = await upload(
      admin,
      await ledgerFile([{ 项目单位: 'x' }], { headers: ['项目单位', '总投资（万元）'] }),
    );
    expect(errorOf(noKey.body)).toEqual({
      code: 'file.missingColumn',
      message: '缺少必需的列“投资项目统一代码”或“项目名称”',
    });
  });

  it('refuses an upload over the size limit with 413', async () => {
    const body = multipart(Buffer.alloc(21 * 1024 * 1024, 1));
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/ledger/import',
      payload: body.payload,
      headers: body.headers,
    });
    expect(response.statusCode).toBe(413);
  });
});

describe('the template', () => {
  it('has the headers, dropdown lists from the codelists and the user’s regions, and instructions', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/ledger/template.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const body = response.rawPayload;
    const sheet = await readXlsx(body, '项目台账');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual([
      '*投资项目统一代码',
      '*项目名称',
      '*项目单位',
      '统一社会信用代码',
      '*所属区域',
    ]);
    const category = headers.indexOf('*项目类别') + 1;
    const validation = sheet.getCell(2, category).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    const lists = sheet.workbook.getWorksheet('代码表');
    expect(lists?.state).toBe('hidden');
    const listColumns = (lists?.getRow(1).values as unknown[]).slice(1);
    const regionColumn = listColumns.indexOf('所属区域') + 1;
    const regions = lists?.getColumn(regionColumn).values.slice(2);
    expect(regions).toEqual(expect.arrayContaining(['大庆市', '萨尔图区', '让胡路区']));
    expect(regions).not.toContain('道里区');
    const instructions = sheet.workbook.getWorksheet('说明');
    expect(instructions?.getCell('A1').text).toBe('项目台账导入说明');

    // The empty template itself imports: no rows, no errors.
    const result = resultOf(await upload(admin, body));
    expect(result).toMatchObject({ summary: { rows: 0, errors: 0 }, ignoredColumns: [] });
  });
});

describe('import jobs', () => {
  it('commits as a job whose progress can be polled until it succeeds', async () => {
    const file = await ledgerFile(Array.from({ length: 30 }, () => ledgerRow(OWNER)));
    const before = await projectCount();
    const started = await upload(admin, file, { dryRun: false, async: true });
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<LedgerImportJob>();
    let job = started.json<LedgerImportJob>();
    for (let i = 0; i < 200 && job.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await admin.request({ method: 'GET', url: `/api/v1/ledger/jobs/${id}` })).json<LedgerImportJob>();
    }
    expect(job).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      result: { committed: true, summary: { create: 30 } },
    });
    expect(await projectCount()).toBe(before + 30);
    const stranger = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
    expect((await stranger.request({ method: 'GET', url: `/api/v1/ledger/jobs/${id}` })).statusCode).toBe(404);
  });

  it('refuses a hostile file before starting a job', async () => {
    const response = await upload(admin, zipBomb(400), { dryRun: false, async: true });
    expect(response.statusCode).toBe(400);
  });
});
