/**
 * The users API's contracts (/users: the administrators' account list and changes, role assignment, the
 * organisations an account may belong to, the service officers for pickers): request and response schemas shared
 * by the server's routes and the web's admin pages. The audit trail's are audit.contract.ts.
 */
import { z } from 'zod';
import { regionCode } from './project.contract.ts';
import { ROLES } from './roles.ts';
import { currentUserSchema } from './auth.contract.ts';
import { idSchema } from './id.ts';

/** An account's state as the user list filters it. */
export const ACCOUNT_STATES = ['active', 'disabled', 'locked'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** GET /users: search in username and display name, filters by role, region (and below) and state. */
export const userListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  regionCode: regionCode.optional(),
  state: z.enum(ACCOUNT_STATES).optional(),
});
export type UserListQuery = z.output<typeof userListQuery>;

/** An account as the administrators see it (never the hash). */
export const userOutput = currentUserSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** Locked now (by the database's clock): lockedUntil lies in the future. */
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});
export type UserOutput = z.output<typeof userOutput>;
export const userListOutput = z.object({ items: z.array(userOutput) });
export type UserListOutput = z.output<typeof userListOutput>;

const username = z
  .string({ error: 'required' })
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, { error: 'username.invalid' });
const displayName = z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(50);

/** POST /users (system administrator): the server makes the first password and shows it once. */
export const userCreateInput = z.strictObject({
  username,
  displayName,
  role: z.enum(ROLES),
  regionCode: regionCode.nullish(),
  organizationId: idSchema.nullish(),
});
export type UserCreateInput = z.output<typeof userCreateInput>;

/** A one-time password, shown once to the administrator who created or reset the account. */
export const oneTimePasswordOutput = z.object({ id: z.number().int(), password: z.string() });
export type OneTimePasswordOutput = z.output<typeof oneTimePasswordOutput>;

/** PATCH /users/{id} (system administrator): the display name. */
export const userUpdateInput = z.strictObject({ displayName });
export type UserUpdateInput = z.output<typeof userUpdateInput>;

/** PATCH /users/{id}/role (security administrator): the role and the scope that goes with it. */
export const roleChangeInput = z.strictObject({
  role: z.enum(ROLES),
  regionCode: regionCode.nullish(),
  organizationId: idSchema.nullish(),
});
export type RoleChangeInput = z.output<typeof roleChangeInput>;

/** The role and scope an account has after PATCH /users/{id}/role. */
export const roleChangeOutput = z.object({
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  organizationId: z.number().int().nullable(),
});
export type RoleChangeOutput = z.output<typeof roleChangeOutput>;

/** GET /users/organizations: a name to search for among the organisations an account may belong to. */
export const grantableOrganizationQuery = z.strictObject({
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
});
export type GrantableOrganizationQuery = z.output<typeof grantableOrganizationQuery>;

/** An organisation an administrator may attach an account to (inside its region). */
export const grantableOrganization = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
});
export type GrantableOrganization = z.output<typeof grantableOrganization>;
export const grantableOrganizationList = z.object({ items: z.array(grantableOrganization) });
export type GrantableOrganizationList = z.output<typeof grantableOrganizationList>;

/** GET /users/officers: a service officer the actor may pair with its projects. */
export const officerOutput = z.object({
  id: z.number().int(),
  displayName: z.string(),
  regionCode: z.string().nullable(),
});
export type OfficerOutput = z.output<typeof officerOutput>;
export const officerList = z.object({ items: z.array(officerOutput) });
export type OfficerList = z.output<typeof officerList>;
