/**
 * Removes what authentication no longer needs: expired sessions, expired sign-in challenges, and login
 * counts past their window or lock, so the tables that every sign-in touches stay small.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { purgeLoginCounts } from '../modules/auth/login-throttle.ts';
import { purgeExpiredSessions } from '../modules/auth/session.repository.ts';

export const schedule = { everyMs: 60 * 60 * 1000, runAtStart: false };

/** One clean-up pass; returns how many rows of each kind went. */
export async function run(deps: { db: Kysely<DB> }) {
  const sessions = await purgeExpiredSessions(deps.db);
  const challenges = await deps.db
    .deleteFrom('login_challenges')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const counts = await purgeLoginCounts(deps.db);
  return { sessions, challenges: Number(challenges.numDeletedRows), counts };
}
