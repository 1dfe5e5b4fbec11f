/**
 * Import jobs kept in the database (issue #14 item 6): a ledger committed as a job was polled from the memory of
 * the instance that ran it, so behind a load balancer the poll could reach another instance and find nothing.
 * One row per job, written by the instance that runs it (progress at most once a second, with a heartbeat) and
 * read by any instance. A running job whose heartbeat stopped (its instance died; the import's one transaction
 * then left nothing behind) is reported as interrupted.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_jobs (
      id uuid primary key,
      owner_id integer not null references users (id) on delete cascade,
      instance text not null,
      status text not null check (status in ('running', 'succeeded', 'failed')),
      phase text not null,
      processed integer not null default 0,
      total integer not null default 0,
      result jsonb,
      error jsonb,
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index import_jobs_finished on import_jobs (finished_at) where finished_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table import_jobs`.execute(db);
}
