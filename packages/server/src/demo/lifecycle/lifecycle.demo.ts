/**
 * The demo's projects on the demo's calendar: the insert trigger dates a not-yet-started project's first transition
 * on the computer's date (2026), which in a demo frozen on 2021-05-20 lies in the future, so the reserve library would
 * not count the project and every step recorded in 2021 would be out of order. The demo's key-project list is taken
 * as published at the start of the demo year, so that is when those projects entered it.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Re-dates the first transitions dated after the demo's date to 1 January of its year; returns how many. */
export async function dateFirstTransitionsInDemoYear(db: Kysely<DB>, asOf: string): Promise<number> {
  const listedOn = `${asOf.slice(0, 4)}-01-01`;
  const result = await sql`
    update lifecycle_transitions set occurred_on = ${listedOn}
    where source = 'create' and occurred_on > ${asOf}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
