/**
 * The auth version (issue #14 item 3): one number raised by every commit that could end or change a signed-in
 * session — a session deleted (sign-out, eviction, a password change ending the others, the expiry purge) or cut
 * short, any change to an account (role, scope, disabled, password) or to its second factor. App instances keep
 * looked-up sessions in memory under this version (session-cache.ts), so one small read per request tells every
 * instance at once that its copies are stale, instead of a three-table join per request.
 *
 * Like the data version it is bumped by a deferred constraint trigger, once per transaction at commit. Sliding a
 * session's expiry forward (the request hook's touch) and signing in do not raise it: neither ends a session.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table auth_version (
      singleton boolean primary key default true check (singleton),
      version bigint not null
    )`.execute(db);
  await sql`insert into auth_version (version) values (1)`.execute(db);
  await sql`
    create function kp_bump_auth_version() returns trigger language plpgsql as $$
    begin
      if current_setting('kp.auth_version_bumped', true) is distinct from txid_current()::text then
        perform set_config('kp.auth_version_bumped', txid_current()::text, true);
        update auth_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  const trigger = (name: string, event: string, when = 'true') => sql`
    create constraint trigger ${sql.raw(name)} after ${sql.raw(event)}
    deferrable initially deferred for each row when (${sql.raw(when)}) execute function kp_bump_auth_version()`;
  await trigger('kp_auth_version_gone', 'delete on sessions').execute(db);
  // Only what could end the session early: a touch moves expires_at forward and last_seen_at, nothing else.
  await trigger(
    'kp_auth_version_cut',
    'update on sessions',
    `new.expires_at < old.expires_at or new.created_at <> old.created_at
       or new.user_id <> old.user_id or new.csrf_token <> old.csrf_token`,
  ).execute(db);
  await trigger('kp_auth_version_user', 'update or delete on users').execute(db);
  await trigger('kp_auth_version_totp', 'insert or update or delete on user_totp').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function kp_bump_auth_version() cascade`.execute(db);
  await sql`drop table auth_version`.execute(db);
}
