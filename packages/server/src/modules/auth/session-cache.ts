/**
 * Looked-up sessions kept in memory (issue #14 item 3): the lookup is a three-table join that every API request
 * paid. An entry is good while the auth version it was looked up under stands (migration 2026121221_auth_version:
 * any instance's sign-out, eviction, password or role change, disabled account or second-factor change raises it
 * in the shared database, so a revoked session stops working at once on every instance) and for at most
 * `ttlMs`, which bounds what the database's clock alone decides (idle timeout, absolute lifetime, password age).
 */
import type { SessionUser } from './session.repository.ts';

/** How long a looked-up session is trusted without asking the database again, at most. */
export const SESSION_CACHE_TTL_MS = 5_000;

interface Entry {
  session: SessionUser;
  authVersion: bigint;
  cachedAt: number;
}

/** Sessions by id (the token's hash), least recently used first out. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** The session looked up under this auth version less than ttlMs ago, or undefined. */
  get(sessionId: string, authVersion: bigint): SessionUser | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    this.entries.delete(sessionId);
    if (entry.authVersion !== authVersion || this.now() - entry.cachedAt >= this.ttlMs) return undefined;
    this.entries.set(sessionId, entry);
    return entry.session;
  }

  /** Keeps a session found under `authVersion` (read before the lookup, so a revocation racing it is not missed). */
  set(session: SessionUser, authVersion: bigint): void {
    this.entries.delete(session.sessionId);
    this.entries.set(session.sessionId, { session, authVersion, cachedAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Records that the session's expiry was slid forward now, so the next requests do not touch it again. */
  touched(sessionId: string, at: Date): void {
    const entry = this.entries.get(sessionId);
    if (entry) entry.session = { ...entry.session, lastSeenAt: at };
  }
}
