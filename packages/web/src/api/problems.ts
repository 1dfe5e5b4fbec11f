/** The problem list (问题清单): list, detail, raise, actions, attachments, exports, league, dispatch configuration. */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarConfig,
  CalendarUpdateJson,
  DeadlineRuleConfig,
  OrganizationList,
  ProblemActionBodyJson,
  ProblemAttachment,
  ProblemCreateBodyJson,
  ProblemDetail,
  ProblemLeague,
  ProblemLeagueQueryJson,
  ProblemList,
  ProblemListQueryJson,
} from '@keyprojects/core';
import { API_BASE, apiRequest, apiUrl, type QueryValue } from './client.ts';

export const problemKeys = {
  all: ['problems'] as const,
  list: (query: ProblemListQueryJson) => ['problems', 'list', query] as const,
  detail: (id: number) => ['problems', 'detail', id] as const,
  league: (query: ProblemLeagueQueryJson) => ['problems', 'league', query] as const,
};

const asQuery = (query: object) => query as Record<string, QueryValue>;

/** A page of the problem list. */
export function useProblemList(query: ProblemListQueryJson) {
  return useQuery({
    queryKey: problemKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ProblemList>('/problems', { query: asQuery(query), signal }),
    placeholderData: keepPreviousData,
  });
}

/** One problem with its clock, history and the viewer's actions. */
export function useProblem(id: number) {
  return useQuery({
    queryKey: problemKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<ProblemDetail>(`/problems/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    meta: { silentError: true },
  });
}

/** Forgets cached problems after a change (lists, details, league). */
export function useInvalidateProblems() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: problemKeys.all });
}

export function raiseProblem(body: ProblemCreateBodyJson): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>('/problems', { method: 'POST', body });
}

export function actOnProblem(id: number, body: ProblemActionBodyJson): Promise<ProblemDetail> {
  return apiRequest<ProblemDetail>(`/problems/${id}/actions`, { method: 'POST', body });
}

export function uploadProblemAttachment(id: number, file: File): Promise<ProblemAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<ProblemAttachment>(`/problems/${id}/attachments`, { method: 'POST', body: form });
}

export function problemAttachmentUrl(problemId: number, attachmentId: number): string {
  return `${API_BASE}/problems/${problemId}/attachments/${attachmentId}`;
}

/** The xlsx of the list with its filters (paging left out). */
export function problemExportUrl(query: ProblemListQueryJson): string {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return apiUrl('/problems/export', asQuery(filters));
}

export function leagueExportUrl(query: ProblemLeagueQueryJson): string {
  return apiUrl('/problems/league/export', asQuery(query));
}

/** The league table of a period. */
export function useProblemLeague(query: ProblemLeagueQueryJson) {
  return useQuery({
    queryKey: problemKeys.league(query),
    queryFn: ({ signal }) => apiRequest<ProblemLeague>('/problems/league', { query: asQuery(query), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The responsible units the viewer may assign to. */
export function useResponsibleUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'responsible_unit'],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<OrganizationList>('/organizations', {
          query: { kind: 'responsible_unit', limit: 100 },
          signal,
        })
      ).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useWorkCalendar() {
  return useQuery({
    queryKey: ['dispatch', 'calendar'],
    queryFn: ({ signal }) => apiRequest<CalendarConfig>('/dispatch/calendar', { signal }),
  });
}

export function saveWorkCalendar(body: CalendarUpdateJson): Promise<CalendarConfig> {
  return apiRequest<CalendarConfig>('/dispatch/calendar', { method: 'PUT', body });
}

export function useDeadlineRule() {
  return useQuery({
    queryKey: ['dispatch', 'deadline-rule'],
    queryFn: ({ signal }) => apiRequest<DeadlineRuleConfig>('/dispatch/deadline-rule', { signal }),
  });
}
