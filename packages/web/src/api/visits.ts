/** Service officers: a project's visits, recording one with photos, the officer's overview, the staff's officer list. */
import { useQuery } from '@tanstack/react-query';
import type {
  AttachmentOutput,
  OfficerOverview,
  ServiceOfficerList,
  VisitInputJson,
  VisitList,
  VisitOutput,
} from '@keyprojects/core';
import { API_BASE, apiRequest } from './client.ts';

export const visitKeys = {
  all: ['visits'] as const,
  project: (projectId: number) => ['visits', 'project', projectId] as const,
  overview: ['visits', 'overview'] as const,
  officers: ['visits', 'officers'] as const,
};

export function useProjectVisits(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: visitKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest<VisitList>(`/projects/${projectId}/visits`, { signal }),
    enabled,
  });
}

export function useOfficerOverview() {
  return useQuery({
    queryKey: visitKeys.overview,
    queryFn: ({ signal }) => apiRequest<OfficerOverview>('/officers/me/overview', { signal }),
  });
}

export function useOfficers() {
  return useQuery({
    queryKey: visitKeys.officers,
    queryFn: ({ signal }) => apiRequest<ServiceOfficerList>('/officers', { signal }),
  });
}

export function recordVisit(projectId: number, body: VisitInputJson): Promise<VisitOutput> {
  return apiRequest<VisitOutput>(`/projects/${projectId}/visits`, { method: 'POST', body });
}

export function uploadVisitPhoto(visitId: number, file: File): Promise<AttachmentOutput> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return apiRequest<AttachmentOutput>(`/visits/${visitId}/photos`, { method: 'POST', body: form });
}

/** The address of a visit's or inspection's photo (the session cookie authorises it). */
export function attachmentUrl(id: number): string {
  return `${API_BASE}/attachments/${id}`;
}
