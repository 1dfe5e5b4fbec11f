/** The financing-needs list: needs, editions, interest and matches, needs met. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FinancingEditionDetail,
  FinancingEditionList,
  FinancingInterestInputJson,
  FinancingMatch,
  FinancingMatchList,
  FinancingMatchMoveJson,
  FinancingNeed,
  FinancingNeedInputJson,
  FinancingNeedList,
  FinancingPublishOutput,
  FinancingSummaryOutput,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

export const financingKeys = {
  all: ['financing'] as const,
  needs: ['financing', 'needs'] as const,
  editions: ['financing', 'editions'] as const,
  edition: (id: number) => ['financing', 'edition', id] as const,
  matches: ['financing', 'matches'] as const,
  summary: ['financing', 'summary'] as const,
};

export function useFinancingNeeds(enabled = true) {
  return useQuery({
    queryKey: financingKeys.needs,
    queryFn: ({ signal }) => apiRequest<FinancingNeedList>('/financing/needs', { signal }),
    enabled,
  });
}

export function useFinancingEditions() {
  return useQuery({
    queryKey: financingKeys.editions,
    queryFn: ({ signal }) => apiRequest<FinancingEditionList>('/financing/editions', { signal }),
  });
}

export function useFinancingEdition(id: number | undefined) {
  return useQuery({
    queryKey: financingKeys.edition(id ?? 0),
    queryFn: ({ signal }) => apiRequest<FinancingEditionDetail>(`/financing/editions/${id ?? 0}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useFinancingMatches() {
  return useQuery({
    queryKey: financingKeys.matches,
    queryFn: ({ signal }) => apiRequest<FinancingMatchList>('/financing/matches', { signal }),
  });
}

export function useFinancingSummary(enabled = true) {
  return useQuery({
    queryKey: financingKeys.summary,
    queryFn: ({ signal }) => apiRequest<FinancingSummaryOutput>('/financing/summary', { signal }),
    enabled,
  });
}

/** Declaring, publishing, registering interest and moving matches; each refreshes the financing views. */
export function useFinancingActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: financingKeys.all });
  return {
    declare: useMutation({
      mutationFn: (body: FinancingNeedInputJson) =>
        apiRequest<FinancingNeed>('/financing/needs', { method: 'POST', body }),
      onSuccess,
    }),
    publish: useMutation({
      mutationFn: () => apiRequest<FinancingPublishOutput>('/financing/editions', { method: 'POST', body: {} }),
      onSuccess,
    }),
    interest: useMutation({
      mutationFn: ({ id, needId, body }: { id: number; needId: number; body: FinancingInterestInputJson }) =>
        apiRequest<FinancingMatch>(`/financing/editions/${id}/needs/${needId}/interest`, { method: 'POST', body }),
      onSuccess,
    }),
    move: useMutation({
      mutationFn: ({ id, body }: { id: number; body: FinancingMatchMoveJson }) =>
        apiRequest<FinancingMatch>(`/financing/matches/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
  };
}
