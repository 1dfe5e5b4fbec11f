/** Locks reporting periods whose deadline has passed (hourly); after that a change is a correction with a reason. */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { lockDuePeriods } from '../modules/report/period.repository.ts';

export const schedule = { everyMs: 60 * 60 * 1000, runAtStart: true };

export async function run(deps: { db: Kysely<DB>; clock: Clock }): Promise<{ locked: string[] }> {
  const locked = await lockDuePeriods(deps.db, deps.clock.today());
  return { locked: locked.map((p) => `${p.year}-${String(p.month).padStart(2, '0')}`) };
}
