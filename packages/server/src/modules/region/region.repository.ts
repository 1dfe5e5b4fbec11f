/** The regions table as the scope sees it. */
import type { Kysely, Transaction } from 'kysely';
import type { ScopeRegion } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { visibleRegions } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The regions the actor may see (its region and everything under it), by code. */
export function regionsInScope(db: Db, actor: Pick<Actor, 'role' | 'regionCode'>): Promise<ScopeRegion[]> {
  return db
    .selectFrom('regions')
    .where(visibleRegions(actor))
    .select(['code', 'name', 'level', 'parent_code as parentCode'])
    .orderBy('code')
    .execute();
}
