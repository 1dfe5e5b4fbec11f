import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { ledgerFile, ledgerRow, resultOf, textOf, upload, type TestRow } from '../ledger.fixtures.ts';
import { changeAuditRows, rowCount } from '../../../../test/audit.ts';

interface ProjectBody {
  id: number;
  code: string;
  name: string;
  version: number;
  totalInvestment: string;
  [field: string]: unknown;
}
interface AuditBody {
  items: { action: string; changes: { field: string; before: unknown; after: unknown }[] }[];
}

let ctx: TestContext;
let admin: Client;
const OWNER = '大庆台账测试石化有限公司';
const OTHER_OWNER = '大庆台账测试建设集团有限公司';
let ownerId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerId = await createOrganization(ctx.db, { name: OWNER });
  await createOrganization(ctx.db, { name: OTHER_OWNER });
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const counts = async () => ({ projects: await rowCount(ctx.db, 'projects'), audit: await changeAuditRows(ctx.db) });
const byCode = async (code: string) => {
  const list = await admin.request({ method: 'GET', url: `/api/v1/projects?q=${code}` });
  const id = list.json<{ items: { id: number }[] }>().items[0]?.id;
  const detail = await admin.request({ method: 'GET', url: `/api/v1/projects/${String(id)}` });
  return detail.json<ProjectBody>();
};
const history = async (id: number) =>
  (await admin.request({ method: 'GET', url: `/api/v1/projects/${id}/audit` })).json<AuditBody>();

