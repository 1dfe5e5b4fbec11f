/** Bulletins (简报/通报): templates and their placeholders, the generated text, the Word and PDF downloads. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, apiUrl } from './client.ts';

/** A stored bulletin template. */
export interface BulletinTemplate {
  id: number;
  name: string;
  body: string;
  isDefault: boolean;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

/** A placeholder a template may use, written {{name}}. */
export interface BulletinPlaceholderInfo {
  key: string;
  name: string;
  group: string;
  description: string;
  example: string;
  optional: boolean;
}

export interface BulletinTemplatesResponse {
  items: BulletinTemplate[];
  placeholders: BulletinPlaceholderInfo[];
  /** Group key → heading. */
  groups: Record<string, string>;
}

/** What a bulletin is about: the as-of date, the region (within the user's scope) and the template. */
export interface BulletinScope {
  asOf: string;
  regionCode?: string | undefined;
  templateId?: number | undefined;
}

/** A generated bulletin. */
export interface BulletinOutput {
  asOf: string;
  regionCode: string | null;
  regionName: string;
  title: string;
  dateLine: string;
  text: string;
  paragraphs: string[];
}

export const bulletinKeys = {
  templates: ['bulletins', 'templates'] as const,
  preview: (scope: BulletinScope, body: string | undefined) => ['bulletins', 'preview', scope, body ?? null] as const,
};

/** The templates and the placeholders they may use. */
export function useBulletinTemplates() {
  return useQuery({
    queryKey: bulletinKeys.templates,
    queryFn: ({ signal }) => apiRequest<BulletinTemplatesResponse>('/bulletins/templates', { signal }),
    staleTime: 60_000,
  });
}

/**
 * The bulletin of a scope, written from a stored template or from `body` (an unsaved template being edited).
 * Errors (an unknown placeholder) are shown by the page at the field, not as a toast.
 */
export function useBulletinPreview(scope: BulletinScope | null, body?: string) {
  return useQuery({
    queryKey: bulletinKeys.preview(scope ?? { asOf: '' }, body),
    queryFn: ({ signal }) =>
      apiRequest<BulletinOutput>('/bulletins/preview', {
        method: 'POST',
        body: { ...scope, ...(body === undefined ? {} : { body }) },
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
  input: { name: string; body: string },
): Promise<BulletinTemplate> {
  return apiRequest<BulletinTemplate>(`/bulletins/templates/${id}`, { method: 'PUT', body: input, ifMatch: version });
}

/** The link of the bulletin as a Word document or a PDF. */
export function bulletinFileUrl(scope: BulletinScope, format: 'docx' | 'pdf'): string {
  return apiUrl(`/bulletins/${format}`, {
    asOf: scope.asOf,
    regionCode: scope.regionCode,
    templateId: scope.templateId,
  });
}
