/**
 * Sessions live in the database (so several app instances can share one PostgreSQL). The cookie holds a
 * random token; the table holds only its SHA-256, so a leaked table does not leak live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  organizationId: number | null;
}

/** Creates a session for the user; returns the cookie token and the CSRF token. */
export async function createSession(
  db: Kysely<DB>,
  input: { userId: number; ttlMinutes: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + input.ttlMinutes * 60_000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** The live session and its (enabled) user for a cookie token, or null. */
export async function findSession(db: Kysely<DB>, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.region_code as regionCode',
      'u.organization_id as organizationId',
    ])
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  return row ?? null;
}

/** Slides the session's expiry forward (idle timeout). */
export async function touchSession(db: Kysely<DB>, sessionId: string, ttlMinutes: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + ttlMinutes * 60_000) })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Removes expired sessions; returns how many. */
export async function purgeExpiredSessions(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
