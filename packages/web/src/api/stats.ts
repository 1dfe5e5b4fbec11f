/** Statistics endpoints: the leaders' dashboard in one request, the map's points in a box, and the projects behind a figure. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  DRILL_LIMIT_DEFAULT,
  type DashboardOutput,
  type DashboardQuery,
  type DrillListOutput,
  type DrillMetric,
  type DrillQueryJson,
  type MapPointsOutput,
  type MapPointsQueryJson,
  type StatsQuery,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** What the dashboard is about: a date and, optionally, a region inside the user's scope. */
export type StatsScope = StatsQuery;

/** A drill-down: a figure (metric), optionally within one bar (dimension + key) of a breakdown, in an order. */
export type DrillScope = Omit<DrillQueryJson, 'metric' | 'limit'> & { metric: DrillMetric };

/** The drill list's query as the list and its Excel export send it. */
export function drillQueryParams(query: DrillScope): Omit<DrillQueryJson, 'limit'> {
  return {
    asOf: query.asOf,
    regionCode: query.regionCode,
    metric: query.metric,
    dimension: query.dimension,
    key: query.key,
    sort: query.sort,
    order: query.order,
  };
}

/** The map's points request: a date, a region, and the visible box (none: the whole scope); the server's limit. */
export type MapPointsScope = Omit<MapPointsQueryJson, 'limit'>;

/** The most projects a drill-down lists. */
export const DRILL_LIMIT = DRILL_LIMIT_DEFAULT;

export const statsKeys = {
  all: ['stats'] as const,
  dashboard: (scope: DashboardQuery) => ['stats', 'dashboard', scope] as const,
  drill: (query: DrillScope) => ['stats', 'drill', query] as const,
  mapPoints: (query: MapPointsScope) => ['stats', 'mapPoints', query] as const,
};

/**
 * The dashboard's query for a date (none: the server's default, named in the answer's asOf) and region: the
 * hook's, and the prefetch started at boot.
 */
export const dashboardQuery = (scope: DashboardQuery) =>
  queryOptions({
    queryKey: statsKeys.dashboard(scope),
    queryFn: ({ signal }) =>
      apiRequest<DashboardOutput>('/stats/dashboard', {
        query: { asOf: scope.asOf, regionCode: scope.regionCode },
        signal,
      }),
  });

/** Everything the dashboard shows, for a date (or the default one) and region. */
export function useDashboard(scope: DashboardQuery) {
  return useQuery({
    ...dashboardQuery(scope),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** The projects behind a figure (fetched while `query` is set). */
export function useDrillProjects(query: DrillScope | null) {
  return useQuery({
    queryKey: statsKeys.drill(query ?? { asOf: '', metric: 'all' }),
    queryFn: ({ signal }) =>
      apiRequest<DrillListOutput>('/stats/projects', {
        query: query ? { ...drillQueryParams(query), limit: DRILL_LIMIT } : {},
        signal,
      }),
    enabled: query !== null,
    // A new order keeps the rows on screen until the reordered ones arrive.
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/**
 * The map's points of a scope inside a box (none: the whole scope), the largest first. `fetch: false` only reads
 * what the map has fetched under the same key (the dashboard finds a clicked point's project there).
 */
export function useMapPoints(query: MapPointsScope | null, fetch = true) {
  return useQuery({
    queryKey: statsKeys.mapPoints(query ?? { asOf: '' }),
    queryFn: ({ signal }) =>
      apiRequest<MapPointsOutput>('/stats/map-points', {
        // The server's limit (its largest) unless a caller needs fewer.
        query: query ? { asOf: query.asOf, regionCode: query.regionCode, bbox: query.bbox } : {},
        signal,
      }),
    enabled: fetch && query !== null,
    // A moved map keeps its dots until those of the new box arrive.
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}
