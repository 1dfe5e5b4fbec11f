/**
 * Sessions live in the database (so several app instances can share one PostgreSQL). The cookie holds a
 * random token; the table holds only its SHA-256, so a leaked table does not leak live sessions. A session
 * ends after an idle timeout (sliding expires_at) and at the latest an absolute lifetime after sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
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
  /** The account must change its password first (set by an administrator, or the password is too old). */
  passwordChangeRequired: boolean;
  /** The account has a confirmed TOTP second factor. */
  mfaEnabled: boolean;
}

/** The limits a session lookup applies (from config). */
export interface SessionLimits {
  sessionMaxHours: number;
  passwordMaxAgeDays: number;
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

/**
 * The live session and its (enabled) user for a cookie token, or null. Ages are measured with the
 * database's clock, like the timestamps they compare with (the app's clock is a business date, fixed in the demo).
 */
export async function findSession(db: Kysely<DB>, token: string, limits: SessionLimits): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('user_totp as t', 't.user_id', 'u.id')
    .select((eb) => [
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.region_code as regionCode',
      'u.organization_id as organizationId',
      sql<boolean>`u.must_change_password or u.password_changed_at <= now() - make_interval(days => ${limits.passwordMaxAgeDays})`.as(
        'passwordChangeRequired',
      ),
      sql<boolean>`${eb.ref('t.enabled_at')} is not null`.as('mfaEnabled'),
    ])
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.created_at', '>', sql<Date>`now() - make_interval(hours => ${limits.sessionMaxHours})`)
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

/**
 * Keeps at most `keep` live sessions of the user (the newest) and ends the others; returns the ended ones'
 * ids so the caller can audit each eviction. Expired sessions of the user are removed on the way.
 */
export async function evictOldestSessions(
  db: Kysely<DB>,
  userId: number,
  keep: number,
  limits: SessionLimits,
): Promise<string[]> {
  const live = (eb: ExpressionBuilder<DB, 'sessions'>) =>
    eb.and([
      eb('expires_at', '>', sql<Date>`now()`),
      eb('created_at', '>', sql<Date>`now() - make_interval(hours => ${limits.sessionMaxHours})`),
    ]);
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.not(live(eb)))
    .execute();
  const rows = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(keep),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Ends every session of the user but one (after a password change). */
export async function deleteOtherSessions(db: Kysely<DB>, userId: number, keepSessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

/** Ends every session of the user (a role change, a disabled account, a reset password). */
export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Ends the session. */
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
