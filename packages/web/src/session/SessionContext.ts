import { createContext } from 'react';
import type { CurrentUser, Permission, Session } from '@keyprojects/core';
import type { LoginOutcome } from '../api/auth.ts';

/** What the session must do before anything else, and whether it has an authenticator. */
export type SessionGates = Pick<Session, 'passwordChangeRequired' | 'mfaEnrollmentRequired' | 'mfaEnabled'>;

/** The signed-in user (null when signed out; undefined while the session is being checked) and the auth actions. */
export interface SessionContextValue {
  user: CurrentUser | null | undefined;
  /** The app's date from the server (YYYY-MM-DD); undefined while signed out or loading. */
  today: string | undefined;
  gates: SessionGates | undefined;
  /** First sign-in step: signs in, or (for an account with an authenticator) returns the challenge of the code step. */
  login: (username: string, password: string) => Promise<LoginOutcome>;
  loginWithCode: (challenge: string, code: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  /** Reloads the session (after a password change or an enrolment lifted a gate). */
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
