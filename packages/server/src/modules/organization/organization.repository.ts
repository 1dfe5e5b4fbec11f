/**
 * Kysely access to organisations: the picker's scoped search, the credit-code uniqueness check and the insert.
 * Callers pass the transaction they own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { OrganizationKind, OrganizationListQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/like.ts';
import { homeRegionCondition } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrganizationRow } from './organization.presenter.ts';

type Db = Kysely<DB> | Transaction<DB>;

const columns = ['id', 'kind', 'name', 'credit_code', 'region_code'] as const;

/**
 * The organisations the actor may name (based inside its scope or above it; an owner its own), by name, narrowed
 * by kind and by text in the name or credit code.
 */
export async function searchOrganizations(
  db: Db,
  actor: Actor,
  query: OrganizationListQuery,
): Promise<OrganizationRow[]> {
  let q = db
    .selectFrom('organizations')
    .select(columns)
    .where((eb) => homeRegionCondition(eb, actor, eb.ref('region_code'), eb.ref('id')))
    .orderBy('name')
    .limit(query.limit);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsText('name', text), containsText('credit_code', text)]));
  }
  return q.execute();
}

/** True when some organisation already holds this credit code. */
export async function creditCodeTaken(db: Db, creditCode: string): Promise<boolean> {
  const taken = await db
    .selectFrom('organizations')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return taken !== undefined;
}

/** Inserts an organisation; its stored row. */
export async function insertOrganization(
  trx: Transaction<DB>,
  values: { kind: OrganizationKind; name: string; creditCode: string | null; regionCode: string },
): Promise<OrganizationRow> {
  return trx
    .insertInto('organizations')
    .values({ kind: values.kind, name: values.name, credit_code: values.creditCode, region_code: values.regionCode })
    .returning(columns)
    .executeTakeFirstOrThrow();
}
