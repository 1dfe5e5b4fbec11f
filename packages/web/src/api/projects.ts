/** Project endpoints and their query hooks. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AuditHistory,
  ProjectCreateInputJson,
  ProjectListOutput,
  ProjectListQueryJson,
  ProjectOutput,
  ProjectUpdateInputJson,
} from '@keyprojects/core';
import { apiRequest, type QueryValue } from './client.ts';

/** Query string parameters of GET /projects: the contract's keys, values as they go into the URL. */
export type ProjectListParams = Partial<Record<keyof ProjectListQueryJson, QueryValue>>;

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  audit: (id: number) => ['projects', 'audit', id] as const,
};

/** One page of projects (fetched once `enabled`). */
export function useProjectList(params: ProjectListParams, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => apiRequest<ProjectListOutput>('/projects', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One project. */
export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<ProjectOutput>(`/projects/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    // The pages render these errors themselves.
    meta: { silentError: true },
  });
}

/** A project's audit history, newest first. */
export function useProjectAudit(id: number) {
  return useQuery({
    queryKey: projectKeys.audit(id),
    queryFn: async ({ signal }) => (await apiRequest<AuditHistory>(`/projects/${id}/audit`, { signal })).items,
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
    // The pages render these errors themselves.
    meta: { silentError: true },
  });
}

/** Creates a project (the body as the contract accepts it: money as 万元 decimal strings). */
export function createProject(body: ProjectCreateInputJson): Promise<ProjectOutput> {
  return apiRequest<ProjectOutput>('/projects', { method: 'POST', body });
}

/** Changes the given fields of a project, provided it is still at `version`. */
export function updateProject(id: number, version: number, changes: ProjectUpdateInputJson): Promise<ProjectOutput> {
  return apiRequest<ProjectOutput>(`/projects/${id}`, { method: 'PATCH', body: changes, ifMatch: version });
}

/** Deletes a project, provided it is still at `version`. */
export function deleteProject(id: number, version: number): Promise<void> {
  return apiRequest<undefined>(`/projects/${id}`, { method: 'DELETE', ifMatch: version });
}

/** One project as stored now, outside the query cache (an edit conflict compares it with the form's base). */
export function fetchProject(id: number): Promise<ProjectOutput> {
  return apiRequest<ProjectOutput>(`/projects/${id}`);
}
