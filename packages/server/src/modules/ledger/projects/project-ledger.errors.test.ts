import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { ledgerFile, ledgerRow, resultOf, upload, type TestRow } from '../ledger.fixtures.ts';
import { changeAuditRows, rowCount } from '../../../../test/audit.ts';

let ctx: TestContext;
let admin: Client;
let staff: Client;
let leader: Client;
const OWNER = '大庆台账校验测试有限公司';

beforeAll(async () => {
  ctx = await createTestContext();
  await createOrganization(ctx.db, { name: OWNER });
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
  staff = await signIn(ctx.app, await createTestUser(ctx.db, 'district_staff', { regionCode: '230602' }));
  leader = await signIn(ctx.app, await createTestUser(ctx.db, 'leader', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const counts = async () => ({ projects: await rowCount(ctx.db, 'projects'), audit: await changeAuditRows(ctx.db) });

/** Twelve kinds of bad row, each with the column it must be reported at and a fragment of the reason. */
/** `alsoCode`: the row's project code then names an area outside the scope as well, a second error on the code. */
const BAD_ROWS: { name: string; row: TestRow; header: string; reason: RegExp; alsoCode?: RegExp }[] = [
  {
    name: 'malformed code',
    row: { 投资项目统一代码: '2103-2306-04-01' },
    header: '投资项目统一代码',
    reason: /格式不正确/,
  },
  { name: 'unknown region', row: { 所属区域: '不存在区' }, header: '所属区域', reason: /未找到行政区划“不存在区”/ },
  { name: 'negative investment', row: { '总投资（万元）': -5 }, header: '总投资（万元）', reason: /不能为负数/ },
  { name: 'non-numeric investment', row: { '总投资（万元）': '约5亿' }, header: '总投资（万元）', reason: /应为金额/ },
  { name: 'missing name', row: { 项目名称: null }, header: '项目名称', reason: /必填/ },
  { name: 'text over limit', row: { 建设内容: '长'.repeat(2001) }, header: '建设内容', reason: /超过长度上限/ },
  {
    name: 'unknown category label',
    row: { 项目类别: '工业园区类' },
    header: '项目类别',
    reason: /“工业园区类”不是有效的选项/,
  },
  {
    name: 'formula cell',
    row: { '总投资（万元）': { formula: 'SUM(1,2)' } },
    header: '总投资（万元）',
    reason: /公式/,
  },
  {
    name: 'bad date form',
    row: { 计划开工日期: '2021年4月1日' },
    header: '计划开工日期',
    reason: /日期“2021年4月1日”格式不正确/,
  },
  { name: 'duplicate code within the file', row: {}, header: '投资项目统一代码', reason: /与第 2 行.*重复/ },
  // An owner not yet registered is created on import (project-ledger.office.test.ts); a wrong label stays an error.
  {
    name: 'unknown nature label',
    row: { 建设性质: '改扩建中' },
    header: '建设性质',
    reason: /“改扩建中”不是有效的选项/,
  },
  {
    name: 'region outside the user’s scope',
    row: { 所属区域: '道里区' },
    header: '所属区域',
    reason: /超出本账号的管辖区域/,
    alsoCode: /投资项目统一代码中的行政区划须为项目所在区域或其上级区域/,
  },
];

describe('a ledger with bad rows', () => {
  it('reports every bad row with its row, column and reason, and writes nothing', async () => {
    const good = ledgerRow(OWNER);
    const rows = BAD_ROWS.map(({ name, row }) =>
      name === 'duplicate code within the file'
        ? ledgerRow(OWNER, { 投资项目统一代码: good.投资项目统一代码 ?? null })
        : ledgerRow(OWNER, row),
    );
    const file = await ledgerFile([good, ...rows]);
    const before = await counts();

    const response = await upload(admin, file, { dryRun: false });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'ledger.invalid',
      message: expect.stringMatching(/处错误，未写入任何数据/),
    });
    const result = resultOf(response);
    expect(result.committed).toBe(false);
    expect(result.summary).toMatchObject({ rows: 13, create: 1, invalid: 12 });
    BAD_ROWS.forEach(({ name, header, reason, alsoCode }, index) => {
      const rowNumber = index + 3;
      const all = result.errors.filter((error) => error.row === rowNumber);
      const found = all.filter((error) => error.header === header);
      expect(all, name).toHaveLength(alsoCode ? 2 : 1);
      if (alsoCode) expect(all.find((error) => error.header === '投资项目统一代码')?.message, name).toMatch(alsoCode);
      expect(found[0], name).toMatchObject({ row: rowNumber, header, column: expect.stringMatching(/^[A-Z]$/) });
      expect(found[0]?.message, name).toMatch(reason);
    });
    expect(await counts()).toEqual(before);
  });

  it('reports in English when asked', async () => {
    const file = await ledgerFile([ledgerRow(OWNER, { '总投资（万元）': -1, 项目类别: 'nonsense' })]);
    const result = resultOf(await upload(admin, file, { lang: 'en' }));
    expect(result.errors.map((error) => [error.column, error.message])).toEqual([
      ['F', expect.stringMatching(/is not one of the options/)],
      ['J', 'must not be negative'],
    ]);
  });

  it('names the column letter of the file, whatever the column order and header spelling', async () => {
    const headers = [
      '序号',
      '项目名称',
      '统一代码',
      '建设单位',
      '区县',
      '级别',
      '类别',
      '性质',
      '计划总投资',
      '备用列',
    ];
    const row = ledgerRow(OWNER);
    const file = await ledgerFile(
      [
        {
          序号: 1,
          项目名称: row.项目名称 ?? null,
          统一代码: row.投资项目统一代码 ?? null,
          建设单位: OWNER,
          区县: '萨尔图区',
          级别: '市重点',
          类别: '产业',
          性质: '新建',
          计划总投资: 'abc',
          备用列: 'x',
        },
      ],
      { headers },
    );
    const result = resultOf(await upload(admin, file));
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'I',
        header: '计划总投资',
        field: 'totalInvestment',
        message: '应为金额（万元，数字，最多六位小数）',
      },
    ]);
    expect(result.ignoredColumns).toEqual([
      { column: 'J', header: '备用列', reason: 'unknown', message: '无法识别的列，已忽略' },
    ]);
  });
});

