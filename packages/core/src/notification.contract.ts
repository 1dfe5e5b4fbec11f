/**
 * The inbox's API contract (issue #10, item 8): a signed-in user's own notices, a page at a time (unread first or
 * newest first), the unread count the header's bell shows, and marking one or all read.
 */
import { z } from 'zod';

/** A notice as its recipient sees it. */
export const notificationOutput = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the web app to open, e.g. `/problems/12`; null when the notice stands alone. */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The application's date the notice was written on. */
  createdOn: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationOutput = z.output<typeof notificationOutput>;

export const NOTIFICATION_ORDERS = ['unreadFirst', 'newest'] as const;
export type NotificationOrder = (typeof NOTIFICATION_ORDERS)[number];

/** GET /notifications: page and order. */
export const notificationListQuery = z.strictObject({
  order: z.enum(NOTIFICATION_ORDERS).default('unreadFirst'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.output<typeof notificationListQuery>;
export type NotificationListQueryJson = z.input<typeof notificationListQuery>;

/** A page of the inbox, with the total and the unread count (so the bell and the page agree). */
export const notificationList = z.object({
  items: z.array(notificationOutput),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.output<typeof notificationList>;

/** GET /notifications/unread-count. */
export const unreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.output<typeof unreadCount>;

/** POST /notifications/read-all: how many notices it marked. */
export const readAllResult = z.object({ marked: z.number().int() });
export type ReadAllResult = z.output<typeof readAllResult>;
