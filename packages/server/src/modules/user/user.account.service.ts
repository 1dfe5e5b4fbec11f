/**
 * Reading accounts (the service officers for pickers; the administrators' list) and the system administrator's
 * work on existing accounts: the display name, disabling and enabling, unlocking, and a password reset with a one-time password. Each
 * acts only on accounts inside the administrator's region, never on its own account nor another
 * administrator's (unlocking excepted: it grants nothing), and is audited with before and after.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import {
  isAboveDistrictStaff,
  targetRefusal,
  type GrantableOrganizationList,
  type OfficerList,
  type UserListOutput,
  type UserListQuery,
  type UserUpdateInput,
} from '@keyprojects/core';
import type { DB, UserRow, UserTable } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type AuditAction } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { clearNameAttempts } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/password.ts';
import { oneTimePassword } from './one-time-password.ts';
import { presentAccount, userSnapshot } from './user.presenter.ts';
import { deleteUserSessions } from '../auth/session.repository.ts';
import {
  declareActorRole,
  listAccounts,
  listOfficers,
  lockAccount,
  organizationsInside,
  updateUser,
} from './user.repository.ts';

/** The service officers the actor may pair with its projects (based in its scope or above it). */
export async function officersFor(db: Kysely<DB>, actor: Actor): Promise<OfficerList> {
  requirePermission(actor, 'organization.read');
  return { items: await listOfficers(db, actor) };
}

/** The accounts inside the administrator's region, filtered (system and security administrators). */
export async function listUsers(db: Kysely<DB>, actor: Actor, query: UserListQuery): Promise<UserListOutput> {
  requirePermission(actor, 'user.read');
  return { items: (await listAccounts(db, actor.regionCode, query)).map(presentAccount) };
}

/** Organisations an administrator may attach an account to (inside its region), by name. */
export async function grantableOrganizations(
  db: Kysely<DB>,
  actor: Actor,
  q: string | undefined,
): Promise<GrantableOrganizationList> {
  requirePermission(actor, 'user.read');
  return { items: await organizationsInside(db, actor.regionCode, q) };
}

interface AccountChange {
  action: AuditAction;
  /** Refuses the change for this account (after the common checks); undefined when allowed. */
  refuse?: (target: UserRow) => void;
  set: (target: UserRow) => Updateable<UserTable> | Promise<Updateable<UserTable>>;
  /** Ends the account's open sessions (a disabled account or a reset password must sign in again). */
  endSessions?: boolean;
  /** Also allowed on administrator accounts (it grants nothing). */
  allowAdmins?: boolean;
  /** Lifts a lock after failed sign-ins, which sign-in keeps per username in login_attempts. */
  clearSignInLock?: boolean;
}

/** One audited change of an account by the system administrator, in one transaction on the locked row. */
async function changeAccount(db: Kysely<DB>, actor: Actor, userId: number, change: AccountChange) {
  requirePermission(actor, 'user.manage');
  return db.transaction().execute(async (trx: Transaction<DB>) => {
    await declareActorRole(trx, 'system_admin');
    const before = await lockAccount(trx, actor.regionCode, userId);
    if (!before) throw errors.notFound();
    const targetKey = targetRefusal(actor, before);
    if (targetKey && !(change.allowAdmins && targetKey === 'admin.targetAdmin')) throw errors.forbidden(targetKey);
    change.refuse?.(before);
    const after = await updateUser(trx, userId, {
      ...(await change.set(before)),
      version: before.version + 1,
      updated_at: new Date(),
    });
    if (change.endSessions) await deleteUserSessions(trx, userId);
    if (change.clearSignInLock) await clearNameAttempts(trx, before.username);
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: userId,
      action: change.action,
      regionCode: after.region_code ?? before.region_code,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return after;
  });
}

/** Changes an account's display name. */
export async function updateAccount(db: Kysely<DB>, actor: Actor, userId: number, input: UserUpdateInput) {
  await changeAccount(db, actor, userId, { action: 'update', set: () => ({ display_name: input.displayName }) });
}

/** Disables (ending its sessions) or enables an account. */
export async function setAccountDisabled(db: Kysely<DB>, actor: Actor, userId: number, disabled: boolean) {
  await changeAccount(db, actor, userId, {
    action: disabled ? 'disable' : 'enable',
    set: () => ({ disabled }),
    endSessions: disabled,
  });
}

/** Lifts a lock after failed sign-ins (also on administrator accounts). */
export async function unlockAccount(db: Kysely<DB>, actor: Actor, userId: number) {
  await changeAccount(db, actor, userId, {
    action: 'unlock',
    set: () => ({}),
    allowAdmins: true,
    clearSignInLock: true,
  });
}

/**
 * Resets a password to a one-time password shown once; the account must change it at its next sign-in and
 * its sessions end. Refused for accounts above district staff: a password the system administrator knows
 * would give it their reach (三员分立); those are reset with the CLI.
 */
export async function resetPassword(db: Kysely<DB>, actor: Actor, userId: number) {
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await changeAccount(db, actor, userId, {
    action: 'password_reset',
    refuse: (target) => {
      if (isAboveDistrictStaff(target.role)) throw errors.forbidden('admin.resetAboveDistrict');
    },
    set: () => ({
      password_hash: hash,
      must_change_password: true,
      password_changed_at: new Date(),
    }),
    endSessions: true,
    clearSignInLock: true,
  });
  return { id: userId, password };
}
