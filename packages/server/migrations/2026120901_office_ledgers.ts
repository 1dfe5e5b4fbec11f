/**
 * Office ledgers imported as they are (issue #12): a project's responsible unit (责任单位, the department that
 * drives it, as office ledgers list it), and where a monthly report's figures came from: 'import' with the id of
 * the ledger import that recorded them (a year-to-date column of an office ledger), or null for a filed report.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table projects add column responsible_unit text`.execute(db);
  await sql`
    alter table monthly_reports
      add column source text constraint monthly_reports_source check (source in ('import')),
      add column import_id uuid,
      add constraint monthly_reports_import_source check ((source is null) = (import_id is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table monthly_reports drop column source, drop column import_id`.execute(db);
  await sql`alter table projects drop column responsible_unit`.execute(db);
}
