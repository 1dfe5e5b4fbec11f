/** Regions for filters and forms: what any signed-in user may narrow to. */
import type { Kysely } from 'kysely';
import type { ScopeRegionsOutput } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { regionsInScope } from './region.repository.ts';

/** The regions of the actor's scope (its own and everything under it); any signed-in user may ask. */
export async function scopeRegions(db: Kysely<DB>, actor: Actor): Promise<ScopeRegionsOutput> {
  return { regions: await regionsInScope(db, actor) };
}
