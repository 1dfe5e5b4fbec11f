/** Reference data: codelists, the user's regions, project owners and service officers. */
import { useQuery } from '@tanstack/react-query';
import {
  DEFAULT_STAGES,
  fixedCodelists,
  type CodeItem,
  type Codelists,
  type OfficerList,
  type OrganizationList,
  type ScopeRegionsOutput,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** The closed vocabularies from core, used until (or if) /codelists answers. */
export const FALLBACK_CODELISTS: Codelists = {
  ...fixedCodelists(),
  stages: DEFAULT_STAGES.map((stage) => ({ code: stage.code, ...stage.label })),
  planYears: [new Date().getFullYear()],
};

/** The codelists of the server (stages are configuration there); core's lists until (or unless) they arrive. */
export function useCodelists(): { codelists: Codelists; isSettled: boolean } {
  const query = useQuery({
    queryKey: ['codelists'],
    queryFn: () => apiRequest<Codelists>('/codelists'),
    staleTime: 10 * 60_000,
  });
  return { codelists: query.data ?? FALLBACK_CODELISTS, isSettled: query.isSuccess || query.isError };
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
