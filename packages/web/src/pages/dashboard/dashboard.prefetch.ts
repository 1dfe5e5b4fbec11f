/**
 * Starts the dashboard's requests at boot, beside the download of its code: the session and the figures at once.
 * Without a date in the URL the server answers as of the default date (and names it), so nothing waits for the
 * codelists or the periods. The page's hooks find the answers (or the requests in flight) in the query cache
 * under the same keys, so the first figure waits for the slower of code and data, not for both in turn.
 */
import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../../api/auth.ts';
import { dashboardQuery } from '../../api/stats.ts';
import { dashboardScopeFromSearch } from './dashboardScope.ts';

/** Prefetches what /dashboard shows first; failures are left for the page's own queries to report. */
export function prefetchDashboard(client: QueryClient, search: URLSearchParams): void {
  // Signed out or offline: the page asks again and shows what went wrong.
  client.query(sessionQuery).catch(() => undefined);
  client.query(dashboardQuery(dashboardScopeFromSearch(search))).catch(() => undefined);
}
