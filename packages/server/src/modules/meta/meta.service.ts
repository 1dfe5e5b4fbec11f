/** Codelists for forms and filters (any signed-in user), the running environment and the health check (public). */
import type { Kysely } from 'kysely';
import { fixedCodelists, type Codelists, type EnvironmentOutput, type HealthOutput } from '@keyprojects/core';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { findRegionNames } from '../region/region.repository.ts';
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

/**
 * What anyone may know before signing in: demo or production, and the city the system serves (its names from the
 * regions table, so the login page follows the configured city; null when none is configured or the code is unknown).
 */
export async function environment(
  db: Kysely<DB>,
  config: Pick<Config, 'demo' | 'production' | 'cityCode'>,
): Promise<EnvironmentOutput> {
  const city = config.cityCode === null ? undefined : await findRegionNames(db, config.cityCode);
  return { demo: config.demo, production: config.production, city: city ?? null };
}
