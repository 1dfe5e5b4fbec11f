import { ApiError, apiRequest, setCsrfToken } from './client.ts';
import type { DemoAccount, SessionResponse } from './types.ts';

/** Signs in; the server sets the session cookie and returns the CSRF token. */
export async function login(username: string, password: string): Promise<SessionResponse> {
  const session = await apiRequest<SessionResponse>('/auth/login', { method: 'POST', body: { username, password } });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Ends the session (best effort: the local session is forgotten even if the server call fails). */
export async function logout(): Promise<void> {
  try {
    await apiRequest<undefined>('/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

/** The signed-in user, or null when there is no session. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest<SessionResponse>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Demo accounts to offer on the login page; empty outside demo mode. */
export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  const body = await apiRequest<{ accounts?: DemoAccount[] }>('/auth/demo-accounts');
  return body.accounts ?? [];
}
