/**
 * The whole demo as the server loads it on first start: the city and its dispatch loop together, so that every
 * page of the loop shows real content — warnings of both levels, problems in every state (some overdue), two held
 * weekly meetings with decisions, officers' visits, an inspection and the inbox — and a second load adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATES } from '@keyprojects/core';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemoCity } from './seed-dispatch.ts';

let ctx: TestContext;
let first: Awaited<ReturnType<typeof seedDemoCity>>;

beforeAll(async () => {
  ctx = await createTestContext();
  first = await seedDemoCity(ctx.db, generateDaqingDemo());
}, 300_000);
afterAll(() => ctx.close());

const count = async (
  table:
    | 'warnings'
    | 'meetings'
    | 'service_visits'
    | 'inspections'
    | 'notifications'
    | 'groundbreaking_events'
    | 'batch_rounds'
    | 'milestone_plans',
) =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the demo city with its dispatch loop', () => {
  it('loads every part of the loop as of the demo date', async () => {
    expect(first.seeded).toBe(true);
    expect(first.dispatch).not.toBeNull();
    const problems = await ctx.db.selectFrom('problems').select(['state', 'due_on', 'source']).execute();
    expect(new Set(problems.map((p) => p.state))).toEqual(new Set(PROBLEM_STATES));
    const open = problems.filter((p) => p.state !== 'verified_closed' && p.state !== 'resolved');
    expect(open.some((p) => p.due_on !== null && p.due_on < TEST_TODAY)).toBe(true);
    expect(problems.filter((p) => p.source === 'meeting_decision').length).toBe(first.dispatch?.decisions);
    expect(problems.some((p) => p.source === 'inspection')).toBe(true);

    const levels = await ctx.db.selectFrom('warnings').select('level').where('cleared_on', 'is', null).execute();
    expect(new Set(levels.map((w) => w.level))).toEqual(new Set(['red', 'yellow']));
    expect(levels.length).toBe(first.dispatch?.warningsActive);
    expect(await count('meetings')).toBe(2);
    expect(await count('service_visits')).toBeGreaterThan(0);
    expect(await count('inspections')).toBeGreaterThan(0);
    expect(await count('notifications')).toBeGreaterThan(0);
  });

  it('keeps every lifecycle transition on the demo calendar, with reserve steps, an event and plans', async () => {
    const late = await ctx.db
      .selectFrom('lifecycle_transitions')
      .where('occurred_on', '>', TEST_TODAY)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBe(0);
    const unplaced = await ctx.db
      .selectFrom('projects')
      .where('stage', 'in', ['reserve', 'preparation'])
      .where('lifecycle_step', 'is', null)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(unplaced.n)).toBe(0);
    expect(await count('groundbreaking_events')).toBe(1);
    expect(await count('batch_rounds')).toBe(1);
    expect(await count('milestone_plans')).toBeGreaterThan(0);
  });

  it('adds nothing when loaded again on the same database', async () => {
    const before = await count('warnings');
    const again = await seedDemoCity(ctx.db, generateDaqingDemo());
    expect(again.seeded).toBe(false);
    expect(again.dispatch).toBeNull();
    expect(await count('warnings')).toBe(before);
  });
});
