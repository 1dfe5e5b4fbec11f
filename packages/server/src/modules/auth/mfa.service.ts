/**
 * The TOTP second factor: enrolment (a server-made seed shown once, confirmed by a valid code), the
 * short-lived challenge between the password and the code of a two-step sign-in, and the acceptance of a
 * code, which refuses a 30-second step already used (replay) in one conditional update.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from './actor.ts';
import { hashToken } from './session.repository.ts';
import { newTotpSeed, openSeed, sealSeed, totpStep } from './totp.ts';

/** How long the second step of a sign-in may take. */
export const CHALLENGE_MINUTES = 5;

/** Starts (or restarts) enrolment: a new seed stored pending; returns it and its otpauth:// URI to show once. */
export async function startEnrolment(db: Kysely<DB>, secretKey: string, actor: Actor) {
  const seed = newTotpSeed(actor.username);
  const sealed = sealSeed(secretKey, actor.id, seed.secret);
  const row = await db
    .insertInto('user_totp')
    .values({ user_id: actor.id, secret_encrypted: sealed, enabled_at: null, last_step: null })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_encrypted: sealed, last_step: null })
        .where('user_totp.enabled_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  // A confirmed factor is replaced only through an administrator's reset, never by a session alone.
  if (!row) throw errors.invalidField('code', 'mfa.alreadyEnabled');
  return seed;
}

/** Confirms the pending seed with a code from the app; from then on sign-in asks for a code. Audited. */
export async function confirmEnrolment(db: Kysely<DB>, secretKey: string, actor: Actor, code: string): Promise<void> {
  const pending = await db
    .selectFrom('user_totp')
    .select('secret_encrypted')
    .where('user_id', '=', actor.id)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  if (!pending) throw errors.invalidField('code', 'mfa.notPending');
  const step = totpStep(openSeed(secretKey, actor.id, pending.secret_encrypted), code);
  const confirmed =
    step !== null &&
    (await db
      .updateTable('user_totp')
      .set({ enabled_at: sql<Date>`now()`, last_step: BigInt(step) })
      .where('user_id', '=', actor.id)
      .where('enabled_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst());
  await recordAudit(db, actor, {
    entityType: 'user',
    entityId: actor.id,
    action: confirmed ? 'mfa_enrolled' : 'mfa_failed',
  });
  if (!confirmed) throw errors.invalidField('code', 'mfa.codeInvalid');
}

/** True when the user has a confirmed second factor. */
export async function hasSecondFactor(db: Kysely<DB>, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('user_totp')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Opens the second step of a sign-in for the user; returns the token the client sends back with the code. */
export async function createChallenge(db: Kysely<DB>, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('login_challenges')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(mins => ${CHALLENGE_MINUTES})`,
    })
    .execute();
  return token;
}

/** The live challenge's (enabled) user for a token, or null when it is unknown or expired. */
export async function findChallenge(db: Kysely<DB>, token: string) {
  const row = await db
    .selectFrom('login_challenges as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id as challengeId', 'u.id', 'u.username', 'u.role'])
    .where('c.id', '=', hashToken(token))
    .where('c.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  return row ?? null;
}

/** Ends a challenge (used, or given up after a lock). */
export async function deleteChallenge(db: Kysely<DB>, challengeId: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('id', '=', challengeId).execute();
}

/**
 * Accepts a code of the user's confirmed factor: it must be valid now and of a later step than the last
 * accepted one, which one conditional update checks and records, so a code is never accepted twice.
 */
export async function acceptCode(db: Kysely<DB>, secretKey: string, userId: number, code: string): Promise<boolean> {
  const factor = await db
    .selectFrom('user_totp')
    .select('secret_encrypted')
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .executeTakeFirst();
  if (!factor) return false;
  const step = totpStep(openSeed(secretKey, userId, factor.secret_encrypted), code);
  if (step === null) return false;
  const accepted = await db
    .updateTable('user_totp')
    .set({ last_step: BigInt(step) })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', BigInt(step))]))
    .returning('user_id')
    .executeTakeFirst();
  return accepted !== undefined;
}
