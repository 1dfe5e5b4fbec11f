/** Statistics endpoints: the leaders' dashboard in one request, and the projects behind a figure. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import type { DashboardResponse, DrillDimension, DrillMetric, DrillResponse } from './statsTypes.ts';

/** What the dashboard is about: a date and, optionally, a region inside the user's scope. */
export interface StatsScope {
  asOf: string;
  regionCode?: string | undefined;
}

/** A drill-down: a figure (metric), optionally within one bar (dimension + key) of a breakdown. */
export interface DrillQuery extends StatsScope {
  metric: DrillMetric;
  dimension?: DrillDimension | undefined;
  key?: string | undefined;
}

/** The most projects a drill-down lists. */
export const DRILL_LIMIT = 500;

export const statsKeys = {
  all: ['stats'] as const,
  dashboard: (scope: StatsScope) => ['stats', 'dashboard', scope] as const,
  drill: (query: DrillQuery) => ['stats', 'drill', query] as const,
};

/** Everything the dashboard shows, for a date and region (fetched once `asOf` is known). */
export function useDashboard(scope: StatsScope | null) {
  return useQuery({
    queryKey: statsKeys.dashboard(scope ?? { asOf: '' }),
    queryFn: ({ signal }) =>
      apiRequest<DashboardResponse>('/stats/dashboard', {
        query: { asOf: scope?.asOf, regionCode: scope?.regionCode },
        signal,
      }),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** The projects behind a figure (fetched while `query` is set). */
export function useDrillProjects(query: DrillQuery | null) {
  return useQuery({
    queryKey: statsKeys.drill(query ?? { asOf: '', metric: 'all' }),
    queryFn: ({ signal }) =>
      apiRequest<DrillResponse>('/stats/projects', {
        query: {
          asOf: query?.asOf,
          regionCode: query?.regionCode,
          metric: query?.metric,
          dimension: query?.dimension,
          key: query?.key,
          limit: DRILL_LIMIT,
        },
        signal,
      }),
    enabled: query !== null,
    meta: { silentError: true },
  });
}
