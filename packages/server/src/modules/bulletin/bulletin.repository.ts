/** Bulletin templates in the database: list, find, the default, and a versioned update. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BulletinTemplateTable, DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A template row as stored. */
export type BulletinTemplateRow = Selectable<BulletinTemplateTable>;

/** Every template, the default first, then by id. */
export function listTemplates(db: Db): Promise<BulletinTemplateRow[]> {
  return db.selectFrom('bulletin_templates').selectAll().orderBy('is_default', 'desc').orderBy('id').execute();
}

/** The template with this id, or undefined; `forUpdate` locks the row in the caller's transaction. */
export function findTemplate(db: Db, id: number, forUpdate = false): Promise<BulletinTemplateRow | undefined> {
  const query = db.selectFrom('bulletin_templates').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The default template (the migration seeds one), or undefined if an operator removed it. */
export function findDefaultTemplate(db: Db): Promise<BulletinTemplateRow | undefined> {
  return db.selectFrom('bulletin_templates').selectAll().where('is_default', '=', true).executeTakeFirst();
}

/** Replaces name and body when the stored version is `version`; the new row, or undefined when it was not. */
export function updateTemplate(
  db: Db,
  id: number,
  version: number,
  values: { name: string; body: string; updatedBy: number | null },
): Promise<BulletinTemplateRow | undefined> {
  return db
    .updateTable('bulletin_templates')
    .set((eb) => ({
      name: values.name,
      body: values.body,
      updated_by: values.updatedBy,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
