import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWan, sumFen, projectListQuery } from '@keyprojects/core';
import {
  buildProject,
  createOrganization,
  createTestUser,
  signIn,
  type Client,
  actorOf,
} from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { readXlsx, resultOf, upload } from '../ledger.fixtures.ts';
import type { Actor } from '../../auth/actor.ts';
import { exportRows } from './project-ledger.export.query.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;
let ownerId: number;
const BULK = 300;
let adminActor: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerId = await createOrganization(ctx.db, { name: '大庆台账导出测试有限公司' });
  const adminUser = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  admin = await signIn(ctx.app, adminUser);
  adminActor = actorOf(adminUser, 'city_admin', { regionCode: '230600' });
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  const create = async (overrides: Record<string, unknown>) => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { ...buildProject(ownerId), ...overrides },
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  await create({ name: '=HYPERLINK("http://evil.example","点击")', totalInvestment: '12500.50' });
  await create({ name: '@SUM(A1:A9)', totalInvestment: '0.000001', contactPhone: '+86 459 1234567' });
  await create({ name: '-2+3', totalInvestment: '99999999.99', category: 'social' });
  await create({ name: '制表符开头', totalInvestment: '3', regionCode: '230604', code: '2103-230604-04-01-100001' });
  // The API trims names; older data (or other writers) can still hold a leading tab.
  await ctx.db
    .updateTable('projects')
    .set({ name: '\t制表符开头' })
    .where('code', '=', '2103-230604-04-01-100001')
    .execute();
  // Bulk rows (straight into the tables) to cross several keyset batches, with ties and nulls in the sort keys.
  const rows = Array.from({ length: BULK }, (_, i) => ({
    code: `2103-230603-04-01-${String(200000 + i)}`,
    name: `批量项目${i % 7}`,
    owner_org_id: ownerId,
    region_code: i % 3 === 0 ? '230602' : '230603',
    levels: ['municipal' as const],
    category: i % 2 === 0 ? ('industry' as const) : ('infrastructure' as const),
    nature: 'new' as const,
    total_investment: BigInt(1 + (i % 50)) * 1_000_000n + BigInt(i % 3),
    planned_start_date: i % 4 === 0 ? null : `2021-0${1 + (i % 9)}-15`,
    stage: 'construction',
    tags: [],
    in_statistics: i % 2 === 0,
  }));
  const inserted = await ctx.db.insertInto('projects').values(rows).returning(['id']).execute();
  await ctx.db
    .insertInto('annual_plans')
    .values(
      inserted
        .filter((_, i) => i % 5 !== 0)
        .map((row, i) => ({
          project_id: row.id,
          year: 2021,
          planned_investment: BigInt(i % 10) * 1_000_000n,
          nature: 'new' as const,
          planned_new_start: true,
        })),
    )
    .execute();
}, 120_000);
afterAll(() => ctx.close());

interface ListBody {
  items: { code: string; totalInvestment: string }[];
  total: number;
}

