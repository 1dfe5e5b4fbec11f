/** The statistics rollup as kept by its triggers (and bulk writers) against a rebuild from scratch. */
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../src/db/schema.ts';

/** Fails unless the rollup rows that count anything equal those `kp_rollup_rebuild` makes of every year. */
export async function expectRollupAsRebuilt(db: Kysely<DB>): Promise<void> {
  const held = sql`select year, month, region_code, category, levels, nature, industry, size_tier,
    to_jsonb(r) - 'year' - 'month' as measures from stats_rollup r where projects <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8`;
  const kept = (await held.execute(db)).rows;
  await sql`select kp_rollup_rebuild(year) from (select distinct year from annual_plans) y`.execute(db);
  expect((await held.execute(db)).rows).toEqual(kept);
}
