/**
 * User accounts under the separation of the three administrators (三员分立): the system administrator opens
 * accounts (up to district staff, inside its region, with a one-time password), the security administrator
 * assigns roles and scopes (inside its region, never its own account nor an administrator's); only the CLI
 * creates the administrators. The rules are core's (separation.ts); the database trigger of migration
 * 2026120511 enforces the role part again. Every change is audited with before and after, never the hash.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  ROLES_WITH_ORGANIZATION,
  ROLES_WITH_REGION,
  accountCreationRefusal,
  isWithinRegion,
  roleGrantRefusal,
  targetRefusal,
  type MessageKey,
  type OneTimePasswordOutput,
  type Role,
  type RoleChangeInput,
  type RoleChangeOutput,
  type UserCreateInput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { oneTimePassword } from './one-time-password.ts';
import { userSnapshot } from './user.presenter.ts';
import { deleteUserSessions } from '../auth/session.repository.ts';
import { regionExists } from '../region/region.repository.ts';
import {
  declareActorRole,
  insertUser,
  lockAccount,
  organizationRegion,
  updateUser,
  usernameTaken,
} from './user.repository.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  organizationId?: number | null;
}

/**
 * The field errors of a role and scope: region and organisation present when the role needs them, known,
 * and inside `scopeRegion` when an administrator grants them (undefined = the CLI, unbounded).
 */
async function scopeErrors(
  trx: Transaction<DB>,
  scope: { role: Role; regionCode: string | null; organizationId: number | null },
  scopeRegion: string | null | undefined,
): Promise<Record<string, MessageKey>> {
  const fields: Record<string, MessageKey> = {};
  if (ROLES_WITH_REGION.includes(scope.role) && !scope.regionCode) fields.regionCode = 'required';
  if (scope.regionCode && !(await regionExists(trx, scope.regionCode))) fields.regionCode = 'region.unknown';
  if (ROLES_WITH_ORGANIZATION.includes(scope.role) && !scope.organizationId) fields.organizationId = 'required';
  if (scope.organizationId) {
    const orgRegion = await organizationRegion(trx, scope.organizationId);
    if (orgRegion === undefined) fields.organizationId = 'organization.unknown';
    else if (scopeRegion !== undefined && (scopeRegion === null || !isWithinRegion(orgRegion, scopeRegion)))
      fields.organizationId = 'organization.outOfScope';
  }
  return fields;
}

/**
 * Creates a user (password checked against the policy and hashed); audited as `actor`, null for the CLI and
 * the test factories, which may create any role. An account an administrator creates must change its
 * password at first sign-in.
 */
export async function createUser(db: Kysely<DB>, actor: Actor | null, input: NewUser): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await declareActorRole(trx, actor === null ? 'cli' : 'system_admin');
    const scope = {
      role: input.role,
      regionCode: input.regionCode ?? null,
      organizationId: input.organizationId ?? null,
    };
    const fields = await scopeErrors(trx, scope, actor === null ? undefined : actor.regionCode);
    const problem = passwordProblem(input.password, input.username);
    if (problem) fields.password = problem;
    if (await usernameTaken(trx, input.username)) fields.username = 'username.taken';
    if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
    const row = await insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      region_code: scope.regionCode,
      organization_id: scope.organizationId,
      must_change_password: actor !== null,
    });
    // Two creations of one username at once: the second finds it taken instead of a unique violation (500).
    if (!row) throw errors.invalidField('username', 'username.taken');
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: row.id,
      action: 'create',
      regionCode: row.region_code,
      after: userSnapshot(row),
    });
    return row.id;
  });
}

/**
 * The system administrator opens an account: a business role up to district staff in a county of its own
 * region (anything higher is refused: it is the security administrator's grant, see README), with a
 * one-time password made here and shown once.
 */
export async function createAccount(
  db: Kysely<DB>,
  actor: Actor,
  input: UserCreateInput,
): Promise<OneTimePasswordOutput> {
  requirePermission(actor, 'user.manage');
  const refusal = accountCreationRefusal(actor, input.role, input.regionCode ?? null);
  if (refusal) throw errors.invalidField(refusal.field, refusal.key);
  const password = oneTimePassword();
  const id = await createUser(db, actor, { ...input, password });
  return { id, password };
}

/**
 * The security administrator assigns a role and the scope that goes with it, inside its own region; its own
 * account and administrator accounts are refused (403), as are administrator roles (400). The user's open
 * sessions end, so the change takes effect at once.
 */
export async function changeRole(
  db: Kysely<DB>,
  actor: Actor,
  userId: number,
  change: RoleChangeInput,
): Promise<RoleChangeOutput> {
  requirePermission(actor, 'user.assignRole');
  return db.transaction().execute(async (trx) => {
    await declareActorRole(trx, 'security_admin');
    const before = await lockAccount(trx, actor.regionCode, userId);
    if (!before) throw errors.notFound();
    const targetKey = targetRefusal(actor, before);
    if (targetKey) throw errors.forbidden(targetKey);
    const scope = {
      role: change.role,
      regionCode: change.regionCode === undefined ? before.region_code : change.regionCode,
      organizationId: change.organizationId === undefined ? before.organization_id : change.organizationId,
    };
    const refusal = roleGrantRefusal(actor, scope.role, scope.regionCode);
    if (refusal) throw errors.invalidField(refusal.field, refusal.key);
    const fields = await scopeErrors(trx, scope, actor.regionCode);
    if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
    const after = await updateUser(trx, userId, {
      role: scope.role,
      region_code: scope.regionCode,
      organization_id: scope.organizationId,
      version: before.version + 1,
      updated_at: new Date(),
    });
    await deleteUserSessions(trx, userId);
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: userId,
      action: 'role_change',
      regionCode: after.region_code,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return { role: after.role, regionCode: after.region_code, organizationId: after.organization_id };
  });
}
