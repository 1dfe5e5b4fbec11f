/**
 * The TOTP second factor: enrolment (a server-made seed shown once, confirmed by a valid code), the
 * short-lived challenge between the password and the code of a two-step sign-in, and the acceptance of a
 * code, which refuses a 30-second step already used (replay) in one conditional update (mfa.repository.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MfaEnrolment } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from './actor.ts';
import {
  confirmPendingSeed,
  insertChallenge,
  recordAcceptedStep,
  sealedSeed,
  storePendingSeed,
} from './mfa.repository.ts';
import { newTotpSeed, openSeed, sealSeed, totpStep } from './totp.ts';

/** How long the second step of a sign-in may take. */
export const CHALLENGE_MINUTES = 5;

/** Starts (or restarts) enrolment: a new seed stored pending; returns it and its otpauth:// URI to show once. */
export async function startEnrolment(db: Kysely<DB>, secretKey: string, actor: Actor): Promise<MfaEnrolment> {
  const seed = newTotpSeed(actor.username);
  // A confirmed factor is replaced only through an administrator's reset, never by a session alone.
  if (!(await storePendingSeed(db, actor.id, sealSeed(secretKey, actor.id, seed.secret))))
    throw errors.invalidField('code', 'mfa.alreadyEnabled');
  return seed;
}

/** Confirms the pending seed with a code from the app; from then on sign-in asks for a code. Audited. */
export async function confirmEnrolment(db: Kysely<DB>, secretKey: string, actor: Actor, code: string): Promise<void> {
  const pending = await sealedSeed(db, actor.id, 'pending');
  if (pending === undefined) throw errors.invalidField('code', 'mfa.notPending');
  const step = totpStep(openSeed(secretKey, actor.id, pending), code);
  const confirmed = step !== null && (await confirmPendingSeed(db, actor.id, step));
  await recordAudit(db, actor, {
    entityType: 'user',
    entityId: actor.id,
    action: confirmed ? 'mfa_enrolled' : 'mfa_failed',
  });
  if (!confirmed) throw errors.invalidField('code', 'mfa.codeInvalid');
}

/** True when the user has a confirmed second factor. */
export async function hasSecondFactor(db: Kysely<DB>, userId: number): Promise<boolean> {
  return (await sealedSeed(db, userId, 'confirmed')) !== undefined;
}

/** Opens the second step of a sign-in for the user; returns the token the client sends back with the code. */
export async function createChallenge(db: Kysely<DB>, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertChallenge(db, token, userId, CHALLENGE_MINUTES);
  return token;
}

/**
 * Accepts a code of the user's confirmed factor: it must be valid now and of a later step than the last
 * accepted one, which one conditional update checks and records, so a code is never accepted twice.
 */
export async function acceptCode(db: Kysely<DB>, secretKey: string, userId: number, code: string): Promise<boolean> {
  const sealed = await sealedSeed(db, userId, 'confirmed');
  if (sealed === undefined) return false;
  const step = totpStep(openSeed(secretKey, userId, sealed), code);
  return step !== null && recordAcceptedStep(db, userId, step);
}
