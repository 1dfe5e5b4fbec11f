/**
 * The audit trail: who changed what, when, from where, with the values before and after. Always written
 * inside the transaction of the change it records, so there is no change without its row.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditEntityType } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
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

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ between two snapshots (keys of either). */
export function diffSnapshots(before: unknown, after: unknown): AuditChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
