/** Funding sources: a project's history and recording an event, the summaries and lines as of a date. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FundingEventInputJson,
  FundingHistory,
  FundingLines,
  FundingQueryJson,
  FundingSummaryOutput,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

export const fundingKeys = {
  all: ['funding'] as const,
  history: (projectId: number) => ['funding', 'history', projectId] as const,
  summary: (query: FundingQueryJson) => ['funding', 'summary', query] as const,
  lines: (query: FundingQueryJson) => ['funding', 'lines', query] as const,
};

export function useFundingHistory(projectId: number, enabled = true) {
  return useQuery({
    queryKey: fundingKeys.history(projectId),
    queryFn: ({ signal }) => apiRequest<FundingHistory>(`/funding/projects/${projectId}`, { signal }),
    enabled,
  });
}

export function useFundingSummary(query: FundingQueryJson) {
  return useQuery({
    queryKey: fundingKeys.summary(query),
    queryFn: ({ signal }) => apiRequest<FundingSummaryOutput>('/funding/summary', { query: { ...query }, signal }),
  });
}

export function useFundingLines(query: FundingQueryJson) {
  return useQuery({
    queryKey: fundingKeys.lines(query),
    queryFn: ({ signal }) => apiRequest<FundingLines>('/funding/lines', { query: { ...query }, signal }),
  });
}

/** Records a funding event for a project; refreshes the funding views. */
export function useRecordFunding(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FundingEventInputJson) =>
      apiRequest<FundingHistory>(`/funding/projects/${projectId}/events`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: fundingKeys.all }),
  });
}
