/** The administrators' API (三员分立): the account list and its changes, role assignment, the audit trail. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  AuditQueryInput,
  OneTimePasswordOutput,
  RoleChangeInput,
  UserCreateInput,
  UserListQuery,
  UserOutput,
} from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** An organisation an administrator may attach an account to. */
export interface GrantableOrganization {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
}

/** The actions on one account that answer 204 (system administrator). */
export type AccountAction = 'disable' | 'enable' | 'unlock';

const userKeys = {
  all: ['admin', 'users'] as const,
  list: (query: UserListQuery) => ['admin', 'users', query] as const,
};

/** The accounts inside the administrator's region matching the filters. */
export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: UserOutput[] }>('/users', { query: { ...query }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

/** Organisations inside the administrator's region whose name matches `q`. */
export function useGrantableOrganizations(q: string) {
  return useQuery({
    queryKey: ['admin', 'organizations', q],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: GrantableOrganization[] }>('/users/organizations', { query: { q }, signal })).items,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** The account changes; each refreshes the list when it succeeds. */
export function useUserMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: userKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: UserCreateInput) => apiRequest<OneTimePasswordOutput>('/users', { method: 'POST', body }),
      onSuccess,
    }),
    rename: useMutation({
      mutationFn: ({ id, displayName }: { id: number; displayName: string }) =>
        apiRequest<null>(`/users/${id}`, { method: 'PATCH', body: { displayName } }),
      onSuccess,
    }),
    act: useMutation({
      mutationFn: ({ id, action }: { id: number; action: AccountAction }) =>
        apiRequest<null>(`/users/${id}/${action}`, { method: 'POST' }),
      onSuccess,
    }),
    reset: useMutation({
      mutationFn: (id: number) => apiRequest<OneTimePasswordOutput>(`/users/${id}/reset-password`, { method: 'POST' }),
      onSuccess,
    }),
    assign: useMutation({
      mutationFn: ({ id, body }: { id: number; body: RoleChangeInput }) =>
        apiRequest<unknown>(`/users/${id}/role`, { method: 'PATCH', body }),
      onSuccess,
    }),
  };
}

/** Audit-trail filters as the page holds them (no paging). */
export type AuditFilters = Omit<AuditQueryInput, 'limit' | 'beforeId'>;
const AUDIT_PAGE = 50;

/** The filtered trail, newest first, one keyset page after another (`fetchNextPage`). */
export function useAuditTrail(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<AuditPage>('/audit', {
        query: { ...filters, limit: AUDIT_PAGE, beforeId: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeId,
  });
}
