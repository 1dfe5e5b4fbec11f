/**
 * Sign-in, the second step of a two-factor sign-in, the session's answer (also GET /auth/me), sign-out and the
 * change of one's own password.
 * Every attempt is counted in the database before its secret is checked (login-throttle.ts), an unknown
 * name costs the same scrypt work and gets the same answer as a known one, and every outcome is audited
 * with the client's address (等保 level 3: identification, lockout, audit).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChangePasswordBody, MfaChallenge, Session } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit, type AuditClient } from '../audit/audit.repository.ts';
import { presentCurrentUser } from '../user/user.presenter.ts';
import { findEnabledUserByName, findNamedUser, passwordHashOf, setOwnPassword } from '../user/user.repository.ts';
import type { Actor } from './actor.ts';
import { sessionGates, type SessionGates } from './session-gates.ts';
import {
  MAX_FAILED_LOGINS,
  clearNameAttempts,
  releaseAddressAttempt,
  releaseNameAttempt,
  reserveAddressAttempt,
  reserveNameAttempt,
} from './login-throttle.ts';
import { deleteChallenge, findChallenge } from './mfa.repository.ts';
import { acceptCode, createChallenge, hasSecondFactor } from './mfa.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  evictOldestSessions,
  findSession,
} from './session.repository.ts';

/** What sign-in needs of the app: the database, the limits of config and the application's date. */
export type AuthDeps = Pick<AppDeps, 'db' | 'config' | 'clock'>;

interface Client {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginInput extends Client {
  username: string;
  password: string;
}

/** A session a sign-in opened: the cookie token and the answer's body. */
export interface OpenedSession {
  token: string;
  session: Session;
}

/** A sign-in's outcome: a session, or (for an account with a second factor) the challenge for its code. */
export type LoginResult = OpenedSession | { token: null; challenge: MfaChallenge };

type AuditUser = Pick<Actor, 'id' | 'username' | 'role' | 'ip' | 'userAgent'>;

let dummyHash: Promise<string> | null = null;
/** A hash of a random password with the same parameters: unknown names cost the same work as known ones. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

const addressOf = (client: Client) => client.ip ?? 'unknown';

/**
 * Counts the attempt for the address and the name before anything is checked; throws 429 when either is
 * used up (audited). Returns the address window to give back and the name's failure count with this one.
 */
async function reserveAttempt(
  db: Kysely<DB>,
  username: string,
  who: AuditUser | AuditClient,
  entityId: string | number,
) {
  const window = await reserveAddressAttempt(db, addressOf(who));
  if (!window) {
    await recordAudit(db, who, { entityType: 'session', entityId, action: 'login_throttled' });
    throw errors.rateLimited();
  }
  const failures = await reserveNameAttempt(db, username);
  if (failures === null) {
    await recordAudit(db, who, { entityType: 'session', entityId, action: 'login_locked' });
    throw errors.locked();
  }
  return { window, failures };
}

/** Records a failed secret (and the lock it caused when it was the last allowed). */
async function recordFailure(
  db: Kysely<DB>,
  who: AuditUser | AuditClient,
  entityId: string | number,
  action: 'login_failed' | 'mfa_failed' | 'password_change_failed',
  failures: number,
) {
  await recordAudit(db, who, { entityType: 'session', entityId, action });
  if (failures >= MAX_FAILED_LOGINS) {
    await recordAudit(db, who, {
      entityType: 'session',
      entityId,
      action: 'account_locked',
      after: { failures },
    });
  }
}

/** The session as the API answers it: the user (presenter), the CSRF token, the app's date and the gates. */
async function sessionAnswer(
  deps: AuthDeps,
  userId: number,
  csrfToken: string,
  gates: SessionGates | null,
): Promise<Session> {
  const user = await findNamedUser(deps.db, userId);
  if (!user) throw errors.unauthenticated();
  return {
    user: presentCurrentUser(user),
    csrfToken,
    today: deps.clock.today(),
    passwordChangeRequired: gates?.passwordChangeRequired ?? false,
    mfaEnrollmentRequired: gates?.mfaEnrollmentRequired ?? false,
    mfaEnabled: gates?.mfaEnabled ?? false,
  };
}

/** GET /auth/me: the signed-in user's session, with the CSRF token and gates the request's session carries. */
export async function currentSession(
  deps: AuthDeps,
  actor: Actor,
  session: { csrfToken: string | null; gates: SessionGates | null },
): Promise<Session> {
  return sessionAnswer(deps, actor.id, session.csrfToken ?? '', session.gates);
}

/** Opens a session, ends the oldest ones beyond the per-account limit (each eviction audited), audits the sign-in. */
async function startSession(deps: AuthDeps, user: AuditUser, client: Client): Promise<OpenedSession> {
  const { db, config } = deps;
  const session = await createSession(db, { userId: user.id, ttlMinutes: config.sessionTtlMinutes, ...client });
  const evicted = await evictOldestSessions(db, user.id, config.maxSessionsPerUser, config);
  for (const _ of evicted) {
    await recordAudit(db, user, {
      entityType: 'session',
      entityId: user.id,
      action: 'session_evicted',
      after: { limit: config.maxSessionsPerUser },
    });
  }
  await recordAudit(db, user, { entityType: 'session', entityId: user.id, action: 'login' });
  const opened = await findSession(db, session.token, config);
  if (!opened) throw new Error('a session just opened was not found');
  const gates = sessionGates(opened, config.mfaEnforce);
  return { token: session.token, session: await sessionAnswer(deps, user.id, session.csrfToken, gates) };
}

/** Checks the credentials: a session, or a challenge when the account has a second factor; 401/429 otherwise. */
export async function login(deps: AuthDeps, input: LoginInput): Promise<LoginResult> {
  const { db } = deps;
  const client = { ip: input.ip, userAgent: input.userAgent };
  const user = await findEnabledUserByName(db, input.username);
  const who: AuditUser | AuditClient = user
    ? { id: user.id, username: user.username, role: user.role, ...client }
    : { id: null, username: null, role: null, ...client };
  const entityId = user?.id ?? input.username.slice(0, 40);
  const { window, failures } = await reserveAttempt(db, input.username, who, entityId);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !matches) {
    await recordFailure(db, who, entityId, 'login_failed', failures);
    throw errors.unauthenticated('error.login');
  }
  await releaseAddressAttempt(db, addressOf(client), window);
  const actor = { id: user.id, username: user.username, role: user.role, ...client };
  if (await hasSecondFactor(db, user.id)) {
    // The password was right but the code is still due: code failures count against the same limit.
    await releaseNameAttempt(db, user.username);
    return { token: null, challenge: { mfaRequired: true, challenge: await createChallenge(db, user.id) } };
  }
  await clearNameAttempts(db, user.username);
  return startSession(deps, actor, client);
}

