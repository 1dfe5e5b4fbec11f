/** Codelists for forms and filters (any signed-in user), and the health check (public). */
import type { Kysely } from 'kysely';
import { fixedCodelists, type Codelists, type HealthOutput } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { activeStages, databaseNow, planYears } from './meta.repository.ts';

/**
 * Core's closed vocabularies, the configured stages and the years that have a plan. Any signed-in user may read
 * them (the actor proves the session); they hold no business data.
 */
export async function codelists(db: Kysely<DB>, _actor: Actor): Promise<Codelists> {
  const [stages, years] = await Promise.all([activeStages(db), planYears(db)]);
  return {
    ...fixedCodelists(),
    stages,
    planYears: years,
  };
}

/** The health check: the database answers, with its clock. */
export async function health(db: Kysely<DB>): Promise<HealthOutput> {
  return { status: 'ok', database: 'ok', time: (await databaseNow(db)).toISOString() };
}
