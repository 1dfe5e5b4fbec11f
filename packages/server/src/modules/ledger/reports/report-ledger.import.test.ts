import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWan } from '@keyprojects/core';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { fixedClock } from '../../../clock.ts';
import { run as lockPeriods } from '../../../jobs/lock-periods.job.ts';
import { multipart } from '../../../../test/upload.ts';
import { ledgerFile, resultOf, type TestRow } from '../ledger.fixtures.ts';
import { changeAuditRows, rowCount } from '../../../../test/audit.ts';

const HEADERS = [
  '投资项目统一代码',
  '项目名称',
  '本月完成投资（万元）',
  '形象进度',
  '形象进度（%）',
  '施工人数',
  '施工机械（台）',
  '建设阶段',
  '是否开工',
  '开工日期',
] as const;

interface Figures {
  completedYtd: string;
  startedNew: number;
  startedOrResumed: number;
}

let ctx: TestContext;
let city: Client;
let staff: Client;
let owner: Client;
/** Project codes and ids: three in 萨尔图区 (the staff's district), one in 让胡路区. */
const code: string[] = [];
const id: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2021-05-20' });
  const org = await createOrganization(ctx.db, { regionCode: '230602' });
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  owner = await signIn(ctx.app, await createTestUser(ctx.db, 'owner', { organizationId: org }));
  for (const region of ['230602', '230602', '230602', '230604', '230602']) {
    const response = await city.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(org, { regionCode: region }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const project = response.json<{ id: number; code: string }>();
    code.push(project.code);
    id.push(project.id);
  }
});
afterAll(() => ctx.close());

/** Uploads a monthly-report ledger to POST /ledger/import for a period. */
function importReports(
  client: Client,
  file: Buffer,
  query: { year?: number; month?: number; dryRun?: boolean; lang?: 'en' } = {},
) {
  const body = multipart(file);
  const search = new URLSearchParams({ kind: 'monthly-reports', dryRun: String(query.dryRun ?? true) });
  if (query.year !== undefined) search.set('year', String(query.year));
  if (query.month !== undefined) search.set('month', String(query.month));
  return client.request({
    method: 'POST',
    url: `/api/v1/ledger/import?${search.toString()}`,
    payload: body.payload,
    headers: { ...body.headers, ...(query.lang ? { 'accept-language': 'en' } : {}) },
  });
}
const reports = (rows: TestRow[]) => ledgerFile(rows, { headers: HEADERS, sheet: '月报台账' });
const april = { year: 2021, month: 4 };

