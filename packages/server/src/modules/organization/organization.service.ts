/**
 * Organisation rules: the picker lists only what the actor may name (db/scope.ts's homeRegionCondition); a new
 * organisation needs a known region inside the actor's own, and a credit code no other organisation holds; it is
 * written with its audit row in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  isWithinRegion,
  type OrganizationKind,
  type OrganizationInput,
  type OrganizationList,
  type OrganizationListQuery,
  type OrganizationOutput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { regionExists } from '../region/region.repository.ts';
import { toOrganizationOutput } from './organization.presenter.ts';
import * as repo from './organization.repository.ts';

/** The organisations the actor may name that match the search (for pickers). */
export async function listOrganizations(
  db: Kysely<DB>,
  actor: Actor,
  query: OrganizationListQuery,
): Promise<OrganizationList> {
  requirePermission(actor, 'organization.read');
  const rows = await repo.searchOrganizations(db, actor, query);
  return { items: rows.map(toOrganizationOutput) };
}

/** Registers an organisation in a region of the actor's scope; 400 naming the field when the region or code is wrong. */
export async function createOrganization(
  db: Kysely<DB>,
  actor: Actor,
  input: OrganizationInput,
): Promise<OrganizationOutput> {
  requirePermission(actor, 'organization.create');
  return db.transaction().execute(async (trx) => {
    if (!(await regionExists(trx, input.regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
    if (actor.regionCode && !isWithinRegion(input.regionCode, actor.regionCode))
      throw errors.invalidField('regionCode', 'region.outOfScope');
    if (input.creditCode && (await repo.creditCodeTaken(trx, input.creditCode)))
      throw errors.invalidField('creditCode', 'creditCode.taken');
    return registerOrganizationIn(trx, actor, {
      kind: input.kind,
      name: input.name,
      creditCode: input.creditCode ?? null,
      regionCode: input.regionCode,
    });
  });
}

/**
 * Writes an organisation and its audit row inside the caller's transaction, the references already checked (the
 * API's registration above; the OC4IDS import's sandbox owners).
 */
export async function registerOrganizationIn(
  trx: Transaction<DB>,
  actor: Actor,
  values: { kind: OrganizationKind; name: string; creditCode: string | null; regionCode: string },
): Promise<OrganizationOutput> {
  const created = toOrganizationOutput(await repo.insertOrganization(trx, values));
  await recordAudit(trx, actor, {
    entityType: 'organization',
    entityId: created.id,
    action: 'create',
    regionCode: created.regionCode,
    after: created,
  });
  return created;
}
