/**
 * The audit trail: who changed what, when, from where, with the values before and after. Always written
 * inside the transaction of the change it records, so there is no change without its row. Also the trail's
 * reads: the filtered trail in keyset pages (newest first) and one project's history.
 */
import type { Kysely, Transaction } from 'kysely';
import { regionPrefix, type AuditAction, type AuditEntityType, type AuditQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';
import type { Actor } from '../auth/actor.ts';

export type { AuditAction };

export interface AuditEntry {
  entityType: AuditEntityType;
  entityId: string | number;
  action: AuditAction;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Only the client of an anonymous event (a failed sign-in for an unknown name): its address is kept. */
export interface AuditClient {
  id: null;
  username: null;
  role: null;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Who an audit row names: a signed-in actor, or only the client's address and agent for an anonymous event
 * (a failed login, a CSRF failure without a session).
 */
export type AuditActor = Partial<Pick<Actor, 'id' | 'username' | 'role'>> & Pick<Actor, 'ip' | 'userAgent'>;

/** Appends one audit row for the actor (null for events of the system, e.g. a scheduled job). */
export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: AuditActor | AuditClient | null,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor?.id ?? null,
      actor_username: actor?.username ?? null,
      actor_role: actor?.role ?? null,
      ip: actor?.ip ?? null,
      user_agent: actor?.userAgent?.slice(0, 300) ?? null,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      action: entry.action,
      region_code: entry.regionCode ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

function trailQuery(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'u.display_name as actorName',
      'a.actor_username as actorUsername',
      'a.actor_role as actorRole',
      'a.ip',
      'a.entity_type as entityType',
      'a.entity_id as entityId',
      'a.action',
      'a.region_code as regionCode',
      'a.before',
      'a.after',
    ])
    .orderBy('a.id', 'desc');
}

/** An audit row as the trail reads it (the actor's current name joined), before it becomes an entry. */
export type AuditTrailRow = Awaited<ReturnType<ReturnType<typeof trailQuery>['execute']>>[number];

/** The trail's filters (the audit administrator's query without its paging). */
export type AuditTrailFilters = Omit<AuditQuery, 'limit' | 'beforeId'>;

/** Escapes LIKE's wildcards so user text matches literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The filtered trail, newest first: at most `limit` rows with an id below `beforeId` (keyset paging; null = from
 * the newest).
 */
export async function trailRows(
  db: Kysely<DB>,
  filters: AuditTrailFilters,
  page: { limit: number; beforeId: bigint | null },
): Promise<AuditTrailRow[]> {
  let q = trailQuery(db).limit(page.limit);
  if (page.beforeId !== null) q = q.where('a.id', '<', page.beforeId);
  if (filters.from) q = q.where('a.at', '>=', new Date(filters.from));
  if (filters.to) q = q.where('a.at', '<', new Date(filters.to));
  if (filters.actor) q = q.where('a.actor_username', 'ilike', `%${literal(filters.actor)}%`);
  if (filters.action) q = q.where('a.action', '=', filters.action);
  if (filters.entityType) q = q.where('a.entity_type', '=', filters.entityType);
  if (filters.ip) q = q.where('a.ip', 'like', `${literal(filters.ip)}%`);
  if (filters.regionCode) q = q.where('a.region_code', 'like', `${regionPrefix(filters.regionCode)}%`);
  return q.execute();
}

/** True when the actor may see the project (its scope, through db/scope.ts). */
export async function projectVisible(db: Kysely<DB>, actor: ScopeActor, projectId: number): Promise<boolean> {
  const row = await scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .select('projects.id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The latest 500 rows of one project's history, newest first. */
export async function projectTrailRows(db: Kysely<DB>, projectId: number): Promise<AuditTrailRow[]> {
  return trailQuery(db)
    .where('a.entity_type', '=', 'project')
    .where('a.entity_id', '=', String(projectId))
    .limit(500)
    .execute();
}
