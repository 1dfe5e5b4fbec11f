/**
 * Money through the project ledger: an amount goes from the cell to the column as exact fen, so six decimals of
 * 万元 survive an import and an export, a re-import of the same file changes nothing, and an amount past the
 * columns' bound is refused at its row and column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEN, formatWan } from '@keyprojects/core';
import { createOrganization, createTestUser, signIn, type Client } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/helper.ts';
import { ledgerFile, ledgerRow, readXlsx, resultOf, textOf, upload } from '../ledger.fixtures.ts';

let ctx: TestContext;
let admin: Client;
const OWNER = '大庆台账金额测试有限公司';

beforeAll(async () => {
  ctx = await createTestContext();
  await createOrganization(ctx.db, { name: OWNER });
  admin = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

const TOTAL = '总投资（万元）';
const PLAN = '2021年计划投资（万元）';

describe('money in the project ledger', () => {
  it('keeps six decimals of 万元 exactly from the cell to the column and back out', async () => {
    const row = ledgerRow(OWNER, { [TOTAL]: '123456789.123456', [PLAN]: '0.000001' });
    const committed = await upload(admin, await ledgerFile([row]), { dryRun: false });
    expect(committed.statusCode, committed.body).toBe(200);
    const code = textOf(row.投资项目统一代码);
    const stored = await ctx.db
      .selectFrom('projects')
      .innerJoin('annual_plans', 'annual_plans.project_id', 'projects.id')
      .where('projects.code', '=', code)
      .select(['projects.total_investment', 'annual_plans.planned_investment'])
      .executeTakeFirstOrThrow();
    expect(stored.total_investment).toBe(123_456_789_123_456n);
    expect(stored.planned_investment).toBe(1n);

    const exported = await admin.request({ method: 'GET', url: `/api/v1/exports/projects.xlsx?q=${code}` });
    expect(exported.statusCode).toBe(200);
    const sheet = await readXlsx(exported.rawPayload);
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    expect(sheet.getRow(2).getCell(headers.indexOf(TOTAL)).value).toBe(123456789.123456);
    // The exported file imports back as it is.
    const again = resultOf(await upload(admin, exported.rawPayload));
    expect(again.summary).toMatchObject({ rows: 1, unchanged: 1, errors: 0 });
  });

  it('finds a re-import of the same workbook unchanged', async () => {
    const row = ledgerRow(OWNER, { [TOTAL]: 98765.432101, [PLAN]: '1,234.5' });
    const file = await ledgerFile([row]);
    const first = await upload(admin, file, { dryRun: false });
    expect(resultOf(first).summary).toMatchObject({ create: 1, errors: 0 });
    const again = resultOf(await upload(admin, file));
    expect(again.summary).toMatchObject({ rows: 1, create: 0, update: 0, unchanged: 1, errors: 0 });
  });

  it('refuses an amount one fen past the bound, naming its row and column', async () => {
    const tooLarge = formatWan(MAX_FEN + 1n);
    const response = await upload(admin, await ledgerFile([ledgerRow(OWNER), ledgerRow(OWNER, { [TOTAL]: tooLarge })]));
    const result = resultOf(response);
    expect(result.summary).toMatchObject({ invalid: 1, errors: 1 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'J', header: TOTAL, field: 'totalInvestment' }),
    ]);
    expect(result.errors[0]?.message).toMatch(/过大|超/);
  });
});
