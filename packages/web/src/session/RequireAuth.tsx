import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { ForcedAccountStep } from '../pages/account/ForcedAccountStep.tsx';
import { useSession } from './useSession.ts';

/**
 * Renders its children for a signed-in user; sends anyone else to /login, remembering where they were going.
 * A session that must first change its password or enrol an authenticator sees only that step.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, gates } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (gates && (gates.passwordChangeRequired || gates.mfaEnrollmentRequired))
    return <ForcedAccountStep gates={gates} />;
  return children;
}