/** The second step: the challenge of a right password and a TOTP code not used before; a session or 401/429. */
export async function loginWithCode(
  deps: AuthDeps,
  input: Client & { challenge: string; code: string },
): Promise<OpenedSession> {
  const { db, config } = deps;
  const client = { ip: input.ip, userAgent: input.userAgent };
  const challenge = await findChallenge(db, input.challenge);
  if (!challenge) throw errors.unauthenticated('mfa.challengeExpired');
  const actor = { id: challenge.id, username: challenge.username, role: challenge.role, ...client };
  let reserved;
  try {
    reserved = await reserveAttempt(db, challenge.username, actor, actor.id);
  } catch (error) {
    await deleteChallenge(db, challenge.challengeId);
    throw error;
  }
  if (!(await acceptCode(db, config.secretKey, actor.id, input.code))) {
    await recordFailure(db, actor, actor.id, 'mfa_failed', reserved.failures);
    if (reserved.failures >= MAX_FAILED_LOGINS) await deleteChallenge(db, challenge.challengeId);
    throw errors.unauthenticated('mfa.codeInvalid');
  }
  await deleteChallenge(db, challenge.challengeId);
  await releaseAddressAttempt(db, addressOf(client), reserved.window);
  await clearNameAttempts(db, actor.username);
  return startSession(deps, actor, client);
}

/** Ends the request's session (none when it came without one) and audits the sign-out. */
export async function logout(db: Kysely<DB>, actor: AuditUser, sessionId: string | null) {
  if (sessionId === null) return;
  await deleteSession(db, sessionId);
  await recordAudit(db, actor, { entityType: 'session', entityId: actor.id, action: 'logout' });
}

/**
 * Changes the signed-in user's own password: the new one must meet the policy, the current one is checked
 * like a sign-in (counted, so a borrowed session cannot guess it), the user's other sessions end. Audited.
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  sessionId: string,
  input: ChangePasswordBody,
): Promise<void> {
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem) throw errors.invalidField('newPassword', problem);
  const { window, failures } = await reserveAttempt(db, actor.username, actor, actor.id);
  if (!(await verifyPassword(input.currentPassword, await passwordHashOf(db, actor.id)))) {
    await recordFailure(db, actor, actor.id, 'password_change_failed', failures);
    throw errors.invalidField('currentPassword', 'password.currentWrong');
  }
  await releaseAddressAttempt(db, addressOf(actor), window);
  await clearNameAttempts(db, actor.username);
  if (input.newPassword === input.currentPassword) throw errors.invalidField('newPassword', 'password.sameAsCurrent');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setOwnPassword(trx, actor.id, passwordHash);
    await deleteOtherSessions(trx, actor.id, sessionId);
    await recordAudit(trx, actor, { entityType: 'user', entityId: actor.id, action: 'password_change' });
  });
}
