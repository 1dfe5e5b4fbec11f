/**
 * Lifecycle templates get an edit counter (row_version) for If-Match: a version no project uses is edited in place,
 * and two administrators saving it at once must not overwrite each other unseen (the template's `version` names
 * the version projects run on and does not change on an in-place edit).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table lifecycle_templates add column row_version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table lifecycle_templates drop column row_version`.execute(db);
}
