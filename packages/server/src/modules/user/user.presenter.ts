/**
 * The one way an account becomes JSON: the administrators' account (GET /users), the session's user (sign-in,
 * GET /auth/me) and the audit trail's snapshot of an account all start from the same fields of its row here.
 * Never the password hash.
 */
import type { CurrentUser, UserOutput } from '@keyprojects/core';
import type { UserRow } from '../../db/schema.ts';

/** An account's row with the names of its region and organisation (joined by the repository). */
export type NamedUserRow = Pick<
  UserRow,
  'id' | 'username' | 'display_name' | 'role' | 'region_code' | 'organization_id'
> & {
  regionName: string | null;
  organizationName: string | null;
};

/** An account's row as the administrators' list reads it: names, state and the sign-in lock (login_attempts). */
export type AccountRow = NamedUserRow &
  Pick<UserRow, 'disabled' | 'must_change_password' | 'version'> & {
    lockedUntil: Date | null;
    /** Locked now by the database's clock (lockedUntil lies in the future). */
    locked: boolean;
  };

/** The identity and scope every view of an account shares. */
function accountIdentity(row: Pick<UserRow, 'username' | 'display_name' | 'role' | 'region_code' | 'organization_id'>) {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    organizationId: row.organization_id,
  };
}

/** The signed-in user as the session shows it. */
export function presentCurrentUser(row: NamedUserRow): CurrentUser {
  const { username, displayName, role, regionCode, organizationId } = accountIdentity(row);
  return {
    id: row.id,
    username,
    displayName,
    role,
    regionCode,
    regionName: row.regionName,
    organizationId,
    organizationName: row.organizationName,
  };
}

/** An account as the administrators see it. */
export function presentAccount(row: AccountRow): UserOutput {
  return {
    ...presentCurrentUser(row),
    disabled: row.disabled,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    locked: row.locked,
    mustChangePassword: row.must_change_password,
    version: row.version,
  };
}

/** What the audit trail keeps of an account before and after a change. */
export function userSnapshot(row: UserRow) {
  return { ...accountIdentity(row), disabled: row.disabled, mustChangePassword: row.must_change_password };
}
