/**
 * Milestone plans (里程碑计划): a project's plan, generating it backwards, editing the draft, approving, node progress
 * and evidence, and the node lists.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttachmentOutput,
  PlanDraftBodyJson,
  PlanGenerateBodyJson,
  PlanNodeProgressBodyJson,
  PlanNodesOutput,
  PlanNodesQueryJson,
  ProjectPlanOutput,
  ReplannedOutput,
  ReplannedQueryJson,
} from '@keyprojects/core';
import { apiRequest, type QueryValue } from './client.ts';

export const planKeys = {
  all: ['plans'] as const,
  project: (id: number) => ['plans', 'project', id] as const,
  earliest: (id: number, untilStage: string) => ['plans', 'project', id, 'earliest', untilStage] as const,
  nodes: (query: PlanNodesQueryJson) => ['plans', 'nodes', query] as const,
  replanned: (query: ReplannedQueryJson) => ['plans', 'replanned', query] as const,
};

const asQuery = (query: object) => query as Record<string, QueryValue>;

/** A project's current plan, draft, baseline and versions. */
export function useProjectPlan(projectId: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan`, { signal }),
    enabled: enabled && projectId > 0,
  });
}

/** The earliest feasible target when the plan runs to `untilStage` (the generate form's bound). */
export function useEarliestTarget(projectId: number, untilStage: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.earliest(projectId, untilStage ?? ''),
    queryFn: async ({ signal }) =>
      (await apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan`, { query: { untilStage }, signal }))
        .earliestTarget,
    enabled: enabled && projectId > 0 && Boolean(untilStage),
  });
}

/** Nodes due this week or this month, or overdue, across the projects in scope. */
export function usePlanNodes(query: PlanNodesQueryJson, enabled = true) {
  return useQuery({
    queryKey: planKeys.nodes(query),
    queryFn: ({ signal }) => apiRequest<PlanNodesOutput>('/plans/nodes', { query: asQuery(query), signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The re-planned projects with the days their target moved against the baseline. */
export function useReplanned(query: ReplannedQueryJson, enabled = true) {
  return useQuery({
    queryKey: planKeys.replanned(query),
    queryFn: ({ signal }) => apiRequest<ReplannedOutput>('/plans/replanned', { query: asQuery(query), signal }),
    enabled,
  });
}

/** Forgets cached plans after a change (the project's plan, the lists, the S-curves). */
export function useInvalidatePlans() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: planKeys.all }),
      client.invalidateQueries({ queryKey: ['spi'] }),
    ]);
}

export function generatePlan(projectId: number, body: PlanGenerateBodyJson): Promise<ProjectPlanOutput> {
  return apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan/generate`, { method: 'POST', body });
}

export function saveDraft(projectId: number, body: PlanDraftBodyJson, rowVersion: number): Promise<ProjectPlanOutput> {
  return apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan/draft`, {
    method: 'PUT',
    body,
    ifMatch: rowVersion,
  });
}

export function approvePlan(projectId: number, rowVersion: number): Promise<ProjectPlanOutput> {
  return apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan/approve`, { method: 'POST', ifMatch: rowVersion });
}

/** Attaches an evidence file (image or PDF) to a node of the current plan. */
export function uploadNodeEvidence(projectId: number, key: string, file: File): Promise<AttachmentOutput> {
  const form = new FormData();
  form.append('photo', file, file.name);
  return apiRequest<AttachmentOutput>(`/projects/${projectId}/plan/nodes/${encodeURIComponent(key)}/attachments`, {
    method: 'POST',
    body: form,
  });
}

export function recordNodeProgress(
  projectId: number,
  key: string,
  body: PlanNodeProgressBodyJson,
): Promise<ProjectPlanOutput> {
  return apiRequest<ProjectPlanOutput>(`/projects/${projectId}/plan/nodes/${encodeURIComponent(key)}/progress`, {
    method: 'PUT',
    body,
  });
}
