/**
 * Bulletin templates (通报模板): the text a bulletin is written from, with named placeholders, editable by the
 * city administrator under an optimistic version. Exactly one template is the default. Seeded with the default
 * template of core's bulletin.template.ts as it stood when this migration landed — a literal here, so this
 * migration means the same thing forever (a test keeps the two in step until the default changes).
 */
import { sql, type Kysely } from 'kysely';

const DEFAULT_NAME = '重点项目建设情况通报（默认）';

const DEFAULT_BODY = [
  '截至{{截至日期}}，{{范围}}已落实投资500万元以上重点项目{{项目个数}}个，其中新建{{新建个数}}个、续建{{续建个数}}个，' +
    '总投资{{总投资}}，年度计划投资{{年度计划投资}}。这{{项目个数}}个重点项目，已开复工{{开复工个数}}个，' +
    '其中新建{{新建开工个数}}个、续建{{续建复工个数}}个，开复工率{{开复工率}}，完成投资{{完成投资}}、投资完成率{{投资完成率}}。',
  '与去年同期相比，全口径项目总数{{项目个数同比}}，项目总投资同比{{总投资同比}}，开复工个数同比{{开复工个数同比}}；' +
    '产业项目同比{{产业项目个数同比}}，总投资同比{{产业项目总投资同比}}，开复工个数同比{{产业项目开复工个数同比}}。',
  '今年以来，{{范围}}{{竣工投产情况}}；{{预计竣工情况}}。',
  '今年新开工的重点项目中，{{新开工重点项目}}等一批投资规模大、带动效应强的项目正加快建设。',
  '{{预警问题摘要}}',
].join('\n');

/** Creates bulletin_templates with the default template. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table bulletin_templates (
      id serial primary key,
      name text not null check (length(name) between 1 and 100),
      body text not null check (length(body) between 1 and 20000),
      is_default boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by integer references users (id)
    )`.execute(db);
  await sql`create unique index bulletin_templates_one_default on bulletin_templates (is_default) where is_default`.execute(
    db,
  );
  await sql`insert into bulletin_templates (name, body, is_default) values (${DEFAULT_NAME}, ${DEFAULT_BODY}, true)`.execute(
    db,
  );
}

/** Drops bulletin_templates. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table bulletin_templates`.execute(db);
}