/** Every item of the list over all pages. */
async function listAll(client: Client, query: string) {
  const items: ListBody['items'] = [];
  for (let page = 1; ; page += 1) {
    const response = await client.request({
      method: 'GET',
      url: `/api/v1/projects?${query}&pageSize=200&page=${page}`,
    });
    const body = response.json<ListBody>();
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

async function exported(client: Client, query = '') {
  const response = await client.request({ method: 'GET', url: `/api/v1/exports/projects.xlsx?${query}` });
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

describe('the projects export', () => {
  it('neutralises text that begins like a formula and keeps numbers as numbers', async () => {
    const { response, sheet } = await exported(admin, 'q=' + encodeURIComponent('=HYPERLINK'));
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const names = column(sheet, '项目名称').map((cell) => cell.value);
    expect(names).toEqual(['\'=HYPERLINK("http://evil.example","点击")']);
    const all = await exported(admin);
    const values = column(all.sheet, '项目名称').map((cell) => cell.value);
    expect(values).toEqual(expect.arrayContaining(["'@SUM(A1:A9)", "'-2+3", "'\t制表符开头"]));
    expect(column(all.sheet, '联系电话').map((cell) => cell.value)).toContain("'+86 459 1234567");
    const totals = column(all.sheet, '总投资（万元）');
    expect(totals.every((cell) => typeof cell.value === 'number')).toBe(true);
    expect(totals[0]?.numFmt).toBe('#,##0.00');
    expect(all.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(all.sheet.autoFilter).toBeTruthy();
  });

  it('totals exactly what the API lists over all its pages', async () => {
    const { sheet } = await exported(admin);
    const cells = column(sheet, '总投资（万元）');
    const fromFile = sumFen(
      cells.map((cell) => (typeof cell.value === 'number' ? parseWan(String(cell.value)) : null) ?? -1_000_000_000n),
    );
    const items = await listAll(admin, '');
    expect(cells).toHaveLength(items.length);
    expect(items.length).toBe(BULK + 4);
    const fromApi = sumFen(items.map((item) => parseWan(item.totalInvestment) ?? 0n));
    expect(fromFile).toBe(fromApi);
    const yi = column(sheet, '总投资（亿元）').map((cell) => cell.value);
    expect(yi[0]).toBeTypeOf('number');
  });

  it('follows the list’s filters, sort order and region scope', async () => {
    for (const query of [
      'category=industry&sort=plannedStartDate&order=asc',
      'sort=annualPlan&order=desc&planYear=2021',
      'sort=totalInvestment&order=asc&minInvestment=10',
      'q=' + encodeURIComponent('批量项目3'),
    ]) {
      const { sheet } = await exported(admin, query);
      const codes = column(sheet, '投资项目统一代码').map((cell) => cell.value);
      expect(codes, query).toEqual((await listAll(admin, query)).map((item) => item.code));
    }
    const scoped = column((await exported(staff)).sheet, '所属区域').map((cell) => cell.value);
    expect(new Set(scoped)).toEqual(new Set(['萨尔图区']));
    expect(scoped).toHaveLength((await listAll(staff, '')).length);
  });

  it('continues each keyset batch exactly where the last ended, through ties and nulls', async () => {
    const queries: Record<string, string>[] = [
      {},
      { sort: 'plannedStartDate', order: 'asc' },
      { sort: 'plannedStartDate', order: 'desc' },
      { sort: 'annualPlan', order: 'asc', planYear: '2021' },
      { sort: 'name', order: 'desc' },
      { sort: 'totalInvestment', order: 'asc', category: 'industry' },
    ];
    for (const raw of queries) {
      const query = projectListQuery.parse(raw);
      const codes: string[] = [];
      for await (const batch of exportRows(ctx.db, adminActor, query, query.planYear ?? 2021, 7)) {
        expect(batch.length).toBeLessThanOrEqual(7);
        codes.push(...batch.map((row) => row.code));
      }
      const listed = await listAll(admin, new URLSearchParams(raw).toString());
      expect(codes, JSON.stringify(raw)).toEqual(listed.map((item) => item.code));
    }
  });

  it('starts each row from the project as the API shows it', async () => {
    const query = projectListQuery.parse({ regionCode: '230602', sort: 'code' });
    for await (const batch of exportRows(ctx.db, adminActor, query, 2021)) {
      for (const row of batch.slice(0, 3)) {
        const shown = await admin.request({ method: 'GET', url: `/api/v1/projects/${row.id}` });
        const { fundingSources: _f, annualPlans, ...project } = shown.json<Record<string, unknown>>();
        const { fundingSources: _ef, annualPlans: exportedPlans, stageName: _s, ...exportedProject } = row;
        expect(exportedProject).toEqual(project);
        expect(exportedPlans).toEqual((annualPlans as { year: number }[]).filter((plan) => plan.year === 2021));
      }
      break;
    }
  });

  it('validates the query like the list and 404s an unknown export', async () => {
    const bad = await admin.request({ method: 'GET', url: '/api/v1/exports/projects.xlsx?sort=bogus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation');
    expect((await admin.request({ method: 'GET', url: '/api/v1/exports/nothing.xlsx' })).statusCode).toBe(404);
  });

  it('imports back unchanged', async () => {
    const { response } = await exported(admin, 'regionCode=230602&sort=code');
    const result = resultOf(await upload(admin, response.rawPayload));
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns.map((c) => c.reason)).toEqual(['derived']);
    expect(result.summary.unchanged).toBe(result.summary.rows);
    expect(result.summary.rows).toBeGreaterThan(BULK / 3);
  });
});
