import { lazy, Suspense } from 'react';

const ForbiddenResult = lazy(() => import('./ForbiddenResult.tsx'));

/** Shown instead of a page the user's role may not open (loaded only when it is shown). */
export function Forbidden() {
  return (
    <Suspense fallback={null}>
      <ForbiddenResult />
    </Suspense>
  );
}
