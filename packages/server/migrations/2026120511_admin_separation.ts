/**
 * The separation of the three administrators (三员分立) in the database, so that no code path (a bug, a
 * script, a future endpoint) can bypass what the user services check:
 * - a change of an account's role, region or organisation needs the transaction to have declared the acting
 *   role with `set_config('kp.actor_role', 'security_admin' | 'cli', true)`;
 * - a new account with a business role above district staff (city_admin, leader; the order is core's
 *   `businessRank`) needs 'security_admin' or 'cli';
 * - the three administrator roles are given, and administrator accounts re-scoped, only by 'cli'
 *   (create-admin, the demo loader).
 * Also adds `must_change_password` (set when an administrator creates or resets an account; the login
 * enforces it).
 */
import { sql, type Kysely } from 'kysely';

/** Adds must_change_password and the users_separation trigger. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column if not exists must_change_password boolean not null default false`.execute(db);
  await sql`
    create or replace function users_separation() returns trigger language plpgsql as $$
    declare
      actor text := coalesce(nullif(current_setting('kp.actor_role', true), ''), 'none');
      admin_roles text[] := array['system_admin', 'security_admin', 'audit_admin'];
      above_district text[] := array['city_admin', 'leader'];
    begin
      if tg_op = 'INSERT' then
        if new.role = any (admin_roles) and actor <> 'cli' then
          raise exception 'administrator roles are granted only by the CLI (actor %)', actor
            using errcode = 'insufficient_privilege';
        end if;
        if new.role = any (above_district) and actor not in ('security_admin', 'cli') then
          raise exception 'role % needs the security administrator (actor %)', new.role, actor
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end if;
      if new.role is distinct from old.role
        or new.region_code is distinct from old.region_code
        or new.organization_id is distinct from old.organization_id then
        if actor not in ('security_admin', 'cli') then
          raise exception 'role and scope changes need the security administrator (actor %)', actor
            using errcode = 'insufficient_privilege';
        end if;
        if (new.role = any (admin_roles) or old.role = any (admin_roles)) and actor <> 'cli' then
          raise exception 'administrator accounts are changed only by the CLI (actor %)', actor
            using errcode = 'insufficient_privilege';
        end if;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger users_separation before insert or update on users
    for each row execute function users_separation()`.execute(db);
}

/** Drops the trigger and its function; the column stays (another migration may rely on it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists users_separation on users`.execute(db);
  await sql`drop function if exists users_separation()`.execute(db);
}
