/**
 * The trigram indexes move from the bare columns to lower(column) (issue #14 item 4).
 *
 * pg_trgm's GIN operator class also answers `=`, and the planner prices it cheap: an exact lookup such as the
 * ledger's "which of these 3,000 codes are taken" (`code = any($1)`) was planned on `projects_code_trgm` instead of
 * the unique btree whenever the table's statistics were thin (a fresh database, a table that had just grown inside
 * an import), and every project code shares the trigrams of '2101-…', so one lookup of 3,000 codes took 8 s on the
 * demo's 631 projects and 24–41 s in the import bench. On lower(column) the trigram indexes serve only the
 * searches written against lower(column) (db/like.ts containsText), and exact lookups of the column keep the btree.
 */
import { sql, type Kysely } from 'kysely';

const INDEXES = [
  { name: 'projects_name_trgm', table: 'projects', column: 'name' },
  { name: 'projects_code_trgm', table: 'projects', column: 'code' },
  { name: 'organizations_name_trgm', table: 'organizations', column: 'name' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await sql`drop index ${sql.ref(index.name)}`.execute(db);
    await sql`create index ${sql.ref(index.name)} on ${sql.table(index.table)} using gin (lower(${sql.ref(index.column)}) gin_trgm_ops)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await sql`drop index ${sql.ref(index.name)}`.execute(db);
    await sql`create index ${sql.ref(index.name)} on ${sql.table(index.table)} using gin (${sql.ref(index.column)} gin_trgm_ops)`.execute(
      db,
    );
  }
}
