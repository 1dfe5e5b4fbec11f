/**
 * Kysely access to the inbox: what other modules call to tell people something (`notify`, in the caller's
 * transaction, so a notice exists exactly when the change it announces does), and who those people are. A notice
 * also queues one outbox row per channel the recipient can be reached on, for a gateway to drain (notification.outbox.ts).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Role } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { NotificationTable } from '../../db/schema.dispatch.ts';
import { regionAndAncestors } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What a notice says, where it links to, and what it is about. */
export interface NoticeContent {
  /** A short machine kind: 'warning_raised', 'problem_assigned', 'problem_overdue', 'meeting_task' … */
  kind: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. `/problems/12`. */
  link: string | null;
  entityType: string | null;
  entityId: string | number | null;
  /** The application's date (deps.clock.today()), not the computer's. */
  createdOn: string;
}

/** Puts one notice into each user's inbox (duplicates in `userIds` are ignored); returns how many were written. */
export async function notify(db: Db, userIds: readonly number[], content: NoticeContent): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      unique.map((userId) => ({
        user_id: userId,
        kind: content.kind,
        title: content.title,
        body: content.body,
        link: content.link,
        entity_type: content.entityType,
        entity_id: content.entityId === null ? null : String(content.entityId),
        created_on: content.createdOn,
      })),
    )
    .returning('id')
    .execute();
  await queueOutbox(
    db,
    rows.map((row) => row.id),
  );
  return rows.length;
}

/** SMS is short: the title and as much of the body as fits one long message. */
const SMS_MAX_CHARS = 300;

/**
 * Queues each notice for the channels its recipient has (users.phone → SMS, users.email → e-mail), with the
 * address as it is now: the gateway sends what the outbox row says, without reading users again.
 */
async function queueOutbox(db: Db, notificationIds: readonly bigint[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const ids = notificationIds.map(String);
  const sms = db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .where(sql<boolean>`n.id = any(${ids}::bigint[])`)
    .where('u.phone', 'is not', null)
    .select([
      'n.id as notification_id',
      sql<'sms' | 'email'>`'sms'`.as('channel'),
      sql<string>`u.phone`.as('recipient'),
      'n.title as subject',
      sql<string>`left(n.title || '：' || n.body, ${SMS_MAX_CHARS})`.as('body'),
    ]);
  const email = db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .where(sql<boolean>`n.id = any(${ids}::bigint[])`)
    .where('u.email', 'is not', null)
    .select([
      'n.id as notification_id',
      sql<'sms' | 'email'>`'email'`.as('channel'),
      sql<string>`u.email`.as('recipient'),
      'n.title as subject',
      sql<string>`n.body || coalesce(E'\n\n' || n.link, '')`.as('body'),
    ]);
  await db
    .insertInto('notification_outbox')
    .columns(['notification_id', 'channel', 'recipient', 'subject', 'body'])
    .expression(sms.unionAll(email))
    .execute();
}

/** The notice columns the inbox shows. */
export type NotificationRow = Selectable<NotificationTable>;

/** One page of a user's own notices, unread first (then newest) or newest first. */
export async function listUserNotifications(
  db: Db,
  userId: number,
  page: { order: 'unreadFirst' | 'newest'; offset: number; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (page.order === 'unreadFirst') query = query.orderBy(sql`read_at is null`, 'desc');
  return query.orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
}

/** How many notices a user has, and how many of them are unread. */
export async function countUserNotifications(db: Db, userId: number): Promise<{ total: number; unread: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where read_at is null)`.as('unread'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread) };
}

/** How many of a user's notices are unread (the bell; served by the partial index notifications_unread). */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's own notices read (keeping the first reading's time); undefined when it is not theirs. */
export async function markNotificationRead(db: Db, userId: number, id: number): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', BigInt(id))
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

/** Marks every unread notice of the user read; returns how many. */
export async function markAllNotificationsRead(db: Db, userId: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Enabled accounts of an organisation (a responsible unit's or an owner's people). */
export async function usersOfOrganization(db: Db, organizationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('disabled', '=', false)
    .execute();
  return rows.map((row) => row.id);
}

/** The enabled accounts of several organisations at once, by organisation (one without accounts is absent). */
export async function usersOfOrganizations(db: Db, organizationIds: readonly number[]): Promise<Map<number, number[]>> {
  const byOrganization = new Map<number, number[]>();
  if (organizationIds.length === 0) return byOrganization;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'organization_id'])
    .where('organization_id', 'in', [...organizationIds])
    .where('disabled', '=', false)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (row.organization_id === null) continue;
    byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), row.id]);
  }
  return byOrganization;
}

/**
 * Enabled accounts of the given roles whose region covers `regionCode` (the district's staff and the city's above
 * them), i.e. the people whose scope includes a project in that region.
 */
export async function usersCoveringRegion(db: Db, regionCode: string, roles: readonly Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...roles])
    .where('disabled', '=', false)
    .where('region_code', 'in', regionAndAncestors(regionCode))
    .execute();
  return rows.map((row) => row.id);
}
