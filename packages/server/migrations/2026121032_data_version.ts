/**
 * The data version (issue #14 item 2): one number that every committed write of business data raises, kept in the
 * database so that every instance sees it. Answers computed from the data (the dashboard, lists) are cached under
 * the version they were computed at and are good until it moves; ETags carry it.
 *
 * The bump is a deferred constraint trigger: it runs at commit, once per transaction (a transaction-local setting
 * marks it done), so a writer holds the version row's lock only while committing and a 10,000-row import pays one
 * update, not 10,000. A reader reads the version and computes in one snapshot (repeatable read), so an answer is
 * never filed under a version newer than its data. Tables that hold no business data (sessions, login throttling,
 * the audit trail's bookkeeping, job ledgers, the inbox) are left out: signing in must not empty the caches.
 * A later migration that adds a business table calls `select kp_track_data_version('<table>')`; a test fails
 * until every table is either tracked or listed below.
 */
import { sql, type Kysely } from 'kysely';

/** Tables whose writes do not change any computed answer. */
export const UNTRACKED_TABLES = [
  'audit_chain_head',
  'audit_log',
  'auth_version',
  'data_version',
  'import_jobs',
  'job_runs',
  'kysely_migration',
  'kysely_migration_lock',
  'login_attempts',
  'login_challenges',
  'login_rate',
  'notification_outbox',
  'notifications',
  'sessions',
  'user_totp',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_version (
      singleton boolean primary key default true check (singleton),
      version bigint not null
    )`.execute(db);
  await sql`insert into data_version (version) values (1)`.execute(db);
  await sql`
    create function kp_bump_data_version() returns trigger language plpgsql as $$
    begin
      if current_setting('kp.data_version_bumped', true) is distinct from txid_current()::text then
        perform set_config('kp.data_version_bumped', txid_current()::text, true);
        update data_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function kp_track_data_version(target regclass) returns void language plpgsql as $$
    begin
      execute format(
        'create constraint trigger kp_data_version after insert or update or delete on %s '
        'deferrable initially deferred for each row execute function kp_bump_data_version()', target);
    end $$`.execute(db);
  await sql`
    select kp_track_data_version(format('%I', tablename)::regclass)
    from pg_tables
    where schemaname = current_schema() and tablename <> all (${sql.val([...UNTRACKED_TABLES])}::text[])`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function kp_track_data_version(regclass)`.execute(db);
  // Drops every kp_data_version trigger with it.
  await sql`drop function kp_bump_data_version() cascade`.execute(db);
  await sql`drop table data_version`.execute(db);
}
