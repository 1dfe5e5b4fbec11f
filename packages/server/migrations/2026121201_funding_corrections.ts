/**
 * Funding totals never drift from their history (issue #13): every write of a project's totals (the project form,
 * a ledger import, a lead converted to a project) records the difference from the events as dated events, so a
 * total lowered by a correction is a negative event. The amount may therefore be below zero, never zero.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table funding_events drop constraint funding_events_amount_check`.execute(db);
  await sql`alter table funding_events add constraint funding_events_amount_check check (amount <> 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from funding_events where amount < 0`.execute(db);
  await sql`alter table funding_events drop constraint funding_events_amount_check`.execute(db);
  await sql`alter table funding_events add constraint funding_events_amount_check check (amount > 0)`.execute(db);
}
