/**
 * Kysely access to the inbox: what other modules call to tell people something (`notify`, in the caller's
 * transaction, so a notice exists exactly when the change it announces does), and who those people are. A notice
 * also queues one outbox row per channel the recipient can be reached on, for a gateway to drain (notification.outbox.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
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
  return rows.length;
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
