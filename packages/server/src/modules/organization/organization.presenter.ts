/** The one way an organisation becomes JSON: its row to the contract's `organizationOutput` (API and audit). */
import type { Selectable } from 'kysely';
import { ORGANIZATION_KINDS, type OrganizationKind, type OrganizationOutput } from '@keyprojects/core';
import type { OrganizationTable } from '../../db/schema.ts';

/** The columns of an organisation the presenter reads. */
export type OrganizationRow = Pick<
  Selectable<OrganizationTable>,
  'id' | 'kind' | 'name' | 'credit_code' | 'region_code'
>;

const isOrganizationKind = (kind: string): kind is OrganizationKind =>
  (ORGANIZATION_KINDS as readonly string[]).includes(kind);

/** An organisation as the API shows it (the kind column holds a code of ORGANIZATION_KINDS, checked by the database). */
export function toOrganizationOutput(row: OrganizationRow): OrganizationOutput {
  if (!isOrganizationKind(row.kind)) throw new Error(`organisation ${row.id} has an unknown kind ${row.kind}`);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    creditCode: row.credit_code,
    regionCode: row.region_code,
  };
}
