import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, parseWan, reportListQuery, sumFen, type ReportState } from '@keyprojects/core';
import {
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
  actorOf,
} from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import type { Actor } from '../../auth/actor.ts';
import { multipart } from '../../../../test/upload.ts';
import { readXlsx, resultOf } from '../ledger.fixtures.ts';
import { reportListRows, type ReportListRow } from './report-ledger.query.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;
let adminActor: Actor;
const BULK = 23;
const STATES: ReportState[] = ['submitted', 'approved', 'draft', 'returned', 'confirmed'];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { name: '大庆月报导出测试有限公司' });
  const adminUser = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  admin = await signIn(ctx.app, adminUser);
  adminActor = actorOf(adminUser, 'city_admin', { regionCode: '230600' });
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  const create = async (overrides: Record<string, unknown>) => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(org, overrides),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  const file = async (projectId: number, body: Record<string, unknown>) => {
    const url = `/api/v1/projects/${projectId}/reports/2021/4`;
    const response = await admin.request({ method: 'PUT', url, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return url;
  };
  const formula = await create({ name: '=HYPERLINK("http://evil.example","点击")' });
  const url = await file(formula, {
    completedThisMonth: '1250.5',
    progressText: '+1 主体封顶',
    progressPercent: 35,
    workers: 120,
    started: true,
    startedOn: '2021-04-08',
    submit: true,
  });
  expect(
    // Approved by another reviewer than the one who filed it (no self-approval).
    (await staff.request({ method: 'POST', url: `${url}/review`, payload: { decision: 'approve' } })).statusCode,
  ).toBe(200);
  await file(await create({ name: '@SUM(A1:A9)', regionCode: '230604', code: '2103-230604-04-01-100001' }), {
    completedThisMonth: '0.000001',
    progressText: '-2+3',
  });
  await create({ name: '未填报项目' });
  // Bulk reports (straight into the tables) in every state, to cross several keyset batches.
  const projects = await ctx.db
    .insertInto('projects')
    .values(
      Array.from({ length: BULK }, (_, i) => ({
        code: `2103-230603-04-01-${String(300000 + i)}`,
        name: `批量月报项目${i}`,
        owner_org_id: org,
        region_code: i % 2 === 0 ? '230602' : '230603',
        levels: ['municipal' as const],
        category: 'industry' as const,
        nature: 'new' as const,
        total_investment: 100_000_000n,
        stage: 'construction',
        tags: [],
        in_statistics: true,
      })),
    )
    .returning('id')
    .execute();
  await ctx.db
    .insertInto('annual_plans')
    .values(
      projects.map((p, i) => ({
        project_id: p.id,
        year: 2021,
        planned_investment: BigInt(1 + i) * 1_000_000n,
        nature: 'new' as const,
        planned_new_start: true,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('monthly_reports')
    .values(
      projects
        .filter((_, i) => i % 6 !== 5)
        .map((p, i) => ({
          project_id: p.id,
          year: 2021,
          month: 4,
          state: STATES[i % STATES.length] ?? 'draft',
          completed_this_month: BigInt(i * 12_345 + 7),
          workers: i,
        })),
    )
    .execute();
}, 120_000);
afterAll(() => ctx.close());

interface ListBody {
  items: { projectCode: string; completedThisMonth: string | null; annualPlan: string; state: string }[];
  total: number;
}

/** Every item of the review desk over all its pages. */
async function listAll(client: Client, query: string) {
  const items: ListBody['items'] = [];
  for (let page = 1; ; page += 1) {
    const response = await client.request({ method: 'GET', url: `/api/v1/reports?${query}&pageSize=5&page=${page}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ListBody>();
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return { items, total: body.total };
  }
}

async function exported(client: Client, query: string) {
  const response = await client.request({ method: 'GET', url: `/api/v1/exports/monthly-reports.xlsx?${query}` });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return { response, sheet: await readXlsx(response.rawPayload) };
}

function column(sheet: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const index = (sheet.getRow(1).values as unknown[]).indexOf(header);
  expect(index, header).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) cells.push(row.getCell(index));
  });
  return cells;
}
const fenOfCells = (cells: ExcelJS.Cell[]) =>
  sumFen(cells.flatMap((cell) => (cell.value === null ? [] : [parseWan(cell.value as number) ?? 0n])));

describe('the monthly-reports export', () => {
  it.each([
    ['the city', 'year=2021&month=4', () => admin],
    ['a district', 'year=2021&month=4', () => staff],
    ['a state tab', 'year=2021&month=4&state=draft', () => admin],
    ['a region and a search', 'year=2021&month=4&regionCode=230603&q=' + encodeURIComponent('批量'), () => admin],
  ])('totals exactly what the review desk lists for %s, in its order', async (_name, query, client) => {
    const list = await listAll(client(), query);
    const { sheet } = await exported(client(), query);
    expect(list.total).toBeGreaterThan(0);
    expect(column(sheet, '投资项目统一代码').map((cell) => cell.value)).toEqual(list.items.map((i) => i.projectCode));
    const apiMonth = sumFen(
      list.items.flatMap((i) => (i.completedThisMonth ? [parseWan(i.completedThisMonth) ?? 0n] : [])),
    );
    expect(fenOfCells(column(sheet, '本月完成投资（万元）'))).toBe(apiMonth);
    expect(fenOfCells(column(sheet, '年度计划投资（万元）'))).toBe(
      sumFen(list.items.map((i) => parseWan(i.annualPlan) ?? 0n)),
    );
  });

  it('neutralises text that begins like a formula and writes amounts, rates and dates as such', async () => {
    const { response, sheet } = await exported(admin, 'year=2021&month=4');
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E6%9C%88%E6%8A%A5/);
    const names = column(sheet, '项目名称').map((cell) => cell.value);
    expect(names).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example","点击")', "'@SUM(A1:A9)"]));
    expect(column(sheet, '形象进度').map((cell) => cell.value)).toEqual(
      expect.arrayContaining(["'+1 主体封顶", "'-2+3"]),
    );
    const row = names.indexOf('\'=HYPERLINK("http://evil.example","点击")');
    const cell = (header: string) => column(sheet, header)[row];
    expect(cell('本月完成投资（万元）')).toMatchObject({ value: 1250.5, numFmt: '#,##0.00' });
    expect(cell('本年累计完成投资（万元）')?.value).toBe(1250.5);
    // 1250.5 of a 5000 plan: 25.01%, as a fraction under a percentage format.
    expect(cell('投资完成率')).toMatchObject({ value: 0.2501, numFmt: '0.00%' });
    expect(cell('形象进度（%）')?.value).toBe(35);
    expect(cell('开工日期')?.value).toEqual(new Date(Date.UTC(2021, 3, 8)));
    expect(cell('填报状态')?.value).toBe('县区已审核');
    expect(cell('是否开工')?.value).toBe('是');
  });

  it('reads the list in keyset batches in the desk’s order', async () => {
    const query = reportListQuery.parse({ year: '2021', month: '4' });
    const codes: string[] = [];
    let batches = 0;
    for await (const batch of reportListRows(ctx.db, adminActor, query, 4)) {
      batches += 1;
      codes.push(...batch.map((row) => row.code));
    }
    expect(batches).toBeGreaterThan(5);
    expect(codes).toEqual((await listAll(admin, 'year=2021&month=4')).items.map((i) => i.projectCode));
  });

  it('shows each project as the review desk lists it (the export’s SQL rows pinned to the list’s items)', async () => {
    const query = reportListQuery.parse({ year: '2021', month: '4' });
    const rows: ReportListRow[] = [];
    for await (const batch of reportListRows(ctx.db, adminActor, query)) rows.push(...batch);
    const { items } = await listAll(admin, 'year=2021&month=4');
    // The export has no submission time (nor its application-date form) nor the report version (the desk's batch
    // decision sends it back).
    const listed = (
      items as ({ submittedAt?: unknown; effectiveAt?: unknown; version?: unknown } & Record<string, unknown>)[]
    ).map(({ submittedAt: _s, effectiveAt: _e, version: _v, ...item }) => item);
    const asListed = rows.map((row) => ({
      projectId: row.projectId,
      projectName: row.name,
      projectCode: row.code,
      ownerName: row.ownerName,
      regionName: row.regionName,
      state: row.state,
      completedThisMonth: row.completedThisMonth === null ? null : formatWan(row.completedThisMonth),
      annualPlan: formatWan(row.annualPlan),
    }));
    expect(asListed).toEqual(listed);
  });

  it('refuses an export without its period, naming the field', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/exports/monthly-reports.xlsx?month=4' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toEqual(['year']);
  });

  it('imports back into the same period without changing anything', async () => {
    const { response } = await exported(staff, 'year=2021&month=4');
    const before = await ctx.db.selectFrom('monthly_reports').selectAll().orderBy('id').execute();
    const body = multipart(response.rawPayload);
    const imported = await staff.request({
      method: 'POST',
      url: '/api/v1/ledger/import?kind=monthly-reports&year=2021&month=4&dryRun=false',
      payload: body.payload,
      headers: body.headers,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const result = resultOf(imported);
    expect(result.summary).toMatchObject({ create: 0, update: 0, errors: 0 });
    expect(result.summary.unchanged).toBeGreaterThan(0);
    expect(await ctx.db.selectFrom('monthly_reports').selectAll().orderBy('id').execute()).toEqual(before);
  });
});

describe('the period template', () => {
  it('lists the actor’s projects of the year with the figures already filed', async () => {
    const response = await staff.request({
      method: 'GET',
      url: '/api/v1/ledger/template.xlsx?kind=monthly-reports&year=2021&month=4',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const sheet = await readXlsx(response.rawPayload, '月报台账');
    const list = await listAll(staff, 'year=2021&month=4');
    expect(column(sheet, '*投资项目统一代码').map((cell) => cell.value)).toEqual(list.items.map((i) => i.projectCode));
    const names = column(sheet, '项目名称').map((cell) => cell.value);
    const row = names.indexOf('\'=HYPERLINK("http://evil.example","点击")');
    expect(column(sheet, '*本月完成投资（万元）')[row]?.value).toBe(1250.5);
    expect(column(sheet, '施工人数')[row]?.value).toBe(120);
    expect(names).toContain('未填报项目');
    const instructions = await readXlsx(response.rawPayload, '说明');
    expect(instructions.getRow(1).getCell(1).text).toContain('2021年4月');

    // The district fills in the blank project and imports the file: one report created, the rest untouched.
    const blank = names.indexOf('未填报项目') + 2;
    const amountColumn = (sheet.getRow(1).values as unknown[]).indexOf('*本月完成投资（万元）');
    sheet.getRow(blank).getCell(amountColumn).value = 66.6;
    const filled = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    const body = multipart(filled);
    const imported = await staff.request({
      method: 'POST',
      url: '/api/v1/ledger/import?kind=monthly-reports&year=2021&month=4&dryRun=false',
      payload: body.payload,
      headers: body.headers,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(resultOf(imported).summary).toMatchObject({ create: 1, update: 0, errors: 0 });
  });

  it('keeps the project template as the default and wants the period for monthly reports', async () => {
    const projects = await staff.request({ method: 'GET', url: '/api/v1/ledger/template.xlsx' });
    expect(projects.statusCode).toBe(200);
    expect((await readXlsx(projects.rawPayload)).name).toBe('项目台账');
    const missing = await staff.request({
      method: 'GET',
      url: '/api/v1/ledger/template.xlsx?kind=monthly-reports&year=2021',
    });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json<{ error: { fields: object } }>().error.fields)).toEqual(['month']);
  });
});
