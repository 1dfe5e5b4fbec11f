/** Site supervision: inspections (per project, per region), recording one, photos, and a project's video link. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AttachmentOutput,
  InspectionInputJson,
  InspectionList,
  InspectionListQueryJson,
  InspectionOutput,
  ProjectInspectionList,
  VideoLinkInputJson,
  VideoLinkOutput,
} from '@keyprojects/core';
import { apiRequest, type QueryValue } from './client.ts';

/** Query string parameters: the contract's keys, values as they go into the URL. */
export type InspectionParams = Partial<Record<keyof InspectionListQueryJson, QueryValue>>;

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (params: InspectionParams) => ['inspections', 'list', params] as const,
  project: (projectId: number) => ['inspections', 'project', projectId] as const,
  videoLink: (projectId: number) => ['inspections', 'video', projectId] as const,
};

export function useInspections(params: InspectionParams) {
  return useQuery({
    queryKey: inspectionKeys.list(params),
    queryFn: ({ signal }) => apiRequest<InspectionList>('/inspections', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectInspections(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: inspectionKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest<ProjectInspectionList>(`/projects/${projectId}/inspections`, { signal }),
    enabled,
  });
}

export function useVideoLink(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: inspectionKeys.videoLink(projectId),
    queryFn: async ({ signal }) =>
      (await apiRequest<VideoLinkOutput>(`/projects/${projectId}/video-link`, { signal })).videoLink,
    enabled,
  });
}

export function recordInspection(projectId: number, body: InspectionInputJson): Promise<InspectionOutput> {
  return apiRequest<InspectionOutput>(`/projects/${projectId}/inspections`, { method: 'POST', body });
}

export function uploadInspectionPhoto(inspectionId: number, file: File): Promise<AttachmentOutput> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return apiRequest<AttachmentOutput>(`/inspections/${inspectionId}/photos`, { method: 'POST', body: form });
}

export function setVideoLink(projectId: number, body: VideoLinkInputJson): Promise<VideoLinkOutput> {
  return apiRequest<VideoLinkOutput>(`/projects/${projectId}/video-link`, { method: 'PUT', body });
}

export function removeVideoLink(projectId: number): Promise<void> {
  return apiRequest<undefined>(`/projects/${projectId}/video-link`, { method: 'DELETE' });
}
