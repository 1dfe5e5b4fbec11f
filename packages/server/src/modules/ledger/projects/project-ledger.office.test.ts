import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { rowCount } from '../../../../test/audit.ts';
import { expectRollupAsRebuilt } from '../../../../test/rollup.ts';
import { resultOf } from '../ledger.fixtures.ts';
import {
  OFFICE_FIRST_ROW,
  officeLedgerFile,
  officeProject,
  uploadWith,
  type OfficeProject,
} from '../ledger.office-fixtures.ts';

let ctx: TestContext;
let district: Client;
let city: Client;
const KNOWN = '大庆萨尔图台账测试实业有限公司';
const NEW_A = '萨尔图区城市建设投资有限公司';
const NEW_B = '大庆新材料科技有限公司';

beforeAll(async () => {
  // The ledger reports January to September 2021: the application's date is after that.
  ctx = await createTestContext({ today: '2021-10-20' });
  await createOrganization(ctx.db, { name: KNOWN, regionCode: '230602' });
  district = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const figures = async (client: Client, asOf: string) =>
  (await client.request({ method: 'GET', url: `/api/v1/stats/figures?asOf=${asOf}&regionCode=230602` })).json<{
    figures: { completedYtd: string };
  }>().figures;

describe("a district office's own annual ledger", () => {
  const projects: OfficeProject[] = Array.from({ length: 124 }, (_, index) =>
    officeProject(index === 7 ? NEW_B : index % 10 === 3 ? NEW_A : KNOWN),
  );

  it('previews 120+ projects from the office layout with zero errors, its mapping and the owners to create', async () => {
    const before = { projects: await rowCount(ctx.db, 'projects'), orgs: await rowCount(ctx.db, 'organizations') };
    const result = resultOf(await uploadWith(district, await officeLedgerFile(projects)));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ headerRow: 3, dryRun: true, committed: false });
    expect(result.summary).toMatchObject({ rows: 127, create: 124, skipped: 3, invalid: 0, errors: 0 });
    expect(result.columns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: 'B', header: '项目代码', field: 'code' }),
        expect.objectContaining({ column: 'I', header: '2021年计划投资', field: 'annualPlan.2021', period: '2021' }),
        expect.objectContaining({
          column: 'J',
          header: '2021年1-9月完成投资',
          field: 'completedYtd.2021-09',
          period: '2021-09',
        }),
        expect.objectContaining({ column: 'K', field: 'progressText' }),
        expect.objectContaining({ column: 'L', field: 'responsibleUnit' }),
        expect.objectContaining({ column: 'M', header: '包联县级领导', field: 'responsibleLeader' }),
      ]),
    );
    expect(result.columns.some((column) => column.field === 'region')).toBe(false);
    expect([...result.newOrganizations].sort()).toEqual([NEW_A, NEW_B].sort());
    expect(result.rows.filter((row) => row.action === 'skipped').map((row) => row.row)).toEqual([129, 130, 131]);
    expect(await rowCount(ctx.db, 'projects')).toBe(before.projects);
    expect(await rowCount(ctx.db, 'organizations')).toBe(before.orgs);
  });

  it('commits projects, new owners and the year-to-date figures, which the statistics of that date count', async () => {
    const before = await figures(city, '2021-09-30');
    const augustBefore = await figures(city, '2021-08-31');
    const response = await uploadWith(district, await officeLedgerFile(projects), { dryRun: false });
    const result = resultOf(response);
    expect(response.statusCode).toBe(200);
    expect(result).toMatchObject({ committed: true, summary: { create: 124, errors: 0 } });
    expect(result.importId).toMatch(/^[0-9a-f-]{36}$/);

    const owners = await ctx.db
      .selectFrom('organizations')
      .select(['name', 'region_code'])
      .where('name', 'in', [NEW_A, NEW_B])
      .execute();
    expect(owners.map((owner) => owner.region_code)).toEqual(['230602', '230602']);
    const created = await ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'organization')
      .where('action', '=', 'create')
      .execute();
    expect(created.length).toBeGreaterThanOrEqual(2);

    const first = projects[0];
    const project = await ctx.db
      .selectFrom('projects')
      .select(['id', 'region_code', 'responsible_unit', 'responsible_leader', 'levels', 'nature'])
      .where('code', '=', first?.code ?? '')
      .executeTakeFirstOrThrow();
    expect(project).toMatchObject({
      region_code: '230602',
      responsible_unit: '区住建局',
      responsible_leader: '王副区长',
    });

    const reports = await ctx.db
      .selectFrom('monthly_reports')
      .select(['project_id', 'year', 'month', 'state', 'completed_this_month', 'progress_text', 'source', 'import_id'])
      .where('import_id', '=', result.importId ?? '')
      .execute();
    expect(reports).toHaveLength(124);
    expect(reports.find((report) => report.project_id === project.id)).toMatchObject({
      year: 2021,
      month: 9,
      state: 'confirmed',
      completed_this_month: BigInt(Number(first?.ytd) * 10_000 * 100),
      progress_text: '主体结构施工中',
      source: 'import',
    });

    // The statistics as of the ledger's date count the imported figures; the month before does not.
    const ytdSum = projects.reduce((sum, p) => sum + Number(p.ytd), 0);
    const after = await figures(city, '2021-09-30');
    expect(Number(after.completedYtd) - Number(before.completedYtd)).toBeCloseTo(ytdSum, 2);
    expect((await figures(city, '2021-08-31')).completedYtd).toBe(augustBefore.completedYtd);
    const august = await sql<{ total: string }>`select coalesce(sum(completed_this_month), 0)::text as total
      from monthly_reports where year = 2021 and month <= 8 and source = 'import'`.execute(ctx.db);
    expect(august.rows[0]?.total).toBe('0');
    // The import took its plans into the rollup in one statement after its last chunk: what the triggers would hold.
    await expectRollupAsRebuilt(ctx.db);
  });

  it('leaves the file unchanged on a second import (the figures are already recorded)', async () => {
    const result = resultOf(await uploadWith(district, await officeLedgerFile(projects)));
    expect(result.summary).toMatchObject({ create: 0, update: 0, unchanged: 124, errors: 0 });
    expect(result.newOrganizations).toEqual([]);
  });
});

