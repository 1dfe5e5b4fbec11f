/** Evaluates every warning rule once a day as of the application's date, storing what was raised, confirmed, cleared. */
import type { Kysely } from 'kysely';
import type { WarningEvaluation } from '@keyprojects/core';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { evaluateWarningsAsOf } from '../modules/warning/warning-evaluation.service.ts';

export const schedule = { everyMs: 24 * 60 * 60 * 1000, runAtStart: true };

export async function run(deps: { db: Kysely<DB>; clock: Clock }): Promise<WarningEvaluation> {
  return evaluateWarningsAsOf(deps.db, deps.clock.today());
}
