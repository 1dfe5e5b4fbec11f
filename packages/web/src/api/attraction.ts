/** The attraction pipeline (招商): leads, the six lists, the year's summary, the changes and the export links. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttractionSummary,
  LeadConversionInputJson,
  LeadInputJson,
  LeadList,
  LeadListQueryJson,
  LeadOutput,
  LeadStage,
  SixListsOutput,
} from '@keyprojects/core';
import { apiRequest, apiUrl } from './client.ts';

/** GET /attraction/leads's query as the client sends it (the project id as a number). */
export type LeadListParams = Omit<LeadListQueryJson, 'projectId'> & { projectId?: number };

export const attractionKeys = {
  all: ['attraction'] as const,
  leads: (query: LeadListParams) => ['attraction', 'leads', query] as const,
  sixLists: ['attraction', 'six-lists'] as const,
  summary: (year: number | undefined) => ['attraction', 'summary', year ?? 0] as const,
};

export function useLeads(query: LeadListParams, enabled = true) {
  return useQuery({
    queryKey: attractionKeys.leads(query),
    queryFn: ({ signal }) => apiRequest<LeadList>('/attraction/leads', { query: { ...query }, signal }),
    enabled,
  });
}

export function useSixLists() {
  return useQuery({
    queryKey: attractionKeys.sixLists,
    queryFn: ({ signal }) => apiRequest<SixListsOutput>('/attraction/six-lists', { signal }),
  });
}

/** The funnel, planned / signed / landed per district and 三个一批 of a year (default: the application's). */
export function useAttractionSummary(year: number | undefined) {
  return useQuery({
    queryKey: attractionKeys.summary(year),
    queryFn: ({ signal }) => apiRequest<AttractionSummary>('/attraction/summary', { query: { year }, signal }),
  });
}

/** Entering, editing, moving and converting leads; each refreshes the pipeline (and, converting, the projects). */
export function useLeadActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: attractionKeys.all });
  return {
    save: useMutation({
      mutationFn: ({ lead, body }: { lead?: LeadOutput; body: LeadInputJson }) =>
        apiRequest<LeadOutput>(lead ? `/attraction/leads/${lead.id}` : '/attraction/leads', {
          method: lead ? 'PUT' : 'POST',
          body,
          ...(lead ? { ifMatch: lead.version } : {}),
        }),
      onSuccess,
    }),
    move: useMutation({
      mutationFn: ({ lead, stage }: { lead: LeadOutput; stage: LeadStage }) =>
        apiRequest<LeadOutput>(`/attraction/leads/${lead.id}/move`, {
          method: 'POST',
          body: { stage },
          ifMatch: lead.version,
        }),
      onSuccess,
    }),
    convert: useMutation({
      mutationFn: ({ lead, body }: { lead: LeadOutput; body: LeadConversionInputJson }) =>
        apiRequest<LeadOutput>(`/attraction/leads/${lead.id}/convert`, {
          method: 'POST',
          body,
          ifMatch: lead.version,
        }),
      onSuccess: async () => {
        await onSuccess();
        await client.invalidateQueries({ queryKey: ['projects'] });
      },
    }),
  };
}

export const leadsExportUrl = () => apiUrl('/attraction/leads/export');
export const sixListsExportUrl = () => apiUrl('/attraction/six-lists/export');
