import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { useSession } from './useSession.ts';

// Forms and the QR code of a step few sessions meet: loaded when one does, not with every first page.
const ForcedAccountStep = lazy(() => import('../pages/account/ForcedAccountStep.tsx'));

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
    return (
      <Suspense fallback={<PageLoading />}>
        <ForcedAccountStep gates={gates} />
      </Suspense>
    );
  return children;
}