describe('choices of the import', () => {
  it('asks a city user for the region of a file without a region column, once, then takes the one chosen', async () => {
    const file = await officeLedgerFile([officeProject(KNOWN), officeProject(KNOWN)]);
    const asked = resultOf(await uploadWith(city, file));
    expect(asked.errors).toEqual([
      expect.objectContaining({ field: 'region', message: expect.stringMatching(/选择区域/) }),
    ]);
    const chosen = resultOf(await uploadWith(city, file, { region: '230602' }));
    expect(chosen.errors).toEqual([]);
    expect(chosen.summary.create).toBe(2);
  });

  it('takes the corrected mapping: a column for a field, a column ignored, a period chosen', async () => {
    const file = await officeLedgerFile([officeProject(KNOWN)], {
      headers: { 责任单位: '备用列一', 形象进度: '备用列二' },
    });
    const preview = resultOf(await uploadWith(district, file));
    expect(preview.ignoredColumns.map((column) => column.header)).toEqual(
      expect.arrayContaining(['备用列一', '备用列二']),
    );
    const corrected = resultOf(
      await uploadWith(district, file, { mapping: { L: 'responsibleUnit', K: 'progressText', M: 'ignore' } }),
    );
    expect(corrected.columns).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'L', field: 'responsibleUnit', corrected: true })]),
    );
    expect(corrected.ignoredColumns).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'M', reason: 'ignored' })]),
    );
    expect(corrected.errors).toEqual([]);

    const other = await officeLedgerFile([officeProject(KNOWN)]);
    const asMapped = resultOf(await uploadWith(district, other, { mapping: { J: 'completedYtd.2021-06' } }));
    expect(asMapped.columns).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'J', field: 'completedYtd.2021-06' })]),
    );
    const bad = await uploadWith(district, other, { mapping: { J: 'nonsense.2021' } });
    expect(resultOf(bad).errors).toEqual([
      expect.objectContaining({ column: 'J', message: expect.stringMatching(/不是可导入的字段/) }),
    ]);
  });

  it('names every truly bad cell by the file row and header, without a required-marker, and writes nothing', async () => {
    const rows = [
      officeProject(KNOWN),
      officeProject(KNOWN, { total: '约2亿' }),
      officeProject(KNOWN, { level: '国家级' }),
      officeProject(KNOWN, { ytd: -5 }),
      officeProject(KNOWN),
    ];
    const before = { projects: await rowCount(ctx.db, 'projects'), reports: await rowCount(ctx.db, 'monthly_reports') };
    const response = await uploadWith(district, await officeLedgerFile(rows), { dryRun: false });
    expect(response.statusCode).toBe(400);
    const result = resultOf(response);
    expect(result.errors.map((error) => [error.row, error.column, error.header])).toEqual([
      [OFFICE_FIRST_ROW + 1, 'H', '总投资（万元）'],
      [OFFICE_FIRST_ROW + 2, 'E', '项目级别'],
      [OFFICE_FIRST_ROW + 3, 'J', '2021年1-9月完成投资'],
    ]);
    expect(result.errors.every((error) => !error.header?.includes('*'))).toBe(true);
    expect(await rowCount(ctx.db, 'projects')).toBe(before.projects);
    expect(await rowCount(ctx.db, 'monthly_reports')).toBe(before.reports);
  });
});
