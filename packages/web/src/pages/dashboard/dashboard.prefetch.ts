/**
 * Starts the dashboard's requests at boot, beside the download of its code: the session and the codelists at
 * once, then the plan year's periods and the figures as soon as the default date is known (at once when the URL
 * names it). The page's hooks find the answers (or the requests in flight) in the query cache under the same keys,
 * so the first figure waits for the slower of code and data, not for both one after the other.
 */
import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../../api/auth.ts';
import { codelistsQuery } from '../../api/reference.ts';
import { periodsQuery } from '../../api/reports.ts';
import { dashboardQuery } from '../../api/stats.ts';
import { defaultAsOf } from '../../lib/period.ts';
import { dashboardScopeFromSearch } from './dashboardScope.ts';

/** Prefetches what /dashboard shows first; failures are left for the page's own queries to report. */
export async function prefetchDashboard(client: QueryClient, search: URLSearchParams): Promise<void> {
  const fromUrl = dashboardScopeFromSearch(search);
  const session = client.query(sessionQuery);
  if (fromUrl.asOf) {
    client.query(dashboardQuery({ asOf: fromUrl.asOf, regionCode: fromUrl.regionCode })).catch(() => undefined);
  }
  const codelists = client.query(codelistsQuery);
  try {
    const signedIn = await session;
    if (!signedIn || fromUrl.asOf) return;
    const planYears = (await codelists).planYears;
    if (planYears.length === 0) return;
    const planYear = Math.max(...planYears);
    const periods = await client.query(periodsQuery(planYear));
    const asOf = defaultAsOf(planYear, periods, signedIn.today);
    await client.query(dashboardQuery({ asOf, regionCode: fromUrl.regionCode }));
  } catch {
    // Signed out or offline: the page asks again and shows what went wrong.
  }
}
