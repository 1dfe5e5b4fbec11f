/**
 * The lifecycle: templates (list, detail, create, edit with If-Match), the lifecycle settings, and a project's
 * lifecycle (view, recording a transition, uploading its evidence). Typed from core's lifecycle API contract.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  AttachmentOutput,
  LifecycleSettings,
  LifecycleSettingsUpdateJson,
  LifecycleTemplateCreateJson,
  LifecycleTemplateDetail,
  LifecycleTemplateList,
  LifecycleTemplateSaved,
  LifecycleTemplateUpdateJson,
  ProjectLifecycle,
  TransitionInputJson,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

export const lifecycleKeys = {
  all: ['lifecycle'] as const,
  templates: ['lifecycle', 'templates'] as const,
  template: (id: number) => ['lifecycle', 'templates', id] as const,
  settings: ['lifecycle', 'settings'] as const,
  project: (projectId: number) => ['lifecycle', 'project', projectId] as const,
};

export function useLifecycleTemplates() {
  return useQuery({
    queryKey: lifecycleKeys.templates,
    queryFn: ({ signal }) => apiRequest<LifecycleTemplateList>('/lifecycle/templates', { signal }),
  });
}

export function useLifecycleTemplate(id: number | null) {
  return useQuery({
    queryKey: lifecycleKeys.template(id ?? 0),
    queryFn: ({ signal }) => apiRequest<LifecycleTemplateDetail>(`/lifecycle/templates/${id ?? 0}`, { signal }),
    enabled: id !== null,
  });
}

export function useLifecycleSettings() {
  return useQuery({
    queryKey: lifecycleKeys.settings,
    queryFn: ({ signal }) => apiRequest<LifecycleSettings>('/lifecycle/settings', { signal }),
  });
}

export function useProjectLifecycle(projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: lifecycleKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest<ProjectLifecycle>(`/projects/${projectId}/lifecycle`, { signal }),
    enabled,
  });
}

export function createLifecycleTemplate(body: LifecycleTemplateCreateJson): Promise<LifecycleTemplateSaved> {
  return apiRequest<LifecycleTemplateSaved>('/lifecycle/templates', { method: 'POST', body });
}

export function updateLifecycleTemplate(
  id: number,
  rowVersion: number,
  body: LifecycleTemplateUpdateJson,
): Promise<LifecycleTemplateSaved> {
  return apiRequest<LifecycleTemplateSaved>(`/lifecycle/templates/${id}`, { method: 'PUT', body, ifMatch: rowVersion });
}

export function saveLifecycleSettings(body: LifecycleSettingsUpdateJson): Promise<LifecycleSettings> {
  return apiRequest<LifecycleSettings>('/lifecycle/settings', { method: 'PUT', body });
}

export function recordTransition(projectId: number, body: TransitionInputJson): Promise<ProjectLifecycle> {
  return apiRequest<ProjectLifecycle>(`/projects/${projectId}/lifecycle/transitions`, { method: 'POST', body });
}

export function uploadTransitionEvidence(projectId: number, transitionId: number, file: File) {
  const form = new FormData();
  form.append('photo', file, file.name);
  return apiRequest<AttachmentOutput>(`/projects/${projectId}/lifecycle/transitions/${transitionId}/attachments`, {
    method: 'POST',
    body: form,
  });
}
