/**
 * The funding and financing demo on a small city: the generator's funding totals get dated steps that sum to them
 * (issued no later than the demo's date), and the financing list has needs, the published 2021-2 edition and
 * matches in every state, one signed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helper.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedFinancingDemo } from './financing.demo.ts';

let ctx: TestContext;
let result: Awaited<ReturnType<typeof seedFinancingDemo>>;
const demo = generateDaqingDemo();

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, demo);
  result = await seedFinancingDemo(ctx.db, demo.asOf);
}, 300_000);
afterAll(() => ctx.close());

describe('the funding and financing demo', () => {
  it('dates every funding total in steps that sum to it, in 2020–21 up to the demo date', async () => {
    expect(result.fundingEvents).toBeGreaterThan(20);
    const mismatched = await ctx.db
      .selectFrom('project_funding_sources as f')
      .where('f.kind', 'in', ['special_bond', 'central_budget'])
      .where((eb) =>
        eb(
          'f.issued',
          '<>',
          eb
            .selectFrom('funding_events as e')
            .whereRef('e.project_id', '=', 'f.project_id')
            .whereRef('e.kind', '=', 'f.kind')
            .where('e.step', '=', 'issued')
            .select(sql<bigint>`coalesce(sum(e.amount), 0)`.as('s')),
        ),
      )
      .select('f.project_id')
      .execute();
    expect(mismatched).toEqual([]);
    const range = await ctx.db
      .selectFrom('funding_events')
      .select((eb) => [eb.fn.min('occurred_on').as('first'), eb.fn.max('occurred_on').as('last')])
      .executeTakeFirstOrThrow();
    expect(range.first >= '2020-01-01').toBe(true);
    expect(range.last <= demo.asOf).toBe(true);
  });

  it('has needs, the 2021-2 edition and matches in several states', async () => {
    expect(result).toMatchObject({ needs: 6, editionItems: 6, matches: 5 });
    const editions = await ctx.db.selectFrom('financing_editions').select(['code']).execute();
    expect(editions.map((e) => e.code)).toEqual(['2021-2']);
    const states = await ctx.db.selectFrom('financing_matches').select(['state', 'signed_amount']).execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['interested', 'negotiating', 'signed', 'declined']));
    expect(states.filter((s) => s.signed_amount !== null)).toHaveLength(2);
  });
});
