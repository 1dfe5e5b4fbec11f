/**
 * The demo's reserve library, 集中开工 and 三个一批 on top of the 大庆 city: the reserve counted 12 / 7 / 5 / 3 / 3
 * across the five steps on the demo's date, the spring event starting its four reserve projects and listing the
 * April starts, a round whose rates are neither nil nor full, and a second load adding nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { cliActor } from '../../cli/cli-actor.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { roundDetail } from '../../modules/batch/batch.service.ts';
import { eventDetail, listEvents } from '../../modules/event/event.service.ts';
import { reserveSummary } from '../../modules/reserve/reserve.service.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedReserveDemo } from './reserve.demo.ts';

let ctx: TestContext;
let seeded: Awaited<ReturnType<typeof seedReserveDemo>>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  seeded = await seedReserveDemo(ctx.db, TEST_TODAY);
}, 300_000);
afterAll(() => ctx.close());

describe('the demo’s reserve, event and round', () => {
  it('fills the reserve library across the five steps', async () => {
    expect(seeded.reserve).toBe(34);
    const actor = await cliActor(ctx.db, {});
    const deps = { db: ctx.db, clock: fixedClock(TEST_TODAY) };
    const summary = await reserveSummary(deps, actor, {});
    // The city's 84 projects not yet started with no preparation step recorded count too, since their first
    // transition is dated in the demo year (the database follows the application's date), as the running demo shows.
    expect(summary.steps.map((s) => s.count)).toEqual([12, 7, 5, 3, 3, 84]);
    expect(summary.total).toBe(114);

    const { items } = await listEvents(deps, actor, {});
    expect(items).toHaveLength(1);
    const event = await eventDetail(deps, actor, items[0]?.id ?? 0);
    expect(event.heldOn).toBe('2021-04-28');
    expect(event.projects.filter((p) => p.startedByEvent)).toHaveLength(4);
    expect(event.totals.projects).toBe(seeded.eventProjects);
    expect(event.totals.projects).toBeGreaterThan(4);

    const [round] = (await ctx.db.selectFrom('batch_rounds').select('id').execute()).map((r) => r.id);
    const detail = await roundDetail(deps, actor, round ?? 0);
    expect(detail.batches.map((b) => b.rate)).toEqual(['40.0', '75.0', '50.0']);
  });

  it('adds nothing when loaded again', async () => {
    expect(await seedReserveDemo(ctx.db, TEST_TODAY)).toEqual({ reserve: 0, eventProjects: 0, batchProjects: 0 });
  });
});
