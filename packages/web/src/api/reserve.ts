/** Reserve library endpoints (储备库): counts by preparation step as of a date, and one step's projects. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReserveProjectList, ReserveProjectsQueryJson, ReserveQueryJson, ReserveSummary } from '@keyprojects/core';
import { apiRequest } from './client.ts';

export const reserveKeys = {
  summary: (query: ReserveQueryJson) => ['reserve', 'summary', query] as const,
  projects: (query: ReserveProjectsQueryJson) => ['reserve', 'projects', query] as const,
};

/** The reserve projects counted by step with the total. */
export function useReserveSummary(query: ReserveQueryJson, enabled = true) {
  return useQuery({
    queryKey: reserveKeys.summary(query),
    queryFn: ({ signal }) => apiRequest<ReserveSummary>('/reserve', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A page of one step's reserve projects (`none`: no step yet). */
export function useReserveProjects(query: ReserveProjectsQueryJson, enabled = true) {
  return useQuery({
    queryKey: reserveKeys.projects(query),
    queryFn: ({ signal }) => apiRequest<ReserveProjectList>('/reserve/projects', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
