/**
 * Sign-in and sign-out. Failed attempts are counted per account and lock it for a while after too many
 * (等保 level 3 asks for both); every attempt is audited.
 */
import { sql, type Kysely } from 'kysely';
import type { Role } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { verifyPassword } from './password.ts';
import { createSession, deleteSession } from './session.repository.ts';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  ttlMinutes: number;
}

/** Checks the credentials and opens a session; throws 401 (or 429 while locked) otherwise. */
export async function login(db: Kysely<DB>, input: LoginInput) {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username)
    .where('disabled', '=', false)
    .executeTakeFirst();
  const client = { ip: input.ip, userAgent: input.userAgent };
  if (!user) {
    await recordAudit(db, null, {
      entityType: 'session',
      entityId: input.username.slice(0, 40),
      action: 'login_failed',
    });
    throw errors.unauthenticated('error.login');
  }
  const actor = { id: user.id, username: user.username, role: user.role, ...client };
  if (user.locked_until && user.locked_until > new Date()) throw errors.locked();
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const failed = user.failed_logins + 1;
    await db
      .updateTable('users')
      .set({
        failed_logins: failed >= MAX_FAILED_LOGINS ? 0 : failed,
        locked_until: failed >= MAX_FAILED_LOGINS ? sql<Date>`now() + ${`${LOCK_MINUTES} minutes`}::interval` : null,
      })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(db, actor, { entityType: 'session', entityId: user.id, action: 'login_failed' });
    throw errors.unauthenticated('error.login');
  }
  if (user.failed_logins > 0)
    await db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
  const session = await createSession(db, { userId: user.id, ttlMinutes: input.ttlMinutes, ...client });
  await recordAudit(db, actor, { entityType: 'session', entityId: user.id, action: 'login' });
  return { ...session, userId: user.id };
}

/** Ends the session. */
export async function logout(
  db: Kysely<DB>,
  sessionId: string,
  actor: { id: number; username: string; role: Role; ip: string | null; userAgent: string | null },
) {
  await deleteSession(db, sessionId);
  await recordAudit(db, actor, { entityType: 'session', entityId: actor.id, action: 'logout' });
}
