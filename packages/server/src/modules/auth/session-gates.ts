/**
 * What a session must do before anything else (change its password, enrol a second factor), computed once here
 * for the request hook, which enforces it, and for the session's answer, which tells the client.
 */
import { SECOND_FACTOR_ROLES, type Role } from '@keyprojects/core';

/** What the session must do before anything else, and whether it has a second factor. */
export interface SessionGates {
  passwordChangeRequired: boolean;
  mfaEnrollmentRequired: boolean;
  mfaEnabled: boolean;
}

/** The gates of a session: a due password change; a second factor the role needs (when enforced) but lacks. */
export function sessionGates(
  session: { role: Role; passwordChangeRequired: boolean; mfaEnabled: boolean },
  mfaEnforce: boolean,
): SessionGates {
  return {
    passwordChangeRequired: session.passwordChangeRequired,
    mfaEnrollmentRequired: mfaEnforce && SECOND_FACTOR_ROLES.includes(session.role) && !session.mfaEnabled,
    mfaEnabled: session.mfaEnabled,
  };
}
