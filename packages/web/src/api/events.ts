/** Groundbreaking events (集中开工) and three-batches rounds (三个一批): lists, details, summary and changes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchKindCode,
  BatchProjectsInputJson,
  BatchRoundDetail,
  BatchRoundInputJson,
  BatchRoundItem,
  EventDetail,
  EventInputJson,
  EventList,
  EventSummaryOutput,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** GET /events's query as the client sends it (the year as a number). */
export interface EventListParams {
  regionCode?: string;
  year?: number;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (query: EventListParams) => ['events', 'list', query] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  summary: (year: number | undefined) => ['events', 'summary', year ?? 0] as const,
  batches: ['batches'] as const,
  batch: (id: number, asOf: string | undefined) => ['batches', id, asOf ?? ''] as const,
};

export function useEventList(query: EventListParams) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: ({ signal }) => apiRequest<EventList>('/events', { query: { ...query }, signal }),
  });
}

export function useEvent(id: number) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<EventDetail>(`/events/${id}`, { signal }),
  });
}

/** The seed-001 style sentence of a year's events. */
export function useEventSummary(year: number | undefined) {
  return useQuery({
    queryKey: eventKeys.summary(year),
    queryFn: ({ signal }) => apiRequest<EventSummaryOutput>('/events/summary', { query: { year }, signal }),
  });
}

/** Creating, changing and deleting events, and adding or removing their projects; each refreshes the events. */
export function useEventActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: eventKeys.all });
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id?: number; body: EventInputJson }) =>
        apiRequest<EventDetail>(id ? `/events/${id}` : '/events', { method: id ? 'PUT' : 'POST', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiRequest<undefined>(`/events/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
    addProjects: useMutation({
      mutationFn: ({ id, projectIds }: { id: number; projectIds: number[] }) =>
        apiRequest<EventDetail>(`/events/${id}/projects`, { method: 'POST', body: { projectIds } }),
      onSuccess,
    }),
    removeProject: useMutation({
      mutationFn: ({ id, projectId }: { id: number; projectId: number }) =>
        apiRequest<EventDetail>(`/events/${id}/projects/${projectId}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}

export function useBatchRounds() {
  return useQuery({
    queryKey: eventKeys.batches,
    queryFn: async ({ signal }) => (await apiRequest<{ items: BatchRoundItem[] }>('/batches', { signal })).items,
  });
}

export function useBatchRound(id: number, asOf: string | undefined) {
  return useQuery({
    queryKey: eventKeys.batch(id, asOf),
    queryFn: ({ signal }) => apiRequest<BatchRoundDetail>(`/batches/${id}`, { query: { asOf }, signal }),
  });
}

/** Creating, changing and deleting a round, and adding or removing a batch's projects; each refreshes the rounds. */
export function useBatchActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: eventKeys.batches });
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id?: number; body: BatchRoundInputJson }) =>
        apiRequest<BatchRoundDetail>(id ? `/batches/${id}` : '/batches', { method: id ? 'PUT' : 'POST', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiRequest<undefined>(`/batches/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
    addProjects: useMutation({
      mutationFn: ({ id, body }: { id: number; body: BatchProjectsInputJson }) =>
        apiRequest<BatchRoundDetail>(`/batches/${id}/projects`, { method: 'POST', body }),
      onSuccess,
    }),
    removeProject: useMutation({
      mutationFn: ({ id, batch, projectId }: { id: number; batch: BatchKindCode; projectId: number }) =>
        apiRequest<BatchRoundDetail>(`/batches/${id}/projects/${batch}/${projectId}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}
