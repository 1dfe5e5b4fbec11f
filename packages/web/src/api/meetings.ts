/** Dispatch meetings (调度会): list, agenda preview, create, detail, edits under a version, decisions, .docx. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  MeetingAgendaInputJson,
  MeetingAgendaOutput,
  MeetingCreateInputJson,
  MeetingDecisionInputJson,
  MeetingDecisionOutput,
  MeetingDetailOutput,
  MeetingListOutput,
  MeetingOutput,
  MeetingUpdateInputJson,
  OrganizationList,
} from '@keyprojects/core';
import { apiRequest, apiUrl } from './client.ts';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: ['meetings', 'list'] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  preview: (regionCode: string, heldOn: string) => ['meetings', 'preview', regionCode, heldOn] as const,
};

/** The meetings the user may read, newest first. */
export function useMeetings() {
  return useQuery({
    queryKey: meetingKeys.list,
    queryFn: ({ signal }) => apiRequest<MeetingListOutput>('/meetings', { signal }),
  });
}

/** A meeting with its agenda, decisions and the previous meeting's decisions. */
export function useMeeting(id: number) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<MeetingDetailOutput>(`/meetings/${id}`, { signal }),
    enabled: id > 0,
  });
}

/** The agenda a meeting of the region on the date would open with (before it is created). */
export function useAgendaPreview(regionCode: string | undefined, heldOn: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.preview(regionCode ?? '', heldOn ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<MeetingAgendaOutput>('/meetings/agenda-preview', { query: { regionCode, heldOn }, signal }),
    enabled: Boolean(regionCode && heldOn),
    placeholderData: keepPreviousData,
  });
}

/** The responsible units a decision may be assigned to (those the user may name). */
export function useResponsibleUnits() {
  return useQuery({
    queryKey: ['organizations', 'responsible_unit'],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<OrganizationList>('/organizations', {
          query: { kind: 'responsible_unit', limit: 100 },
          signal,
        })
      ).items,
    staleTime: 5 * 60_000,
  });
}

export function createMeeting(body: MeetingCreateInputJson): Promise<MeetingOutput> {
  return apiRequest<MeetingOutput>('/meetings', { method: 'POST', body });
}

/** Changes fields or minutes; `body.version` is the one read (a newer one answers 409). */
export function updateMeeting(id: number, body: MeetingUpdateInputJson): Promise<MeetingOutput> {
  return apiRequest<MeetingOutput>(`/meetings/${id}`, { method: 'PATCH', body });
}

/** Replaces the agenda with the list in its new order. */
export function saveAgenda(id: number, body: MeetingAgendaInputJson): Promise<MeetingAgendaOutput> {
  return apiRequest<MeetingAgendaOutput>(`/meetings/${id}/agenda`, { method: 'PUT', body });
}

/** Records a decision: a problem assigned to a unit with its clock. */
export function addDecision(id: number, body: MeetingDecisionInputJson): Promise<MeetingDecisionOutput> {
  return apiRequest<MeetingDecisionOutput>(`/meetings/${id}/decisions`, { method: 'POST', body });
}

/** The link of the meeting's record as a Word document. */
export function meetingDocxUrl(id: number): string {
  return apiUrl(`/meetings/${id}/docx`);
}
