/** Reference data: codelists, the user's regions, project owners and service officers. */
import { useCallback, useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  DEFAULT_STAGES,
  fixedCodelists,
  type CodeItem,
  type Codelists,
  type OfficerList,
  type OrganizationList,
  type ScopeRegionsOutput,
} from '@keyprojects/core';
import { useLocale } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { apiRequest } from './client.ts';

/** The year of the application's date (YYYY-MM-DD, the session's `today`: the server's, fixed in a demo). */
const yearOf = (today: string): number => Number(today.slice(0, 4));

/**
 * The closed vocabularies from core, used until (or if) /codelists answers, with the year of the application's
 * date as the one plan year (not the browser's clock: a demo fixed in 2021 stays in 2021); none before the
 * session is known.
 */
function fallbackCodelists(today: string | undefined): Codelists {
  return {
    ...fixedCodelists(),
    stages: DEFAULT_STAGES.map((stage) => ({ code: stage.code, ...stage.label })),
    planYears: today ? [yearOf(today)] : [],
  };
}

/** The codelists query: the hook's, and the dashboard's prefetch at boot. */
export const codelistsQuery = queryOptions({
  queryKey: ['codelists'] as const,
  queryFn: () => apiRequest<Codelists>('/codelists'),
  staleTime: 10 * 60_000,
});

/** The codelists of the server (stages are configuration there); core's lists until (or unless) they arrive. */
export function useCodelists(): { codelists: Codelists; isSettled: boolean } {
  const { today } = useSession();
  const query = useQuery(codelistsQuery);
  const fallback = useMemo(() => fallbackCodelists(today), [today]);
  return { codelists: query.data ?? fallback, isSettled: query.isSuccess || query.isError };
}

/**
 * The plan year a list filter or a new annual plan starts from: the latest year with a plan, else (no plan yet)
 * the year of the application's date. Undefined only before the session is known, which signed-in pages never see.
 */
export function useDefaultPlanYear(): number | undefined {
  const { today } = useSession();
  const { codelists } = useCodelists();
  if (codelists.planYears.length > 0) return Math.max(...codelists.planYears);
  return today ? yearOf(today) : undefined;
}

/** The label of a code in a list, or the code itself when the list does not know it. */
export function codeLabel(items: readonly CodeItem[], code: string | null | undefined, locale: 'zh' | 'en'): string {
  if (code === null || code === undefined || code === '') return '';
  const item = items.find((candidate) => candidate.code === code);
  return item ? item[locale] : code;
}

/** The regions the user may see: their own and everything under it. */
export function useScopeRegions() {
  return useQuery({
    queryKey: ['regions', 'scope'],
    queryFn: async () => (await apiRequest<ScopeRegionsOutput>('/regions/scope')).regions,
    staleTime: 10 * 60_000,
  });
}

/** Project owners whose name matches `q`. */
export function useOwnerSearch(q: string) {
  return useQuery({
    queryKey: ['organizations', 'owner', q],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<OrganizationList>('/organizations', {
          query: { kind: 'owner', q, limit: 20 },
          signal,
        })
      ).items,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** The chief service officers one may pair with a project. */
export function useOfficers() {
  return useQuery({
    queryKey: ['users', 'officers'],
    queryFn: async () => (await apiRequest<OfficerList>('/users/officers')).items,
    staleTime: 5 * 60_000,
  });
}

/**
 * A region's label where room is short (charts, table columns, tags): what officials write in Chinese (杜蒙县 for
 * 杜尔伯特蒙古族自治县, 高新区), the English name in English; `fallback` (the full name an answer carried) while
 * the regions load, for a region outside the user's scope, or when no English name is known.
 */
export function useRegionLabel(): (code: string | null | undefined, fallback?: string | null) => string {
  const { locale } = useLocale();
  const regions = useScopeRegions();
  const byCode = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r])), [regions.data]);
  return useCallback(
    (code, fallback) => {
      const region = code ? byCode.get(code) : undefined;
      if (!region) return fallback ?? code ?? '';
      return locale === 'en' ? (region.nameEn ?? region.name) : region.shortName;
    },
    [byCode, locale],
  );
}
