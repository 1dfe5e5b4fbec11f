/**
 * `ranking --scheme yanan --period 2021-05 --json` on the ranking fixture: every district with its rank, score and
 * terms (indicator, value, points), the terms summing to the score; bad options are refused naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDatabase, runCommand } from '../../test/cli.ts';
import { createTestContext, type TestContext } from '../../test/helper.ts';
import { createTestUser } from '../../test/factories.ts';
import { loadRankingFixture } from '../modules/ranking/ranking.fixture.ts';
import { rankingCommands } from './ranking.commands.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadRankingFixture(ctx.db);
  await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' });
}, 300_000);
afterAll(() => ctx.close());

interface Unit {
  unitCode: string;
  rank: number;
  score: string;
  terms: { indicator: string; value: string; points: string }[];
}

describe('the ranking command', () => {
  it('prints every ranked unit with rank, score and terms summing to the score', async () => {
    const { output, text } = await runCommand(rankingCommands, 'ranking', contextDatabase(ctx.db), {
      scheme: 'yanan',
      period: '2021-05',
      'as-of': '2021-05-20',
      json: true,
    });
    const units = output.units as Unit[];
    expect(units).toHaveLength(10);
    expect(units[0]).toMatchObject({ unitCode: '230602', rank: 1, score: '237' });
    expect(units[1]).toMatchObject({ unitCode: '230603', rank: 2, score: '44' });
    for (const unit of units)
      expect(unit.terms.reduce((sum, t) => sum + Number(t.points), 0)).toBeCloseTo(Number(unit.score), 2);
    expect(units[0]?.terms.find((t) => t.indicator === 'criticism')).toEqual({
      indicator: 'criticism',
      value: '省通报批评 -5',
      points: '-5',
    });
    expect(text).toContain('1. 萨尔图区 237 分');
  });

  it('refuses a period of the wrong kind and one without data', async () => {
    await expect(
      runCommand(rankingCommands, 'ranking', contextDatabase(ctx.db), { scheme: 'henan', period: '2021-05' }),
    ).rejects.toThrow('--scheme');
    await expect(
      runCommand(rankingCommands, 'ranking', contextDatabase(ctx.db), { scheme: 'yanan', period: '2019-05' }),
    ).rejects.toThrow('period: ');
  });
});
