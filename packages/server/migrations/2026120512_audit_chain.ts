/**
 * The audit trail becomes tamper-evident: TRUNCATE is refused like UPDATE and DELETE, and every row carries
 * the previous row's hash and its own SHA-256 over a canonical text of its fields (AUDIT_CANONICAL below; the
 * CLI's verify-audit recomputes it in Node). A BEFORE INSERT trigger links each new row to the newest row
 * under a transaction-level advisory lock and gives it its id there (not in the column default, which runs
 * before the trigger), so id order is chain order: the lock is held until commit, so a later id can only be
 * drawn once every earlier chained row is committed or rolled back. The head (last id and hash, moved at
 * commit) lives in audit_chain_head, which makes a removed last row detectable too.
 */
import { sql, type Kysely } from 'kysely';

/** The advisory lock key of the chain (any constant; "KPAUDIT" in ASCII). */
export const AUDIT_CHAIN_LOCK = 0x4b5041554449;

/** The hash that the first row of the chain points back to. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Adds the chain columns, backfills them over the existing rows in id order, and installs the triggers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column prev_hash text, add column hash text`.execute(db);
  await sql`
    create table audit_chain_head (
      singleton boolean primary key default true check (singleton),
      last_id bigint not null,
      last_hash text not null
    )`.execute(db);

  // Each field as <UTF-8 byte length>:<text>, or '~' for null, so no value can imitate a separator. `at` is
  // written as microseconds since the epoch (independent of the session's time zone); jsonb as its text.
  await sql`
    create function audit_log_field(value text) returns text language sql immutable as $$
      select case when value is null then '~' else octet_length(value)::text || ':' || value end
    $$`.execute(db);
  await sql`
    create function audit_log_hash(r audit_log) returns text language sql stable as $$
      select encode(sha256(convert_to('kp-audit-v1|' || audit_log_field(r.id::text)
        || audit_log_field(((extract(epoch from r.at) * 1000000)::bigint)::text)
        || audit_log_field(r.actor_id::text) || audit_log_field(r.actor_username) || audit_log_field(r.actor_role)
        || audit_log_field(r.ip) || audit_log_field(r.user_agent) || audit_log_field(r.entity_type)
        || audit_log_field(r.entity_id) || audit_log_field(r.action) || audit_log_field(r.region_code)
        || audit_log_field(r.before::text) || audit_log_field(r.after::text) || audit_log_field(r.prev_hash),
        'UTF8')), 'hex')
    $$`.execute(db);

  // Backfill: the rows written so far, chained in id order.
  await sql`alter table audit_log disable trigger audit_log_no_rewrite`.execute(db);
  await sql
    .raw(
      `
    do $$
    declare
      r audit_log;
      previous text := '${AUDIT_GENESIS_HASH}';
      last bigint := 0;
    begin
      for r in select * from audit_log order by id loop
        r.prev_hash := previous;
        previous := audit_log_hash(r);
        last := r.id;
        update audit_log set prev_hash = r.prev_hash, hash = previous where id = r.id;
      end loop;
      insert into audit_chain_head (last_id, last_hash) values (last, previous);
    end $$`,
    )
    .execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_rewrite`.execute(db);
  await sql`alter table audit_log alter column prev_hash set not null, alter column hash set not null`.execute(db);

  // The id comes from the trigger (under the lock), not from the column default evaluated before it.
  await sql`alter table audit_log alter column id drop default`.execute(db);
  // SECURITY DEFINER: the application's role appends rows without any right on the head or the sequence.
  // The previous hash is the newest row's (rows earlier in the same statement are visible to a BEFORE trigger).
  // Locking the head row FOR UPDATE makes a REPEATABLE READ transaction that has not seen the latest head fail
  // with a serialisation error instead of forking the chain. The head itself is moved once per transaction, at
  // commit (a deferred trigger): moving it per row would grow one row's version chain inside a transaction and
  // make a 10,000-row import quadratic.
  await sql
    .raw(
      `
    create function audit_log_chain() returns trigger language plpgsql security definer
    set search_path = public, pg_temp as $$
    declare
      head_id bigint;
      head_hash text;
      newest_id bigint;
      newest_hash text;
    begin
      perform pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
      select last_id, last_hash into strict head_id, head_hash from audit_chain_head for update;
      -- Only the two columns: the newest row's jsonb is never read.
      select id, hash into newest_id, newest_hash from audit_log order by id desc limit 1;
      new.id := nextval('audit_log_id_seq');
      new.at := coalesce(new.at, now());
      new.prev_hash := case when newest_id > head_id then newest_hash else head_hash end;
      new.hash := audit_log_hash(new);
      return new;
    end $$`,
    )
    .execute(db);
  await sql`
    create trigger audit_log_chain before insert on audit_log
    for each row execute function audit_log_chain()`.execute(db);
  await sql`
    create function audit_chain_advance() returns trigger language plpgsql security definer
    set search_path = public, pg_temp as $$
    begin
      update audit_chain_head h set last_id = n.id, last_hash = n.hash
      from (select id, hash from audit_log order by id desc limit 1) n
      where h.last_id < n.id;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger audit_log_advance_head after insert on audit_log
    deferrable initially deferred for each row execute function audit_chain_advance()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
  // On a PostgreSQL server with an owner and an application role (docs/postgres-roles.sql), no role but the
  // owner keeps a right to rewrite the trail, whatever default privileges granted it.
  await sql`
    do $$
    declare
      r record;
    begin
      for r in select distinct grantee from information_schema.role_table_grants
        where table_schema = current_schema() and table_name in ('audit_log', 'audit_chain_head')
          and grantee not in (current_user, 'PUBLIC') loop
        execute format('revoke update, delete, truncate on audit_log from %I', r.grantee);
        execute format('revoke insert, update, delete, truncate on audit_chain_head from %I', r.grantee);
      end loop;
    end $$`.execute(db);
  await sql`
    create trigger audit_chain_head_no_truncate before truncate or delete on audit_chain_head
    for each statement execute function audit_log_append_only()`.execute(db);
}

/** The chain is evidence: it is never taken down. */
export async function down(): Promise<void> {
  throw new Error('the audit chain migration cannot be reverted');
}
