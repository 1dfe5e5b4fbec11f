/**
 * A project's first transitions are written per INSERT statement (migration 2026121332_lifecycle_seed_set): for every
 * shape of stage, template stage and actual dates, and for projects created before and after the application's
 * date, they equal what the per-project lifecycle_seed_transitions writes, in the same order.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let ownerId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ownerId = await createOrganization(ctx.db, { regionCode: '230602', name: '萨尔图区生命周期测试单位' });
}, 60_000);

afterAll(() => ctx.close());

interface Transition {
  project_id: number;
  stage_code: string;
  phase: string;
  occurred_on: string;
  source: string;
}

const transitionsOf = async () =>
  (
    await sql<Transition>`
      select t.project_id, t.stage_code, t.phase, t.occurred_on::text as occurred_on, t.source
      from lifecycle_transitions t join projects p on p.id = t.project_id
      where p.code like '2104-230602-%' order by t.id`.execute(ctx.db)
  ).rows;

describe('the first transitions of projects inserted together', () => {
  it('equal the per-project seed for every stage and date shape', async () => {
    // Every stage × each actual date present or not × created before or after the application date (2021-05-20),
    // and projects whose template stage is not their stage, all in one INSERT.
    await sql`
      insert into projects (code, name, owner_org_id, region_code, levels, category, industry, nature,
        total_investment, stage, lifecycle_stage, tags, in_statistics, created_at,
        actual_start_date, actual_completion_date, actual_production_date)
      select '2104-230602-04-01-' || lpad(row_number() over ()::text, 6, '0'), '生命周期测试' || row_number() over (),
        ${ownerId}, '230602', array['municipal'], 'industry', 'C', 'new', 100000000, s.stage,
        case when mismatch then 'preparation' end, '{}', true, created.at,
        case when d & 1 > 0 then date '2020-04-01' end,
        case when d & 2 > 0 then date '2020-11-15' end,
        case when d & 4 > 0 then date '2021-02-01' end
      from unnest(array['reserve', 'preparation', 'started', 'construction', 'completed', 'production',
        'full_capacity']) s(stage)
      cross join generate_series(0, 7) d
      cross join (values (timestamptz '2021-03-02 10:00+08'), (timestamptz '2026-12-06 10:00+08')) created(at)
      cross join (values (false), (true)) m(mismatch)`.execute(ctx.db);
    const together = await transitionsOf();
    expect(together.length).toBeGreaterThan(7 * 8 * 2 * 2);

    await sql`
      delete from lifecycle_transitions
      where project_id in (select id from projects where code like '2104-230602-%')`.execute(ctx.db);
    await sql`
      select lifecycle_seed_transitions(id, 'create') from projects where code like '2104-230602-%' order by id`.execute(
      ctx.db,
    );
    const oneByOne = await transitionsOf();
    expect(together).toEqual(oneByOne);
    // The application's date bounds the day of creation: nothing is dated after 2021-05-20 without an actual date.
    expect(together.some((t) => t.occurred_on === '2021-05-20')).toBe(true);
    expect(together.every((t) => t.occurred_on <= '2021-05-20')).toBe(true);
  });
});
