/**
 * The inbox: a signed-in user reads and marks only their own notices (another user's notice answers 404, as if it
 * did not exist). Marking read changes nothing but the reader's own view, so it writes no audit row: the trail
 * records business changes and refusals, and a read mark is neither. The three administrators have no inbox
 * (notices are about business data, 三员分立): they are refused with 403.
 */
import type { Kysely } from 'kysely';
import type {
  NotificationList,
  NotificationListQuery,
  NotificationOutput,
  ReadAllResult,
  UnreadCount,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { toNotificationOutput } from './notification.presenter.ts';
import * as repo from './notification.repository.ts';

/** A page of the actor's own notices, with the total and unread counts. */
export async function listMyNotifications(
  db: Kysely<DB>,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationList> {
  requirePermission(actor, 'notification.read');
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts] = await Promise.all([
    repo.listUserNotifications(db, actor.id, { order: query.order, offset, limit: query.pageSize }),
    repo.countUserNotifications(db, actor.id),
  ]);
  return { items: rows.map(toNotificationOutput), ...counts, page: query.page, pageSize: query.pageSize };
}

/** The number on the header's bell. */
export async function myUnreadCount(db: Kysely<DB>, actor: Actor): Promise<UnreadCount> {
  requirePermission(actor, 'notification.read');
  return { unread: await repo.countUnread(db, actor.id) };
}

/** Marks one of the actor's notices read; 404 for a notice that is not theirs (or does not exist). */
export async function markRead(db: Kysely<DB>, actor: Actor, id: number): Promise<NotificationOutput> {
  requirePermission(actor, 'notification.read');
  const row = await repo.markNotificationRead(db, actor.id, id);
  if (!row) throw errors.notFound();
  return toNotificationOutput(row);
}

/** Marks all the actor's unread notices read. */
export async function markAllRead(db: Kysely<DB>, actor: Actor): Promise<ReadAllResult> {
  requirePermission(actor, 'notification.read');
  return { marked: await repo.markAllNotificationsRead(db, actor.id) };
}
