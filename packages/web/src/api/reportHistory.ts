/** A project's report history, withdrawing a submitted report and deleting a site photo. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ReportHistoryOutput, ReportOutput, ReportHistoryQuery } from '@keyprojects/core';
import { apiRequest } from './client.ts';
import { reportKeys, type ReportRef } from './reports.ts';

export const reportHistoryKeys = {
  all: ['reportHistory'] as const,
  project: (projectId: number, year: number | undefined) => ['reportHistory', projectId, year ?? 0] as const,
};

/** A project's year of reports (the application's year when `year` is absent). */
export function useReportHistory(projectId: number, year?: number) {
  const query: ReportHistoryQuery = year === undefined ? {} : { year };
  return useQuery({
    queryKey: reportHistoryKeys.project(projectId, year),
    queryFn: ({ signal }) =>
      apiRequest<ReportHistoryOutput>(`/projects/${projectId}/report-history`, { query, signal }),
    enabled: Number.isInteger(projectId) && projectId > 0,
  });
}

const reportPath = (ref: ReportRef) => `/projects/${ref.projectId}/reports/${ref.year}/${ref.month}`;

/** Takes a submitted report back to a draft, provided it is still at `version`. */
export function withdrawReport(ref: ReportRef, version: number): Promise<ReportOutput> {
  return apiRequest<ReportOutput>(`${reportPath(ref)}/withdraw`, { method: 'POST', ifMatch: version });
}

/** Deletes a site photo of a report not yet confirmed. */
export function deleteReportPhoto(ref: ReportRef, photoId: number): Promise<void> {
  return apiRequest<undefined>(`${reportPath(ref)}/photos/${photoId}`, { method: 'DELETE' });
}

/** After a withdrawal or a deletion: the report, its history and the review desk's lists are stale. */
export function invalidateReport(queryClient: QueryClient, ref: ReportRef): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reportKeys.detail(ref) }),
    queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['reportHistory', ref.projectId] }),
  ]);
}
