import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can as roleCan, type Permission } from '@keyprojects/core';
import { fetchSession, login as apiLogin, logout as apiLogout } from '../api/auth.ts';
import { onUnauthenticated } from '../api/client.ts';
import type { SessionResponse, SessionUser } from '../api/types.ts';
import { SessionContext, type SessionContextValue } from './SessionContext.ts';

const SESSION_KEY = ['auth', 'me'] as const;

/** Loads the session from /auth/me, offers login and logout, and drops the session when the API says it is gone. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });

  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.setQueryData<SessionResponse | null>(SESSION_KEY, null);
      }),
    [queryClient],
  );

  const login = useCallback(
    async (username: string, password: string): Promise<SessionUser> => {
      const result = await apiLogin(username, password);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData<SessionResponse | null>(SESSION_KEY, result);
      return result.user;
    },
    [queryClient],
  );

  const logout = useCallback(async (): Promise<void> => {
    try {
      await apiLogout();
    } finally {
      queryClient.setQueryData<SessionResponse | null>(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    }
  }, [queryClient]);

  const user = session.isError ? null : session.data === undefined ? undefined : (session.data?.user ?? null);
  const today = session.data?.today;

  const value = useMemo<SessionContextValue>(
    () => ({
      user,
      today,
      login,
      logout,
      can: (permission: Permission) => (user ? roleCan(user.role, permission) : false),
    }),
    [user, today, login, logout],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
