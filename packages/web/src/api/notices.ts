/** Notices (日通报、周调度): the text of a day or week, the .docx, and the templates. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  NoticeKind,
  NoticeOutput,
  NoticeTemplateInputJson,
  NoticeTemplateOutput,
  NoticeTemplatesOutput,
} from '@keyprojects/core';
import { apiRequest, apiUrl } from './client.ts';

export const noticeKeys = {
  all: ['notices'] as const,
  templates: ['notices', 'templates'] as const,
  notice: (kind: NoticeKind, date: string) => ['notices', kind, date] as const,
};

/** The notice of the kind for the date (the week ending on it for the weekly report). */
export function useNotice(kind: NoticeKind, date: string | undefined) {
  return useQuery({
    queryKey: noticeKeys.notice(kind, date ?? ''),
    queryFn: ({ signal }) => apiRequest<NoticeOutput>(`/notices/${kind}`, { query: { date }, signal }),
    enabled: Boolean(date),
    placeholderData: keepPreviousData,
  });
}

/** The templates and the placeholders they may use. */
export function useNoticeTemplates(enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.templates,
    queryFn: ({ signal }) => apiRequest<NoticeTemplatesOutput>('/notices/templates', { signal }),
    enabled,
  });
}

/** Saves a template; `version` is the one edited (a newer one answers 412). */
export function saveNoticeTemplate(
  id: number,
  version: number,
  input: NoticeTemplateInputJson,
): Promise<NoticeTemplateOutput> {
  return apiRequest<NoticeTemplateOutput>(`/notices/templates/${id}`, { method: 'PUT', body: input, ifMatch: version });
}

/** The link of the notice as a Word document. */
export function noticeDocxUrl(kind: NoticeKind, date: string): string {
  return apiUrl(`/notices/${kind}/docx`, { date });
}
