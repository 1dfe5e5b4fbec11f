/**
 * OC4IDS import: a sandbox region for projects that come from open data (990000 is no GB/T 2260 province, so
 * it never meets a real one), and the external identifiers an imported project keeps — its OC4IDS id, unique,
 * so importing the same package again finds the same project, and the other identifiers it was published with.
 * Values are literal here, not imported from core, so this migration means the same thing forever.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the sandbox regions and project_external_ids. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into regions (code, name, level, parent_code) values
      ('990000', '开放数据沙箱', 'province', null),
      ('990100', 'OC4IDS 示例', 'prefecture', '990000')
    on conflict (code) do nothing`.execute(db);

  await sql`
    create table project_external_ids (
      project_id integer not null references projects (id) on delete cascade,
      scheme text not null check (length(scheme) <= 100),
      identifier text not null check (length(identifier) between 1 and 500),
      source text check (length(source) <= 2000),
      details jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (project_id, scheme, identifier)
    )`.execute(db);
  // One project per OC4IDS id: the import matches on it. Other schemes (e.g. a publisher's "internal") may repeat.
  await sql`create unique index project_external_ids_oc4ids on project_external_ids (identifier) where scheme = 'oc4ids'`.execute(
    db,
  );
}

/** Drops project_external_ids and, when nothing uses them, the sandbox regions. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table project_external_ids`.execute(db);
  // Projects or users filed under the sandbox keep it; only an empty sandbox goes.
  await sql`
    delete from regions r where r.code in ('990100', '990000')
      and not exists (select 1 from projects p where p.region_code = r.code)
      and not exists (select 1 from organizations o where o.region_code = r.code)
      and not exists (select 1 from users u where u.region_code = r.code)`.execute(db);
}
