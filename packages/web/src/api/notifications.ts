/** The inbox: the signed-in user's notices, the unread count for the header's bell, marking read. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationListQueryJson,
  NotificationOutput,
  ReadAllResult,
  UnreadCount,
} from '@keyprojects/core';
import { apiRequest, type QueryValue } from './client.ts';

/** Query string parameters: the contract's keys, values as they go into the URL. */
export type NotificationParams = Partial<Record<keyof NotificationListQueryJson, QueryValue>>;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: NotificationParams) => ['notifications', 'list', params] as const,
  unread: ['notifications', 'unread'] as const,
};

/** A page of the inbox. */
export function useNotifications(params: NotificationParams) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => apiRequest<NotificationList>('/notifications', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The unread count, refreshed every minute while the app is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => (await apiRequest<UnreadCount>('/notifications/unread-count', { signal })).unread,
    enabled,
    refetchInterval: 60_000,
    meta: { silentError: true },
  });
}

export function markNotificationRead(id: number): Promise<NotificationOutput> {
  return apiRequest<NotificationOutput>(`/notifications/${id}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<ReadAllResult> {
  return apiRequest<ReadAllResult>('/notifications/read-all', { method: 'POST' });
}
