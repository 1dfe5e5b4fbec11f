/**
 * Authentication hardening (issue #8): failed sign-ins counted per username string (known or not) and per
 * client address in the database, so parallel requests and several app instances share one count; a forced
 * password change flag; TOTP second factors (seed encrypted at rest) and the short-lived challenges of a
 * two-step sign-in. Runs unchanged on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

/** Adds users.must_change_password, login_attempts, login_rate, user_totp and login_challenges. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Another migration may add the identical column; `if not exists` lets both land.
  await sql`alter table users add column if not exists must_change_password boolean not null default false`.execute(db);
  // Keyed by the name typed, whether or not such an account exists: an unknown name locks like a known one.
  await sql`
    create table login_attempts (
      username text primary key,
      failures integer not null default 0 check (failures >= 0),
      locked_until timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Failed sign-ins per client address and fixed window: many usernames tried from one address are throttled.
  await sql`
    create table login_rate (
      ip text not null,
      window_start timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      primary key (ip, window_start)
    )`.execute(db);
  await sql`
    create table user_totp (
      user_id integer primary key references users (id) on delete cascade,
      secret_encrypted text not null,
      enabled_at timestamptz,
      last_step bigint,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table login_challenges (
      id text primary key,
      user_id integer not null references users (id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_challenges_expiry on login_challenges (expires_at)`.execute(db);
  await sql`create index sessions_user_created on sessions (user_id, created_at)`.execute(db);
}

/** Drops what up() added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index sessions_user_created`.execute(db);
  await sql`drop table login_challenges`.execute(db);
  await sql`drop table user_totp`.execute(db);
  await sql`drop table login_rate`.execute(db);
  await sql`drop table login_attempts`.execute(db);
  await sql`alter table users drop column if exists must_change_password`.execute(db);
}