const counts = async () => {
  const n = (table: 'monthly_reports' | 'report_corrections') => rowCount(ctx.db, table);
  return {
    reports: await n('monthly_reports'),
    audit: await changeAuditRows(ctx.db),
    corrections: await n('report_corrections'),
  };
};
const dashboard = async (asOf = '2021-05-20') => {
  const response = await city.request({ method: 'GET', url: `/api/v1/stats/dashboard?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ figures: Figures }>().figures;
};
const fen = (wan: string) => parseWan(wan) ?? 0n;
const report = async (projectId: number, month = 4) =>
  (await city.request({ method: 'GET', url: `/api/v1/projects/${projectId}/reports/2021/${month}` })).json<{
    state: string;
    completedThisMonth: string;
    completedYtd: string;
    workers: number | null;
    stage: string | null;
    started: boolean;
    startedOn: string | null;
    version: number;
  }>();
const reportAudit = (projectId: number) =>
  ctx.db
    .selectFrom('audit_log')
    .innerJoin('monthly_reports as r', (j) => j.on(sql<boolean>`audit_log.entity_id = r.id::text`))
    .where('audit_log.entity_type', '=', 'report')
    .where('r.project_id', '=', projectId)
    .select(['audit_log.action', 'audit_log.before', 'audit_log.after', 'r.month'])
    .orderBy('audit_log.id')
    .execute();

/** Approves the reports on the review desk as the city (a reviewer other than the importing district staff). */
async function approveByCity(projectIds: (number | undefined)[], month = 4) {
  for (const projectId of projectIds) {
    const response = await city.request({
      method: 'POST',
      url: `/api/v1/projects/${projectId ?? 0}/reports/2021/${month}/review`,
      payload: { decision: 'approve' },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
}

describe('importing a period’s monthly-report ledger', () => {
  const rows = (): TestRow[] => [
    {
      投资项目统一代码: code[0] ?? '',
      项目名称: '（导入时忽略）',
      '本月完成投资（万元）': 300.5,
      形象进度: '主体施工',
      '形象进度（%）': '12.5%',
      施工人数: 80,
      '施工机械（台）': 6,
      建设阶段: '在建',
      是否开工: '是',
      开工日期: new Date(Date.UTC(2021, 3, 10)),
    },
    { 投资项目统一代码: code[1] ?? '', '本月完成投资（万元）': '1,200', 形象进度: '土方开挖', 是否开工: '否' },
    // A template row left blank: skipped, not an error.
    { 投资项目统一代码: code[2] ?? '', 项目名称: '未填报项目' },
  ];

  it('previews each row field by field without writing anything', async () => {
    const before = await counts();
    const response = await importReports(staff, await reports(rows()), april);
    expect(response.statusCode, response.body).toBe(200);
    const result = resultOf(response);
    expect(result).toMatchObject({ kind: 'monthly-reports', dryRun: true, committed: false, errors: [] });
    expect(result.summary).toMatchObject({ rows: 3, create: 2, update: 0, unchanged: 0, skipped: 1, errors: 0 });
    expect(result.ignoredColumns).toEqual([expect.objectContaining({ header: '项目名称', reason: 'derived' })]);
    expect(result.rows[0]?.changes).toEqual([
      { field: 'completedThisMonth', header: '本月完成投资（万元）', before: null, after: '300.50' },
      { field: 'progressText', header: '形象进度', before: null, after: '主体施工' },
      { field: 'progressPercent', header: '形象进度（%）', before: null, after: '12.5' },
      { field: 'workers', header: '施工人数', before: null, after: '80' },
      { field: 'machines', header: '施工机械（台）', before: null, after: '6' },
      { field: 'stage', header: '建设阶段', before: null, after: '在建' },
      { field: 'started', header: '是否开工', before: null, after: '是' },
      { field: 'startedOn', header: '开工日期', before: null, after: '2021-04-10' },
      { field: 'state', header: '填报状态', before: null, after: '已提交' },
    ]);
    expect(result.rows[2]).toMatchObject({ action: 'skipped', reason: '未填写本月数据，已跳过' });
    expect(await counts()).toEqual(before);
  });

  it('commits as the district’s submitted reports, which another reviewer approves and the dashboard counts', async () => {
    const figures = await dashboard();
    const before = await counts();
    const response = await importReports(staff, await reports(rows()), { ...april, dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(resultOf(response)).toMatchObject({ committed: true, summary: { create: 2, skipped: 1 } });
    expect((await report(id[0] ?? 0)).state).toBe('submitted');
    await approveByCity([id[0], id[1]]);
    // Per report: filed (create) and approved; the first also moves the project twice in its lifecycle (started on
    // the reported day, under construction at the period's cut-off), each transition with its own audit row.
    expect(await counts()).toEqual({ ...before, reports: before.reports + 2, audit: before.audit + 6 });
    expect(await report(id[0] ?? 0)).toMatchObject({
      state: 'approved',
      completedThisMonth: '300.50',
      completedYtd: '300.50',
      workers: 80,
      stage: 'construction',
      started: true,
      startedOn: '2021-04-10',
    });
    expect((await reportAudit(id[1] ?? 0)).map((a) => a.action)).toEqual(['create', 'approve']);
    const project = await city.request({ method: 'GET', url: `/api/v1/projects/${id[0]}` });
    expect(project.json()).toMatchObject({ stage: 'construction', actualStartDate: '2021-04-10' });

    const after = await dashboard();
    expect(fen(after.completedYtd) - fen(figures.completedYtd)).toBe(fen('1500.5'));
    expect(after.startedNew - figures.startedNew).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const versions = [(await report(id[0] ?? 0)).version, (await report(id[1] ?? 0)).version];
    const response = await importReports(staff, await reports(rows()), { ...april, dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(resultOf(response)).toMatchObject({
      committed: true,
      summary: { unchanged: 2, skipped: 1, create: 0, update: 0 },
    });
    expect(await counts()).toEqual(before);
    expect([(await report(id[0] ?? 0)).version, (await report(id[1] ?? 0)).version]).toEqual(versions);
  });

  it('changes exactly the modified fields of a modified copy, auditing before and after', async () => {
    const modified = rows();
    Object.assign(modified[0] ?? {}, { 施工人数: 95 });
    Object.assign(modified[1] ?? {}, { '本月完成投资（万元）': 1250.25 });
    const figures = await dashboard();
    const preview = resultOf(await importReports(staff, await reports(modified), april));
    expect(preview.summary).toMatchObject({ update: 2, unchanged: 0, skipped: 1, errors: 0 });
    // The import resubmits an approved report: approval is another reviewer's step.
    const resubmitted = { field: 'state', header: '填报状态', before: '县区已审核', after: '已提交' };
    expect(preview.rows[0]?.changes).toEqual([
      { field: 'workers', header: '施工人数', before: '80', after: '95' },
      resubmitted,
    ]);
    expect(preview.rows[1]?.changes).toEqual([
      { field: 'completedThisMonth', header: '本月完成投资（万元）', before: '1200.00', after: '1250.25' },
      resubmitted,
    ]);

    const before = await counts();
    const response = await importReports(staff, await reports(modified), { ...april, dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    await approveByCity([id[0], id[1]]);
    // Each changed report is reopened (return) and filed (submit) by the import, and approved again on the desk.
    expect(await counts()).toEqual({ ...before, audit: before.audit + 6 });
    const trail = await reportAudit(id[0] ?? 0);
    expect(trail.map((a) => a.action)).toEqual(['create', 'approve', 'return', 'submit', 'approve']);
    const submit = trail[3] as { before: Record<string, unknown>; after: Record<string, unknown> };
    const changed = Object.keys(submit.before).filter((key) => submit.before[key] !== submit.after[key]);
    expect(changed).toEqual(['workers']);
    expect(await report(id[0] ?? 0)).toMatchObject({ state: 'approved', workers: 95, completedThisMonth: '300.50' });
    expect(fen((await dashboard()).completedYtd) - fen(figures.completedYtd)).toBe(fen('50.25'));
  });

  it('stores what filing and approving through the API stores, with the same audit rows', async () => {
    const row: TestRow = {
      投资项目统一代码: code[4] ?? '',
      '本月完成投资（万元）': '88.8',
      形象进度: '设备安装',
      施工人数: 12,
      是否开工: '是',
      开工日期: '2021/2/1',
    };
    expect((await importReports(staff, await reports([row]), { year: 2021, month: 3, dryRun: false })).statusCode).toBe(
      200,
    );
    await approveByCity([id[4]], 3);
    const body = {
      completedThisMonth: '88.8',
      progressText: '设备安装',
      workers: 12,
      started: true,
      startedOn: '2021-02-01',
    };
    const url = `/api/v1/projects/${id[4]}/reports/2021/2`;
    expect((await staff.request({ method: 'PUT', url, payload: { ...body, submit: true } })).statusCode).toBe(200);
    await approveByCity([id[4]], 2);
    const trail = await reportAudit(id[4] ?? 0);
    const byMonth = (month: number) =>
      trail
        .filter((a) => a.month === month)
        .map((a) => ({ ...a, month: 0, after: { ...(a.after as object), period: '' } }));
    expect(byMonth(3)).toEqual(byMonth(2));
    const figures = async (month: number) => {
      const { state, completedThisMonth, workers, stage, started, startedOn, version } = await report(
        id[4] ?? 0,
        month,
      );
      return { state, completedThisMonth, workers, stage, started, startedOn, version };
    };
    expect(await figures(3)).toEqual(await figures(2));
  });
});

describe('refusing bad rows, writing nothing', () => {
  it('reports each bad row with its row, column and reason', async () => {
    const bad: TestRow[] = [
      { 投资项目统一代码: '2103-230602-04-01-999999', '本月完成投资（万元）': 1 },
      { 投资项目统一代码: code[3] ?? '', '本月完成投资（万元）': 1 },
      { 投资项目统一代码: code[2] ?? '', '本月完成投资（万元）': -100 },
      { 投资项目统一代码: code[2] ?? '', '本月完成投资（万元）': '三百' },
      { 投资项目统一代码: code[4] ?? '', '本月完成投资（万元）': 5, 是否开工: '是', 开工日期: '2021.4.1' },
      { 投资项目统一代码: code[4] ?? '', '本月完成投资（万元）': 5, 施工人数: -3, 建设阶段: '快完了' },
      { 投资项目统一代码: '', '本月完成投资（万元）': 5, 是否开工: '是' },
    ];
    const before = await counts();
    const response = await importReports(staff, await reports(bad), { ...april, dryRun: false });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('ledger.invalid');
    const result = resultOf(response);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      // Unknown and out of scope answer alike: a row never reveals that a code exists elsewhere.
      [2, 'A', '未找到投资项目统一代码为“2103-230602-04-01-999999”的项目，或该项目不在本账号的管辖范围内'],
      [3, 'A', `未找到投资项目统一代码为“${code[3]}”的项目，或该项目不在本账号的管辖范围内`],
      [4, 'C', '本月数会使年度累计完成投资小于零'],
      [5, 'A', '与第 4 行的投资项目统一代码重复'],
      [5, 'C', '应为金额（万元，数字，最多六位小数）'],
      [6, 'J', '日期“2021.4.1”格式不正确，应为 Excel 日期或 YYYY-MM-DD、YYYY/M/D 形式的文本'],
      [7, 'A', '与第 6 行的投资项目统一代码重复'],
      [7, 'F', expect.stringContaining('>=0')],
      [7, 'H', expect.stringContaining('“快完了”不是有效的建设阶段')],
      [8, 'A', '必填'],
      [8, 'J', '必填'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers in English for an English request', async () => {
    const file = await reports([{ 投资项目统一代码: code[2] ?? '', '本月完成投资（万元）': 'abc' }]);
    const result = resultOf(await importReports(staff, file, { ...april, lang: 'en' }));
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'C', header: '本月完成投资（万元）' });
    expect(result.errors[0]?.message).toMatch(/[a-z]/);
  });

  it('refuses a period that has not begun, and a monthly-report import without its period', async () => {
    const before = await counts();
    const file = await reports([{ 投资项目统一代码: code[2] ?? '', '本月完成投资（万元）': 1 }]);
    const future = await importReports(staff, file, { year: 2021, month: 6, dryRun: false });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      month: '不能填报尚未开始的月份',
    });
    const missing = await importReports(staff, file, { month: 4 });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual(['year']);
    expect(await counts()).toEqual(before);
  });

  it('lets an owner submit for review only, and refuses a change to what the district approved', async () => {
    const before = await dashboard();
    const file = await reports([{ 投资项目统一代码: code[2] ?? '', '本月完成投资（万元）': 40 }]);
    const response = await importReports(owner, file, { ...april, dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect((await report(id[2] ?? 0)).state).toBe('submitted');
    expect((await dashboard()).completedYtd).toBe(before.completedYtd);

    const counted = await counts();
    const change = await reports([{ 投资项目统一代码: code[0] ?? '', '本月完成投资（万元）': 1 }]);
    const refused = resultOf(await importReports(owner, change, { ...april, dryRun: false }));
    expect(refused.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'A', message: '该项目本期月报状态为“县区已审核”，不能通过台账修改' }),
    ]);
    expect(await counts()).toEqual(counted);
  });
});

describe('a locked period', () => {
  it('takes the same file again unchanged but refuses any change, pointing to corrections', async () => {
    const march: TestRow[] = [
      { 投资项目统一代码: code[0] ?? '', '本月完成投资（万元）': 100, 是否开工: '是', 开工日期: '2021-03-15' },
    ];
    const file = await reports(march);
    expect((await importReports(staff, file, { year: 2021, month: 3, dryRun: false })).statusCode).toBe(200);
    const locked = await lockPeriods({ db: ctx.db, clock: fixedClock('2021-04-06') });
    expect(locked.locked).toContain('2021-03');

    const before = await counts();
    const again = await importReports(staff, file, { year: 2021, month: 3, dryRun: false });
    expect(again.statusCode, again.body).toBe(200);
    expect(resultOf(again).summary).toMatchObject({ unchanged: 1, errors: 0 });
    const changed = await reports([{ ...march[0], '本月完成投资（万元）': 120 }]);
    const refused = await importReports(staff, changed, { year: 2021, month: 3, dryRun: false });
    expect(refused.statusCode).toBe(400);
    expect(resultOf(refused).errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'A',
        message: '2021-03 报送期已锁定，台账导入不能修改其月报；如需更正，请在月报页面逐项填写更正原因',
      }),
    ]);
    expect(await counts()).toEqual(before);
    expect((await report(id[0] ?? 0, 3)).completedThisMonth).toBe('100.00');
  });
});
