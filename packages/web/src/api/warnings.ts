/** Warning endpoints (预警): the list, the dashboard's summary, a project's warnings, the presets and their switch. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProjectWarnings,
  WarningEvaluation,
  WarningList,
  WarningListQueryJson,
  WarningPresetList,
  WarningPresetSwitch,
  WarningSummary,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

export const warningKeys = {
  all: ['warnings'] as const,
  list: (query: WarningListQueryJson) => ['warnings', 'list', query] as const,
  summary: (regionCode: string | undefined) => ['warnings', 'summary', regionCode ?? ''] as const,
  project: (id: number) => ['warnings', 'project', id] as const,
  presets: ['warnings', 'presets'] as const,
};

/** A page of warnings with the list's filters. */
export function useWarningList(query: WarningListQueryJson, enabled = true) {
  return useQuery({
    queryKey: warningKeys.list(query),
    queryFn: ({ signal }) => apiRequest<WarningList>('/warnings', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
    meta: { silentError: true },
  });
}

/** The active warnings counted by level, rule and district, and each warned project's level (dashboard, map). */
export function useWarningSummary(regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: warningKeys.summary(regionCode),
    queryFn: ({ signal }) => apiRequest<WarningSummary>('/warnings/summary', { query: { regionCode }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** A project's active warnings and history. */
export function useProjectWarnings(projectId: number, enabled = true) {
  return useQuery({
    queryKey: warningKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest<ProjectWarnings>(`/projects/${projectId}/warnings`, { signal }),
    enabled,
    meta: { silentError: true },
  });
}

/** The presets and the regions' settings. */
export function useWarningPresets(enabled = true) {
  return useQuery({
    queryKey: warningKeys.presets,
    queryFn: ({ signal }) => apiRequest<WarningPresetList>('/warning-presets', { signal }),
    enabled,
  });
}

/** Switching a region's preset, and running the evaluation now; both refresh every warning query. */
export function useWarningActions() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: warningKeys.all });
  return {
    switchPreset: useMutation({
      mutationFn: (body: WarningPresetSwitch) =>
        apiRequest<WarningPresetList>('/warning-presets/active', { method: 'PUT', body }),
      onSuccess,
    }),
    evaluate: useMutation({
      mutationFn: () => apiRequest<WarningEvaluation>('/warnings/evaluate', { method: 'POST' }),
      onSuccess,
    }),
  };
}
