/**
 * The default templates of the daily notice and the weekly dispatch report, stored once with the schema (as the
 * bulletin's default is), so that reading a notice or its templates never writes: a GET changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import { DEFAULT_NOTICE_TEMPLATE_NAMES, DEFAULT_NOTICE_TEMPLATES, NOTICE_KINDS } from '@keyprojects/core';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const kind of NOTICE_KINDS) {
    await sql`
      insert into notice_templates (kind, name, body, is_default)
      values (${kind}, ${DEFAULT_NOTICE_TEMPLATE_NAMES[kind]}, ${DEFAULT_NOTICE_TEMPLATES[kind]}, true)
      on conflict (kind) where is_default do nothing`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notice_templates where is_default and version = 1`.execute(db);
}
