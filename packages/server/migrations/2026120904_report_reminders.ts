/**
 * Reminders to owners that have not filed a period (issue #12, the review desk). One row per owner, period and
 * application day: the primary key makes a reminder idempotent, so a second click (or a racing one) the same day
 * finds the row and sends nothing, and the desk can say how many it skipped.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_reminders (
      owner_org_id integer not null references organizations (id),
      year smallint not null,
      month smallint not null check (month between 1 and 12),
      sent_on date not null,
      sent_by integer references users (id),
      region_code text,
      projects integer not null,
      created_at timestamptz not null default now(),
      primary key (owner_org_id, year, month, sent_on)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_reminders`.execute(db);
}
