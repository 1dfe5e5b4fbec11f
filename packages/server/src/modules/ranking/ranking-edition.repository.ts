/**
 * Kysely access to published rankings (ranking_editions): the insert that leaves exactly one edition under racing
 * publications (on conflict do nothing on the unique key), and the reads of an edition, the latest of a key, and
 * the list. Editions are city-wide documents (district scores); the projects in them are filtered by the service.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What identifies an edition, but its number. */
export interface EditionKey {
  regionCode: string;
  schemeId: string;
  schemeVersion: number;
  period: string;
}

function editions(db: Db) {
  return db
    .selectFrom('ranking_editions as e')
    .innerJoin('regions as r', 'r.code', 'e.region_code')
    .leftJoin('users as u', 'u.id', 'e.published_by')
    .select([
      'e.id',
      'e.region_code',
      'r.name as region_name',
      'e.scheme_id',
      'e.scheme_version',
      'e.scheme',
      'e.period',
      'e.edition',
      sql<string>`e.as_of::text`.as('as_of'),
      'e.units',
      'e.published_at',
      sql<string>`coalesce(u.display_name, u.username, '')`.as('published_by'),
    ]);
}
export type EditionRow = Awaited<ReturnType<ReturnType<typeof editions>['executeTakeFirstOrThrow']>>;

/** Inserts the edition unless one with the same key and number exists; its id, or null when it existed. */
export async function insertEdition(
  db: Db,
  values: EditionKey & { edition: number; scheme: string; units: string; asOf: string; publishedBy: number | null },
): Promise<number | null> {
  const row = await db
    .insertInto('ranking_editions')
    .values({
      region_code: values.regionCode,
      scheme_id: values.schemeId,
      scheme_version: values.schemeVersion,
      scheme: values.scheme,
      period: values.period,
      edition: values.edition,
      as_of: values.asOf,
      units: values.units,
      published_by: values.publishedBy,
    })
    .onConflict((oc) => oc.columns(['region_code', 'scheme_id', 'scheme_version', 'period', 'edition']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The edition by id (null when there is none). */
export async function findEdition(db: Db, id: number): Promise<EditionRow | null> {
  return (await editions(db).where('e.id', '=', id).executeTakeFirst()) ?? null;
}

/** The latest edition of a key (null when none was published). */
export async function latestEdition(db: Db, key: EditionKey): Promise<EditionRow | null> {
  const row = await editions(db)
    .where('e.region_code', '=', key.regionCode)
    .where('e.scheme_id', '=', key.schemeId)
    .where('e.scheme_version', '=', key.schemeVersion)
    .where('e.period', '=', key.period)
    .orderBy('e.edition', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The editions under a region (a city), optionally of one scheme and period, newest first. */
export async function listEditions(
  db: Db,
  filter: { regionCode: string; schemeId?: string | undefined; period?: string | undefined },
): Promise<EditionRow[]> {
  return editions(db)
    .where('e.region_code', 'like', `${regionPrefix(filter.regionCode)}%`)
    .$if(filter.schemeId !== undefined, (qb) => qb.where('e.scheme_id', '=', filter.schemeId ?? ''))
    .$if(filter.period !== undefined, (qb) => qb.where('e.period', '=', filter.period ?? ''))
    .orderBy('e.published_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(200)
    .execute();
}
