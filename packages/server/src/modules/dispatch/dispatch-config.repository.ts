/**
 * Kysely access to the dispatch configuration (dispatch_config): one JSON value per key (the working-day calendar,
 * the deadline rule), versioned so that two administrators saving at once cannot overwrite each other unseen.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A stored configuration value with its version and when and by whom it was last saved. */
export interface ConfigRow {
  value: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: number | null;
}

/** The stored value of a key, or undefined when the key was never saved (the shipped default applies). */
export async function readConfig(db: Db, key: string): Promise<ConfigRow | undefined> {
  return db
    .selectFrom('dispatch_config')
    .select(['value', 'version', 'updated_at as updatedAt', 'updated_by as updatedBy'])
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Saves the first value of a key; false when another request saved it first (the key exists). */
export async function insertConfig(
  trx: Transaction<DB>,
  key: string,
  value: unknown,
  userId: number,
): Promise<boolean> {
  const rows = await trx
    .insertInto('dispatch_config')
    .values({ key, value: JSON.stringify(value), updated_by: userId })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('version')
    .execute();
  return rows.length === 1;
}

/** Replaces the value of a key if it is still at `version`; the new version, or null when another save came first. */
export async function updateConfig(
  trx: Transaction<DB>,
  key: string,
  value: unknown,
  version: number,
  userId: number,
): Promise<number | null> {
  const row = await trx
    .updateTable('dispatch_config')
    .set((eb) => ({
      value: JSON.stringify(value),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: userId,
    }))
    .where('key', '=', key)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}
