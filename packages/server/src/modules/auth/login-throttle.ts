/**
 * Sign-in throttling kept in the database, so parallel requests and several app instances share one count.
 * An attempt is reserved (counted) by one atomic statement BEFORE its password is checked: of 30 guesses sent
 * at once only the first MAX_FAILED_LOGINS get a reservation, the rest are refused, and the reservation that
 * reaches the limit locks the name. A right password gives its reservation back. Counts are per username
 * string, whether or not such an account exists (an unknown name locks like a known one), and per client
 * address in fixed windows (many names tried from one address are throttled too).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Failed sign-ins (or second-factor codes) before a name is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins one client address may make per window, over all names. */
export const IP_MAX_FAILURES = 30;
export const IP_WINDOW_SECONDS = 15 * 60;

const lockInterval = sql<string>`make_interval(mins => ${LOCK_MINUTES})`;

/**
 * Reserves one attempt for the name; returns the count including it (MAX_FAILED_LOGINS means this attempt
 * locked the name unless it succeeds), or null while the name is locked. Old failures (older than the lock
 * time) are forgotten, as is an expired lock.
 */
export async function reserveNameAttempt(db: Kysely<DB>, username: string): Promise<number | null> {
  const row = await sql<{ failures: number }>`
    insert into login_attempts as a (username, failures, locked_until, updated_at)
    values (${username}, 1, null, now())
    on conflict (username) do update set
      failures = case when a.updated_at <= now() - ${lockInterval} then 1 else a.failures + 1 end,
      locked_until = case
        when a.updated_at > now() - ${lockInterval} and a.failures + 1 >= ${MAX_FAILED_LOGINS}
        then now() + ${lockInterval}
      end,
      updated_at = now()
    where a.locked_until is null or a.locked_until <= now()
    returning failures`.execute(db);
  return row.rows[0]?.failures ?? null;
}

/** The name signed in: its failures are forgotten and any lock its own reservation set is lifted. */
export async function clearNameAttempts(db: Kysely<DB> | Transaction<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}

/**
 * Gives back one reservation without forgetting earlier failures (a right password whose second factor is
 * still due): the code attempts that follow are counted against the same limit.
 */
export async function releaseNameAttempt(db: Kysely<DB>, username: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({
      failures: sql<number>`greatest(failures - 1, 0)`,
      locked_until: sql<Date | null>`case when failures - 1 < ${MAX_FAILED_LOGINS} then null else locked_until end`,
    })
    .where('username', '=', username)
    .execute();
}

/** Reserves one attempt for the client address in the current window; the window, or null when it is used up. */
export async function reserveAddressAttempt(db: Kysely<DB>, ip: string): Promise<Date | null> {
  const row = await sql<{ window_start: Date }>`
    insert into login_rate as r (ip, window_start, attempts)
    values (${ip}, to_timestamp(floor(extract(epoch from now()) / ${IP_WINDOW_SECONDS}) * ${IP_WINDOW_SECONDS}), 1)
    on conflict (ip, window_start) do update set attempts = r.attempts + 1
    where r.attempts < ${IP_MAX_FAILURES}
    returning window_start`.execute(db);
  return row.rows[0]?.window_start ?? null;
}

/** Gives back the address's reservation of a sign-in that succeeded (only failures count). */
export async function releaseAddressAttempt(db: Kysely<DB>, ip: string, windowStart: Date): Promise<void> {
  await db
    .updateTable('login_rate')
    .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where('ip', '=', ip)
    .where('window_start', '=', windowStart)
    .execute();
}

/** Removes counts nobody needs any more (old windows, failures older than a lock); returns how many. */
export async function purgeLoginCounts(db: Kysely<DB>): Promise<number> {
  const windows = await db
    .deleteFrom('login_rate')
    .where('window_start', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  const names = await db
    .deleteFrom('login_attempts')
    .where('updated_at', '<', sql<Date>`now() - interval '1 day'`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(windows.numDeletedRows) + Number(names.numDeletedRows);
}
