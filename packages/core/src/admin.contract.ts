/**
 * The administrators' API contracts (users, role assignment, the audit trail): request and response schemas
 * shared by the server's routes and the web's admin pages.
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
export type UserCreateInput = z.input<typeof userCreateInput>;

/** A one-time password, shown once to the administrator who created or reset the account. */
export const oneTimePasswordOutput = z.object({ id: z.number().int(), password: z.string() });
export type OneTimePasswordOutput = z.output<typeof oneTimePasswordOutput>;

/** PATCH /users/{id} (system administrator): the display name. */
export const userUpdateInput = z.strictObject({ displayName });
export type UserUpdateInput = z.input<typeof userUpdateInput>;

/** PATCH /users/{id}/role (security administrator): the role and the scope that goes with it. */
export const roleChangeInput = z.strictObject({
  role: z.enum(ROLES),
  regionCode: regionCode.nullish(),
  organizationId: idSchema.nullish(),
});
export type RoleChangeInput = z.input<typeof roleChangeInput>;

/** The audit trail's entity types and actions (as recorded by the server). */
export const AUDIT_ENTITY_TYPES = [
  'project',
  'user',
  'organization',
  'session',
  'report',
  'period',
  'bulletin_template',
  // A refused API request (entity id: method and route), a data transfer (entity id: what was exported/imported).
  'request',
  'transfer',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Every action the server records, in the order the audit log's filter lists them. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'create',
  'update',
  'delete',
  'role_change',
  'disable',
  'enable',
  'unlock',
  'password_reset',
  'submit',
  'approve',
  'return',
  'confirm',
  'correct',
  'login_locked',
  'login_throttled',
  'account_locked',
  'password_change',
  'password_change_failed',
  'session_evicted',
  'mfa_enrolled',
  'mfa_failed',
  'access_denied',
  'csrf_failed',
  'export',
  'import',
  'lock',
  'locked_write_refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** GET /audit: filters and keyset paging (`beforeId` = the last id of the previous page). */
export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true, error: 'date.invalid' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'date.invalid' }).optional(),
  actor: z.string().trim().max(40).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/, { error: 'audit.actionInvalid' })
    .optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  ip: z.string().trim().max(45).optional(),
  regionCode: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;
export type AuditQueryInput = z.input<typeof auditQuery>;

/** One audit row with the fields it changed. */
export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  regionCode: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AuditItem = z.output<typeof auditItem>;
/** A page of the trail; `nextBeforeId` continues it (null on the last page). */
export const auditPage = z.object({ items: z.array(auditItem), nextBeforeId: z.number().int().nullable() });
export type AuditPage = z.output<typeof auditPage>;
