/** Bulletins (通报): templates and their placeholders, the generated text, the Word and PDF downloads. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  BulletinOutput,
  BulletinPreviewInputJson,
  BulletinQuery,
  BulletinTemplateInputJson,
  BulletinTemplateOutput,
  BulletinTemplatesOutput,
} from '@keyprojects/core';
import { apiRequest, apiUrl } from './client.ts';

export const bulletinKeys = {
  templates: ['bulletins', 'templates'] as const,
  preview: (scope: BulletinQuery, body: string | undefined) => ['bulletins', 'preview', scope, body ?? null] as const,
};

/** The templates and the placeholders they may use. */
export function useBulletinTemplates() {
  return useQuery({
    queryKey: bulletinKeys.templates,
    queryFn: ({ signal }) => apiRequest<BulletinTemplatesOutput>('/bulletins/templates', { signal }),
    staleTime: 60_000,
  });
}

/**
 * The bulletin of a scope, written from a stored template or from `body` (an unsaved template being edited).
 * Errors (an unknown placeholder) are shown by the page at the field, not as a toast.
 */
export function useBulletinPreview(scope: BulletinQuery | null, body?: string) {
  return useQuery({
    queryKey: bulletinKeys.preview(scope ?? { asOf: '' }, body),
    queryFn: ({ signal }) =>
      apiRequest<BulletinOutput>('/bulletins/preview', {
        method: 'POST',
        body: {
          ...(scope ?? { asOf: '' }),
          ...(body === undefined ? {} : { body }),
        } satisfies BulletinPreviewInputJson,
        signal,
      }),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
    retry: false,
    meta: { silentError: true },
  });
}

/** Saves a template's name and body; `version` is the one edited (a newer one answers 412). */
export function saveBulletinTemplate(
  id: number,
  version: number,
  input: BulletinTemplateInputJson,
): Promise<BulletinTemplateOutput> {
  return apiRequest<BulletinTemplateOutput>(`/bulletins/templates/${id}`, {
    method: 'PUT',
    body: input,
    ifMatch: version,
  });
}

/** The link of the bulletin as a Word document or a PDF. */
export function bulletinFileUrl(scope: BulletinQuery, format: 'docx' | 'pdf'): string {
  return apiUrl(`/bulletins/${format}`, {
    asOf: scope.asOf,
    regionCode: scope.regionCode,
    templateId: scope.templateId,
  });
}
