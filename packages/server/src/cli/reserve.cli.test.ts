/**
 * `reserve --as-of DATE [--region CODE] --json` prints the reserve library's counts by step with the total: on
 * Chengdu's reserve, 71 / 18 / 11 / 3 / 7 of 110 in district 230602, and the counts of an earlier date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, contextDatabase } from '../../test/cli.ts';
import { createTestContext, type TestContext } from '../../test/helper.ts';
import { actorOf, createOrganization, createTestUser } from '../../test/factories.ts';
import { buildChengduReserve } from '../modules/reserve/reserve.fixture.ts';
import { reserveCommands } from './reserve.commands.ts';

let ctx: TestContext;

beforeAll(async () => {
  // After the fixture's late-registered project (see reserve.test.ts), asked as of 2021-05-20 and earlier.
  ctx = await createTestContext({ today: '2021-06-30' });
  const admin = await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
  await buildChengduReserve(
    ctx.db,
    actorOf(admin, 'city_admin', { regionCode: '230600' }),
    await createOrganization(ctx.db),
  );
}, 300_000);
afterAll(() => ctx.close());

const counts = (output: Record<string, unknown>) =>
  (output.steps as { label: string; count: number }[]).map((s) => [s.label, s.count]);

describe('the reserve command', () => {
  it('prints the counts by step with the total for a region', async () => {
    const { output, text } = await runCommand(reserveCommands, 'reserve', contextDatabase(ctx.db), {
      'as-of': '2021-05-20',
      region: '230602',
      json: true,
    });
    expect(output).toMatchObject({ asOf: '2021-05-20', regionCode: '230602', total: 110 });
    expect(counts(output)).toEqual([
      ['签订投资协议', 71],
      ['项目建议书及可研', 18],
      ['立项用地规划许可', 11],
      ['初步设计及施工图', 3],
      ['施工准备', 7],
      ['未填写环节', 0],
    ]);
    expect(text).toContain('储备项目 110 个');
  });

  it('counts an earlier date, and the whole city without --region', async () => {
    const march = await runCommand(reserveCommands, 'reserve', contextDatabase(ctx.db), {
      'as-of': '2021-03-15',
      region: '230602',
    });
    expect(march.output.total).toBe(112);
    expect(counts(march.output).map(([, n]) => n)).toEqual([71, 41, 0, 0, 0, 0]);
    const city = await runCommand(reserveCommands, 'reserve', contextDatabase(ctx.db), { 'as-of': '2021-05-20' });
    expect(city.output).toMatchObject({ regionCode: '230600', total: 115 });
  });

  it('refuses a missing date', async () => {
    await expect(runCommand(reserveCommands, 'reserve', contextDatabase(ctx.db), {})).rejects.toThrow('--as-of');
  });
});