describe('importing a good ledger', () => {
  const rows: TestRow[] = [
    ledgerRow(OWNER),
    ledgerRow(OWNER, { 所属区域: '230604', 项目级别: '省重点、市重点', '总投资（万元）': '1,234,567.89' }),
    ledgerRow(OTHER_OWNER, { 项目类别: '基础设施', 建设性质: '续建', 标签: '集中开工、重中之重', 是否入统: '是' }),
  ];

  it('previews what it will create without writing anything', async () => {
    const before = await counts();
    const response = await upload(admin, await ledgerFile(rows));
    expect(response.statusCode, response.body).toBe(200);
    const result = resultOf(response);
    expect(result).toMatchObject({ dryRun: true, committed: false, headerRow: 1, errors: [] });
    expect(result.summary).toMatchObject({ rows: 3, create: 3, update: 0, unchanged: 0, errors: 0 });
    expect(result.rows[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'totalInvestment', header: '总投资（万元）', before: null, after: '1234567.89' },
        { field: 'levels', header: '项目级别', before: null, after: '省重点、市重点' },
        { field: 'region', header: '所属区域', before: null, after: '让胡路区' },
        { field: 'annualPlan.2021', header: '2021年计划投资（万元）', before: null, after: '5000.00' },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('commits all rows in one go, as the API would have stored them', async () => {
    const before = await counts();
    const response = await upload(admin, await ledgerFile(rows), { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(resultOf(response)).toMatchObject({ committed: true, summary: { create: 3 } });
    expect(await counts()).toEqual({ projects: before.projects + 3, audit: before.audit + 3 });
    const first = await byCode(textOf(rows[0]?.投资项目统一代码));
    expect(first).toMatchObject({
      ownerOrgId: ownerId,
      regionCode: '230602',
      levels: ['municipal'],
      category: 'industry',
      industry: 'C',
      nature: 'new',
      totalInvestment: '12500.50',
      plannedStartDate: '2021-04-01',
      plannedCompletionDate: '2022-10-31',
      stage: 'preparation',
      financingModel: 'self_funded',
      tags: ['重中之重'],
      inStatistics: false,
      annualPlans: [{ year: 2021, plannedInvestment: '5000.00', nature: 'new', plannedNewStart: true }],
      version: 1,
    });
    const second = await byCode(textOf(rows[1]?.投资项目统一代码));
    expect(second).toMatchObject({
      regionCode: '230604',
      levels: ['provincial', 'municipal'],
      totalInvestment: '1234567.89',
    });
    expect((await history(first.id)).items).toMatchObject([{ action: 'create' }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const versions = await Promise.all(rows.map(async (row) => (await byCode(textOf(row.投资项目统一代码))).version));
    const response = await upload(admin, await ledgerFile(rows), { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(resultOf(response)).toMatchObject({
      committed: true,
      summary: { rows: 3, create: 0, update: 0, unchanged: 3 },
    });
    expect(await counts()).toEqual(before);
    const after = await Promise.all(rows.map(async (row) => (await byCode(textOf(row.投资项目统一代码))).version));
    expect(after).toEqual(versions);
  });

  it('changes exactly the modified fields of a modified copy, auditing before and after', async () => {
    const modified = rows.map((row) => ({ ...row }));
    Object.assign(modified[0] ?? {}, { 项目名称: '台账测试项目（更名）', '总投资（万元）': 13000 });
    Object.assign(modified[2] ?? {}, { 项目类别: '民生社会事业' });
    const before = await counts();
    const preview = resultOf(await upload(admin, await ledgerFile(modified)));
    expect(preview.summary).toMatchObject({ update: 2, unchanged: 1, create: 0 });
    expect(preview.rows[0]?.changes).toEqual([
      { field: 'name', header: '项目名称', before: textOf(rows[0]?.项目名称), after: '台账测试项目（更名）' },
      { field: 'totalInvestment', header: '总投资（万元）', before: '12500.50', after: '13000.00' },
    ]);
    expect(preview.rows[2]?.changes).toEqual([
      { field: 'category', header: '项目类别', before: '基础设施', after: '民生社会事业' },
    ]);

    const response = await upload(admin, await ledgerFile(modified), { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(await counts()).toEqual({ projects: before.projects, audit: before.audit + 2 });
    const first = await byCode(textOf(rows[0]?.投资项目统一代码));
    expect(first).toMatchObject({ name: '台账测试项目（更名）', totalInvestment: '13000.00', version: 2 });
    const [update] = (await history(first.id)).items;
    expect(update?.action).toBe('update');
    expect(update?.changes).toEqual([
      { field: 'name', before: rows[0]?.项目名称, after: '台账测试项目（更名）' },
      { field: 'totalInvestment', before: '12500.50', after: '13000.00' },
    ]);
    const third = await byCode(textOf(rows[2]?.投资项目统一代码));
    expect((await history(third.id)).items[0]?.changes).toEqual([
      { field: 'category', before: 'infrastructure', after: 'social' },
    ]);
    expect((await byCode(textOf(rows[1]?.投资项目统一代码))).version).toBe(1);
  });

  it('refuses a change of an existing project’s stage at its cell, pointing to the lifecycle, and writes nothing', async () => {
    const modified = rows.map((row) => ({ ...row }));
    Object.assign(modified[0] ?? {}, { 建设阶段: '竣工' });
    const before = await counts();
    const response = await upload(admin, await ledgerFile(modified), { dryRun: false });
    const result = resultOf(response);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'stage', message: expect.stringContaining('全生命周期') as unknown }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('finds the header below a title row and skips totals rows', async () => {
    const row = ledgerRow(OWNER);
    const file = await ledgerFile([row, { 项目名称: '合计', '总投资（万元）': 12500.5 }], {
      title: '2021年大庆市重点项目台账',
    });
    const result = resultOf(await upload(admin, file));
    expect(result).toMatchObject({ headerRow: 2, summary: { create: 1, skipped: 1, errors: 0 } });
  });
});

describe('the ledger path and the API path', () => {
  it('store the same project and audit the same snapshot', async () => {
    const viaApi = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: buildProject(ownerId, {
        name: '同一项目',
        regionCode: '230603',
        levels: ['county', 'municipal'],
        category: 'ecology',
        industry: 'N',
        nature: 'continuing',
        totalInvestment: '888.123456',
        plannedStartDate: '2021-02-03',
        plannedCompletionDate: '2023-04-05',
        stage: 'construction',
        financingModel: 'epc_f',
        tags: ['集中开工'],
        inStatistics: true,
        inStatisticsSince: '2021-03-01',
        constructionContent: '治理河道12公里',
        address: '龙凤区',
        longitude: 125.123456,
        latitude: 46.5,
        contactPerson: '张工',
        contactPhone: '0459-1234567',
        responsibleLeader: '李副市长',
        annualPlans: [{ year: 2021, plannedInvestment: '300', nature: 'continuing', plannedNewStart: false }],
      }),
    });
    expect(viaApi.statusCode, viaApi.body).toBe(201);
    const api = viaApi.json<ProjectBody>();
    const headers = [
      ...['投资项目统一代码', '项目名称', '项目单位', '所属区域', '项目级别', '项目类别', '所属行业', '建设性质'],
      ...['总投资（万元）', '计划开工日期', '计划竣工日期', '建设阶段', '融资模式', '标签', '是否入统', '入统时间'],
      ...['建设内容', '建设地点', '经度', '纬度', '联系人', '联系电话', '包联领导', '2021年计划投资（万元）'],
    ];
    const code = '2103-230603-04-01-999001';
    const row: TestRow = {
      投资项目统一代码: code,
      项目名称: '同一项目',
      项目单位: OWNER,
      所属区域: '龙凤区',
      项目级别: '区县重点、市重点',
      项目类别: '生态环保',
      所属行业: 'N',
      建设性质: '续建',
      '总投资（万元）': '888.123456',
      计划开工日期: '2021/2/3',
      计划竣工日期: new Date(Date.UTC(2023, 3, 5)),
      建设阶段: '在建',
      融资模式: 'EPC+F',
      标签: '集中开工',
      是否入统: '是',
      入统时间: '2021-03-01',
      建设内容: '治理河道12公里',
      建设地点: '龙凤区',
      经度: 125.123456,
      纬度: 46.5,
      联系人: '张工',
      联系电话: '0459-1234567',
      包联领导: '李副市长',
      '2021年计划投资（万元）': 300,
    };
    const response = await upload(admin, await ledgerFile([row], { headers }), { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    const imported = await byCode(code);
    const strip = ({ id: _i, code: _c, createdAt: _ca, updatedAt: _ua, ...rest }: ProjectBody) => rest;
    expect(strip(imported)).toEqual(strip(api));
    const snapshot = async (id: number) =>
      (await ctx.db
        .selectFrom('audit_log')
        .select(['after', 'actor_username', 'action', 'region_code'])
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow()) as {
        after: Record<string, unknown>;
        actor_username: string;
        action: string;
        region_code: string;
      };
    const a = await snapshot(api.id);
    const b = await snapshot(imported.id);
    expect({ ...b, after: { ...b.after, id: 0, code: '' } }).toEqual({ ...a, after: { ...a.after, id: 0, code: '' } });
  });
});
