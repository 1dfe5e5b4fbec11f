/** Evaluates every warning rule once a day as of the application's date, storing what was raised, confirmed, cleared. */
import type { Kysely } from 'kysely';
import type { WarningEvaluation } from '@keyprojects/core';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { evaluateWarningsAsOf } from '../modules/warning/warning-evaluation.service.ts';

/** Daily: once per application date, checked every quarter of an hour (the scheduler runs each date once). */
export const schedule = { everyMs: 15 * 60 * 1000, runAtStart: true, daily: true };

export async function run(deps: { db: Kysely<DB>; clock: Clock }): Promise<WarningEvaluation> {
  return evaluateWarningsAsOf(deps.db, deps.clock.today());
}
