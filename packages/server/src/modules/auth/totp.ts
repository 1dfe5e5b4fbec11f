/**
 * TOTP second factor (RFC 6238 via `otpauth`): a fresh seed per enrolment, its otpauth:// URI for the
 * authenticator app, and the check of a code that also returns the 30-second step it belongs to, so the
 * caller can refuse a step already used (replay). Seeds are stored encrypted with AES-256-GCM under a key
 * derived from config.secretKey; the user id is bound in as associated data, so a seed copied to another
 * account's row does not decrypt.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'KeyProjects';
const PERIOD_SECONDS = 30;
/** Codes of the step before and after are accepted too (clock drift of a phone). */
const WINDOW = 1;

function totpFor(secretBase32: string, username = '') {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random seed (160 bits, base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSeed(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, username).toString() };
}

/** The step a valid code belongs to (for replay refusal), or null when the code is wrong. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code for a seed (tests and the CLI use it; the server never needs to show one). */
export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp });
}

const keyCache = new Map<string, Buffer>();
function keyFor(secretKey: string): Buffer {
  let key = keyCache.get(secretKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'keyprojects', 'totp-seed-v1', 32));
    keyCache.set(secretKey, key);
  }
  return key;
}

/** Encrypts a seed for the user's row: `v1.iv.tag.ciphertext` (base64url). */
export function sealSeed(secretKey: string, userId: number, seed: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKey), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const body = Buffer.concat([cipher.update(seed, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts a sealed seed; throws when it was tampered with, sealed for another user or under another key. */
export function openSeed(secretKey: string, userId: number, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed seed format');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`user:${userId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
