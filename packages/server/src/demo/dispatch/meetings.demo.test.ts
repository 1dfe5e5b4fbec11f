/**
 * The meetings demo on the 大庆 demo: two held weekly meetings of the city, the second following the first, their
 * decisions assigned with clocks (two closed, some overdue by the demo's date), the notice templates; a second run
 * adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { fixedClock } from '../../clock.ts';
import { cliActor } from '../../cli/cli-actor.ts';
import { meetingDetail, listMeetings } from '../../modules/meeting/meeting.service.ts';
import { generateDaqingDemo } from '../daqing.generator.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedMeetingsDemo } from './meetings.demo.ts';
import { seedProblemsDemo } from './problems.demo.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, generateDaqingDemo());
  // The lead's order: problems (which give the units their accounts), warnings, then meetings.
  await seedProblemsDemo(ctx.db);
}, 120_000);
afterAll(() => ctx.close());

describe('the meetings demo', () => {
  it('seeds two held weekly meetings, the second carrying the first’s decisions', async () => {
    expect(await seedMeetingsDemo(ctx.db)).toEqual({ meetings: 2, decisions: 7 });
    const actor = await cliActor(ctx.db, {});
    const { items } = await listMeetings(ctx.db, actor, {});
    expect(items.map((m) => [m.heldOn, m.state, m.decisionCount])).toEqual([
      ['2021-05-14', 'held', 3],
      ['2021-05-07', 'held', 4],
    ]);
    const [second, first] = items;
    expect(second?.previousMeetingId).toBe(first?.id);
    const detail = await meetingDetail({ db: ctx.db, clock: fixedClock(TEST_TODAY) }, actor, second?.id ?? 0);
    expect(detail.previous?.decisions).toHaveLength(4);
    expect(detail.meeting.minutes).toContain('5月7日调度会议定事项');
    const clocks = [...detail.decisions, ...(detail.previous?.decisions ?? [])].map((d) => d.clock?.state);
    expect(clocks).toContain('overdue');
    const states = (detail.previous?.decisions ?? []).map((d) => d.state);
    expect(states).toEqual(['verified_closed', 'verified_closed', 'accepted', 'open']);
    const templates = await ctx.db
      .selectFrom('notice_templates')
      .select('kind')
      .where('is_default', '=', true)
      .execute();
    expect(templates.map((t) => t.kind).sort()).toEqual(['daily', 'weekly']);
  });

  it('adds nothing when run again', async () => {
    expect(await seedMeetingsDemo(ctx.db)).toEqual({ meetings: 0, decisions: 0 });
  });
});
