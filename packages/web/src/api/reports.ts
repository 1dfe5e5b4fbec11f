/** Monthly reports: periods, the review desk (list, batch decisions, progress, reminders), one report, filing, review and site photos. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  FilingProgressOutput,
  PeriodList,
  ReportBatchInputJson,
  ReportBatchResult,
  ReportReminderInputJson,
  ReportReminderResult,
  ReportInputJson,
  ReportListOutput,
  ReportListQuery,
  ReportOutput,
  ReportPhoto,
  ReviewInputJson,
} from '@keyprojects/core';
import { API_BASE, apiRequest } from './client.ts';

/** One report: a project and a period. */
export interface ReportRef {
  projectId: number;
  year: number;
  month: number;
}

/** Query of GET /reports, as the pages build it (the month is required; the rest has defaults or is optional). */
export type ReportListParams = Pick<ReportListQuery, 'year' | 'month'> &
  Partial<Pick<ReportListQuery, 'state' | 'regionCode' | 'q' | 'page' | 'pageSize'>>;

/** A report body as sent: the contract's input (the amount as a 万元 decimal string). */
export type ReportWriteBody = ReportInputJson;

export const reportKeys = {
  all: ['reports'] as const,
  list: (params: ReportListParams) => ['reports', 'list', params] as const,
  detail: (ref: ReportRef) => ['reports', 'detail', ref.projectId, ref.year, ref.month] as const,
  periods: (year: number) => ['periods', year] as const,
};

const reportPath = (ref: ReportRef) => `/projects/${ref.projectId}/reports/${ref.year}/${ref.month}`;

/** The reporting periods of a year: the hook's query, and the dashboard's prefetch at boot. */
export const periodsQuery = (year: number) =>
  queryOptions({
    queryKey: reportKeys.periods(year),
    queryFn: async ({ signal }) => (await apiRequest<PeriodList>('/periods', { query: { year }, signal })).items,
    staleTime: 5 * 60_000,
  });

/** The reporting periods of a year (fetched once `year` is known). */
export function usePeriods(year: number | null) {
  return useQuery({ ...periodsQuery(year ?? 0), enabled: year !== null });
}

/** The projects of a month with their report state (fetched once `params` is known). */
export function useReportList(params: ReportListParams | null) {
  return useQuery({
    queryKey: reportKeys.list(params ?? { year: 0, month: 0 }),
    queryFn: ({ signal }) => apiRequest<ReportListOutput>('/reports', { query: { ...params }, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** One project's report of a period ('not_started' when nothing was filed). */
export function useReport(ref: ReportRef | null) {
  return useQuery({
    queryKey: reportKeys.detail(ref ?? { projectId: 0, year: 0, month: 0 }),
    queryFn: ({ signal }) =>
      apiRequest<ReportOutput>(reportPath(ref ?? { projectId: 0, year: 0, month: 0 }), { signal }),
    enabled: ref !== null && Number.isInteger(ref.projectId) && ref.projectId > 0,
    retry: false,
    // The pages render these errors themselves.
    meta: { silentError: true },
  });
}

/** Saves a draft, submits, or (in a locked period) records a correction. */
export function saveReport(ref: ReportRef, body: ReportWriteBody): Promise<ReportOutput> {
  return apiRequest<ReportOutput>(reportPath(ref), { method: 'PUT', body });
}

/** Approves, returns (with a reason) or confirms a report. */
export function reviewReport(ref: ReportRef, review: ReviewInputJson): Promise<ReportOutput> {
  return apiRequest<ReportOutput>(`${reportPath(ref)}/review`, { method: 'POST', body: review });
}

/** Adds a site photo to an existing report. */
export function uploadReportPhoto(ref: ReportRef, file: File): Promise<ReportPhoto> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return apiRequest<ReportPhoto>(`${reportPath(ref)}/photos`, { method: 'POST', body: form });
}

/** The address of a photo's image (the session cookie authorises it). */
export function reportPhotoUrl(photoId: number): string {
  return `${API_BASE}/report-photos/${photoId}`;
}

/** The review desk's filing progress of a period, per district in the user's scope (fetched once known). */
export function useFilingProgress(period: { year: number; month: number } | null) {
  return useQuery({
    queryKey: ['reports', 'progress', period?.year ?? 0, period?.month ?? 0],
    queryFn: ({ signal }) =>
      apiRequest<FilingProgressOutput>('/reports/progress', {
        query: { year: period?.year, month: period?.month },
        signal,
      }),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

/** Approves or confirms the selected reports, or all matching the desk's filter; lists each report's outcome. */
export function batchReviewReports(body: ReportBatchInputJson): Promise<ReportBatchResult> {
  return apiRequest<ReportBatchResult>('/reports/batch-review', { method: 'POST', body });
}

/** Reminds the owners that have not filed the period (in one district, or all in scope). */
export function sendReportReminders(body: ReportReminderInputJson): Promise<ReportReminderResult> {
  return apiRequest<ReportReminderResult>('/reports/reminders', { method: 'POST', body });
}
