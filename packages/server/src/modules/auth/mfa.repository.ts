/**
 * The TOTP second factor's rows: the user's sealed seed (pending until confirmed, with the last accepted 30-second
 * step) and the short-lived challenges of two-step sign-ins (stored by the SHA-256 of their token).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hashToken } from './session.repository.ts';

/** Stores a new pending seed (replacing a pending one); false when the user already has a confirmed factor. */
export async function storePendingSeed(db: Kysely<DB>, userId: number, sealed: string): Promise<boolean> {
  const row = await db
    .insertInto('user_totp')
    .values({ user_id: userId, secret_encrypted: sealed, enabled_at: null, last_step: null })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_encrypted: sealed, last_step: null })
        .where('user_totp.enabled_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The sealed seed of the user's factor, pending or confirmed as asked; undefined when there is none. */
export async function sealedSeed(
  db: Kysely<DB>,
  userId: number,
  state: 'pending' | 'confirmed',
): Promise<string | undefined> {
  const row = await db
    .selectFrom('user_totp')
    .select('secret_encrypted')
    .where('user_id', '=', userId)
    .where('enabled_at', state === 'pending' ? 'is' : 'is not', null)
    .executeTakeFirst();
  return row?.secret_encrypted;
}

/** Confirms the pending factor with the step of its first code; false when it was no longer pending. */
export async function confirmPendingSeed(db: Kysely<DB>, userId: number, step: number): Promise<boolean> {
  const row = await db
    .updateTable('user_totp')
    .set({ enabled_at: sql<Date>`now()`, last_step: BigInt(step) })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records `step` as the confirmed factor's last accepted one, only when it is later than the last (one conditional
 * update, so a code is never accepted twice); false when it is not.
 */
export async function recordAcceptedStep(db: Kysely<DB>, userId: number, step: number): Promise<boolean> {
  const row = await db
    .updateTable('user_totp')
    .set({ last_step: BigInt(step) })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', BigInt(step))]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a challenge for the user's second sign-in step, valid for `minutes`. */
export async function insertChallenge(db: Kysely<DB>, token: string, userId: number, minutes: number): Promise<void> {
  await db
    .insertInto('login_challenges')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
    })
    .execute();
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
