/** The sign-in API (/auth): the two sign-in steps, the session, sign-out, one's own password, the authenticator. */
import type {
  ChangePasswordBody,
  DemoAccount,
  DemoAccountList,
  LoginBody,
  LoginCodeBody,
  LoginResult,
  MfaConfirmBody,
  MfaEnrolment,
  Session,
} from '@keyprojects/core';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiRequest, setCsrfToken } from './client.ts';

/** What the first sign-in step gives: a session, or the challenge of the second step (TOTP code). */
export type LoginOutcome = { kind: 'session'; session: Session } | { kind: 'code'; challenge: string };

/** Signs in; the server sets the session cookie and returns the CSRF token, or asks for a code first. */
export async function login(username: string, password: string): Promise<LoginOutcome> {
  const body = { username, password } satisfies LoginBody;
  const result = await apiRequest<LoginResult>('/auth/login', { method: 'POST', body });
  if ('mfaRequired' in result) return { kind: 'code', challenge: result.challenge };
  setCsrfToken(result.csrfToken);
  return { kind: 'session', session: result };
}

/** The second sign-in step: the challenge and the authenticator's current code. */
export async function loginWithCode(challenge: string, code: string): Promise<Session> {
  const session = await apiRequest<Session>('/auth/login/code', {
    method: 'POST',
    body: { challenge, code } satisfies LoginCodeBody,
  });
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

/** The session query (/auth/me): the provider's, and the dashboard's prefetch at boot. */
export const sessionQuery = queryOptions({
  queryKey: ['auth', 'me'] as const,
  queryFn: () => fetchSession(),
  staleTime: Infinity,
  retry: false,
});

/** The signed-in user, or null when there is no session. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('/auth/me');
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

/** Changes the signed-in user's password (the user's other sessions end). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiRequest<undefined>('/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword } satisfies ChangePasswordBody,
  });
}

/** Starts an authenticator enrolment: the seed and its otpauth:// URI, shown once. */
export async function startMfaEnrolment(): Promise<MfaEnrolment> {
  return apiRequest<MfaEnrolment>('/auth/mfa/enrol', { method: 'POST' });
}

/** Confirms the enrolment with a code from the authenticator. */
export async function confirmMfaEnrolment(code: string): Promise<void> {
  await apiRequest<undefined>('/auth/mfa/confirm', { method: 'POST', body: { code } satisfies MfaConfirmBody });
}

/** Demo accounts to offer on the login page; empty outside demo mode. */
export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  const body = await apiRequest<Partial<DemoAccountList>>('/auth/demo-accounts');
  return body.accounts ?? [];
}
