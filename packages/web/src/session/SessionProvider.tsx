import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can as roleCan, type CurrentUser, type Permission, type Session } from '@keyprojects/core';
import {
  sessionQuery,
  login as apiLogin,
  loginWithCode as apiLoginWithCode,
  logout as apiLogout,
  type LoginOutcome,
} from '../api/auth.ts';
import { onSessionGate, onUnauthenticated } from '../api/client.ts';
import { setAppToday } from '../lib/appDate.ts';
import { SessionContext, type SessionContextValue, type SessionGates } from './SessionContext.ts';

const SESSION_KEY = sessionQuery.queryKey;

/** Loads the session from /auth/me, offers login and logout, and drops the session when the API says it is gone. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);

  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.setQueryData<Session | null>(SESSION_KEY, null);
      }),
    [queryClient],
  );
  // A request refused because a password change or an enrolment is due: reload the session to show that step.
  useEffect(() => onSessionGate(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })), [queryClient]);

  const startSession = useCallback(
    (result: Session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData<Session | null>(SESSION_KEY, result);
      return result.user;
    },
    [queryClient],
  );

  const login = useCallback(
    async (username: string, password: string): Promise<LoginOutcome> => {
      const outcome = await apiLogin(username, password);
      if (outcome.kind === 'session') startSession(outcome.session);
      return outcome;
    },
    [startSession],
  );

  const loginWithCode = useCallback(
    async (challenge: string, code: string): Promise<CurrentUser> =>
      startSession(await apiLoginWithCode(challenge, code)),
    [startSession],
  );

  const logout = useCallback(async (): Promise<void> => {
    try {
      await apiLogout();
    } finally {
      queryClient.setQueryData<Session | null>(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    }
  }, [queryClient]);

  const refresh = useCallback(async (): Promise<void> => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [queryClient]);

  const user = session.isError ? null : session.data === undefined ? undefined : (session.data?.user ?? null);
  const today = session.data?.today;
  // Set during render, before any child reads dayjs(): the pickers and defaults below follow it at once.
  setAppToday(today);
  const data = session.isError ? null : session.data;
  const gates = useMemo<SessionGates | undefined>(
    () =>
      data
        ? {
            passwordChangeRequired: data.passwordChangeRequired,
            mfaEnrollmentRequired: data.mfaEnrollmentRequired,
            mfaEnabled: data.mfaEnabled,
          }
        : undefined,
    [data],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      user,
      today,
      gates,
      login,
      loginWithCode,
      logout,
      refresh,
      can: (permission: Permission) => (user ? roleCan(user.role, permission) : false),
    }),
    [user, today, gates, login, loginWithCode, logout, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
