/** The regions table as the scope sees it. */
import type { Kysely, Transaction } from 'kysely';
import type { RegionLevel, RegionNames, ScopeRegion } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { visibleRegions } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The regions the actor may see (its region and everything under it), by code. */
export function regionsInScope(db: Db, actor: Pick<Actor, 'role' | 'regionCode'>): Promise<ScopeRegion[]> {
  return db
    .selectFrom('regions')
    .where(visibleRegions(actor))
    .select(['code', 'name', 'level', 'parent_code as parentCode', 'name_en as nameEn'])
    .select((eb) => eb.fn.coalesce('short_name', 'name').as('shortName'))
    .orderBy('code')
    .execute();
}

/** A region's names (short name falling back to the full one), or undefined when the code names none. */
export function findRegionNames(db: Db, code: string): Promise<RegionNames | undefined> {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'name_en as nameEn'])
    .select((eb) => eb.fn.coalesce('short_name', 'name').as('shortName'))
    .where('code', '=', code)
    .executeTakeFirst();
}

/** A region by its code, or undefined when the code names none. */
export function findRegion(
  db: Db,
  code: string,
): Promise<{ code: string; name: string; level: RegionLevel } | undefined> {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}

/** True when the code names a region (projects, organisations and accounts are checked with it). */
export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The districts, counties and zones directly under a prefecture-level city, by code. */
export function countiesOf(db: Db, prefectureCode: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', '=', prefectureCode)
    .where('level', '=', 'county')
    .orderBy('code')
    .execute();
}

/** The region an organisation sits in (an account without a region of its own belongs there); undefined if none. */
export async function regionOfOrganization(db: Db, organizationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('region_code')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.region_code;
}
