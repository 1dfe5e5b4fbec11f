/** Codelists for forms and filters (any signed-in user), and the health check (public). */
import type { Kysely } from 'kysely';
import {
  FINANCING_MODEL_LABELS,
  FUNDING_SOURCE_LABELS,
  INDUSTRY_SECTION_LABELS,
  ORGANIZATION_KIND_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  ROLE_LABELS,
  type Codelist,
  type CodeItem,
  type Codelists,
  type HealthOutput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { activeStages, databaseNow, planYears } from './meta.repository.ts';

const toItems = (list: Codelist<string>): CodeItem[] =>
  Object.entries(list).map(([code, label]) => ({ code, ...label }));

/**
 * Core's closed vocabularies, the configured stages and the years that have a plan. Any signed-in user may read
 * them (the actor proves the session); they hold no business data.
 */
export async function codelists(db: Kysely<DB>, _actor: Actor): Promise<Codelists> {
  const [stages, years] = await Promise.all([activeStages(db), planYears(db)]);
  return {
    levels: toItems(PROJECT_LEVEL_LABELS),
    categories: toItems(PROJECT_CATEGORY_LABELS),
    natures: toItems(PROJECT_NATURE_LABELS),
    industries: toItems(INDUSTRY_SECTION_LABELS),
    financingModels: toItems(FINANCING_MODEL_LABELS),
    fundingSourceKinds: toItems(FUNDING_SOURCE_LABELS),
    roles: toItems(ROLE_LABELS),
    organizationKinds: toItems(ORGANIZATION_KIND_LABELS),
    stages,
    planYears: years,
  };
}

/** The health check: the database answers, with its clock. */
export async function health(db: Kysely<DB>): Promise<HealthOutput> {
  return { status: 'ok', database: 'ok', time: (await databaseNow(db)).toISOString() };
}