describe('who may import', () => {
  it('gives district staff a row error for a project in another district', async () => {
    const before = await counts();
    const file = await ledgerFile([ledgerRow(OWNER), ledgerRow(OWNER, { 所属区域: '让胡路区' })]);
    const response = await upload(staff, file, { dryRun: false });
    expect(response.statusCode).toBe(400);
    const errors = resultOf(response).errors;
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, header: '所属区域', message: '超出本账号的管辖区域' }),
        // The code names the other district's area too, which lies outside the scope as well.
        expect.objectContaining({ row: 3, header: '投资项目统一代码' }),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('does not let district staff update a project of another district through its code', async () => {
    const other = ledgerRow(OWNER, { 投资项目统一代码: '2103-230604-04-01-555001', 所属区域: '让胡路区' });
    expect((await upload(admin, await ledgerFile([other]), { dryRun: false })).statusCode).toBe(200);
    const result = resultOf(await upload(staff, await ledgerFile([{ ...other, 所属区域: '萨尔图区' }])));
    expect(result.errors).toEqual([
      // The code's area (230604) is checked before whether the code is taken, so a district cannot probe codes of
      // another district's area.
      expect.objectContaining({
        row: 2,
        header: '投资项目统一代码',
        message: '投资项目统一代码中的行政区划不在本账号的管辖区域内',
      }),
    ]);
  });

  it('forbids a leader to import (403), even a preview', async () => {
    const file = await ledgerFile([ledgerRow(OWNER)]);
    expect((await upload(leader, file)).statusCode).toBe(403);
    expect((await upload(leader, file, { dryRun: false })).statusCode).toBe(403);
  });
});
