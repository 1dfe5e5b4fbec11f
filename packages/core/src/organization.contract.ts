/**
 * The organisations' API contract (owners, responsible units, DRC offices): the picker's search and the
 * registration of a new organisation, shared by the server (validation, OpenAPI) and the web. (The service-officer
 * picker's contract is the users' one, in admin.contract.ts.)
 */
import { z } from 'zod';
import { ORGANIZATION_KINDS } from './codelists.ts';
import { isValidCreditCode } from './credit-code.ts';
import { regionCode } from './project.contract.ts';

/** An organisation as the API shows it. */
export const organizationOutput = z.object({
  id: z.number().int(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
});
/** An organisation as the API shows it. */
export type OrganizationOutput = z.output<typeof organizationOutput>;

/** The picker's answer: the organisations the actor may name that match. */
export const organizationList = z.object({ items: z.array(organizationOutput) });
/** The picker's answer. */
export type OrganizationList = z.output<typeof organizationList>;

/** The picker's search (GET /organizations): by kind and by text in the name or credit code. */
export const organizationListQuery = z.strictObject({
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
/** The picker's search after parsing. */
export type OrganizationListQuery = z.output<typeof organizationListQuery>;
/** The picker's search as a client sends it. */
export type OrganizationListQueryJson = z.input<typeof organizationListQuery>;

/** A new organisation (POST /organizations); the credit code is upper-cased and checked. */
export const organizationInput = z.strictObject({
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(200, { error: 'text.tooLong' }),
  creditCode: z.string().trim().toUpperCase().refine(isValidCreditCode, { error: 'creditCode.invalid' }).nullish(),
  regionCode,
});
/** A new organisation after parsing. */
export type OrganizationInput = z.output<typeof organizationInput>;
/** A new organisation as a client sends it. */
export type OrganizationInputJson = z.input<typeof organizationInput>;
