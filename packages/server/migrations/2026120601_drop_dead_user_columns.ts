/**
 * Drops users.failed_logins and users.locked_until (issue #9): since the auth hardening of 2026120510 the failed
 * sign-ins and the lock live per username in login_attempts, and nothing reads or writes these two columns any
 * more. Runs unchanged on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

/** Drops the two dead columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column failed_logins, drop column locked_until`.execute(db);
}

/** Adds them back, empty (the counts they held were already dead). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column failed_logins integer not null default 0, add column locked_until timestamptz`.execute(
    db,
  );
}
