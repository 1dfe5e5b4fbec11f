/**
 * Kysely access to the lifecycle templates: the list with how many projects run on each version, one version, its
 * row locked for an edit, a new version or template, an in-place edit guarded by the row's edit counter, and the
 * default flag (one row holds it: the version new projects get, by the projects_lifecycle_defaults trigger).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A template version as stored, with its use. */
export interface TemplateRow {
  id: number;
  code: string;
  version: number;
  rowVersion: number;
  nameZh: string;
  nameEn: string;
  definition: unknown;
  isDefault: boolean;
  retired: boolean;
  superseded: boolean;
  inUse: number;
}

function templateQuery(db: Db) {
  return db.selectFrom('lifecycle_templates as t').select((eb) => [
    't.id',
    't.code',
    't.version',
    't.row_version as rowVersion',
    't.name_zh as nameZh',
    't.name_en as nameEn',
    't.definition',
    't.is_default as isDefault',
    't.retired',
    eb
      .exists(
        eb
          .selectFrom('lifecycle_templates as newer')
          .whereRef('newer.code', '=', 't.code')
          .whereRef('newer.version', '>', 't.version')
          .select('newer.id'),
      )
      .as('superseded'),
    // A version is in use once a project has a transition under it (every project gets one on creation).
    eb
      .selectFrom('lifecycle_transitions as lt')
      .whereRef('lt.template_id', '=', 't.id')
      .select((sub) => sub.fn.count<string>('lt.project_id').distinct().as('n'))
      .as('inUse'),
  ]);
}

const toRow = (
  row: Omit<TemplateRow, 'inUse' | 'superseded'> & { superseded: boolean | number; inUse: string | number | null },
): TemplateRow => ({
  ...row,
  superseded: Boolean(row.superseded),
  inUse: Number(row.inUse ?? 0),
});

/** Every version that is the latest of its code or still has projects on it, by code then version. */
export async function listTemplates(db: Db): Promise<TemplateRow[]> {
  const rows = await templateQuery(db).orderBy('t.code').orderBy('t.version').execute();
  return rows.map(toRow).filter((row) => !row.superseded || row.inUse > 0);
}

/** One version, or undefined. */
export async function findTemplate(db: Db, id: number): Promise<TemplateRow | undefined> {
  const row = await templateQuery(db).where('t.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Locks a version for an edit (two edits of one template are decided one after the other). */
export async function lockTemplate(trx: Transaction<DB>, id: number): Promise<{ id: number } | undefined> {
  return trx.selectFrom('lifecycle_templates').where('id', '=', id).select('id').forUpdate().executeTakeFirst();
}

/** The highest version of a code (0 when the code is free). */
export async function latestVersion(db: Db, code: string): Promise<number> {
  const row = await db
    .selectFrom('lifecycle_templates')
    .where('code', '=', code)
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return row?.v ?? 0;
}

export interface TemplateValues {
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  definition: unknown;
  retired: boolean;
  createdBy: number;
}

/** Inserts a template version (not default: setDefaultTemplate moves the flag); its id. */
export async function insertTemplate(trx: Transaction<DB>, values: TemplateValues): Promise<number> {
  const row = await trx
    .insertInto('lifecycle_templates')
    .values({
      code: values.code,
      version: values.version,
      name_zh: values.nameZh,
      name_en: values.nameEn,
      definition: JSON.stringify(values.definition),
      retired: values.retired,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a version no project uses, if still at `rowVersion`; false when another save came first. */
export async function updateTemplateInPlace(
  trx: Transaction<DB>,
  id: number,
  rowVersion: number,
  values: Pick<TemplateValues, 'nameZh' | 'nameEn' | 'definition' | 'retired'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('lifecycle_templates')
    .set((eb) => ({
      name_zh: values.nameZh,
      name_en: values.nameEn,
      definition: JSON.stringify(values.definition),
      retired: values.retired,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Bumps a version's edit counter if still at `rowVersion` (an edit that made the next version); false when stale. */
export async function touchTemplate(trx: Transaction<DB>, id: number, rowVersion: number): Promise<boolean> {
  const result = await trx
    .updateTable('lifecycle_templates')
    .set((eb) => ({ row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Makes this version the default (the one new projects get); the flag leaves the previous holder first. */
export async function setDefaultTemplate(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.updateTable('lifecycle_templates').set({ is_default: false }).where('is_default', '=', true).execute();
  await trx.updateTable('lifecycle_templates').set({ is_default: true }).where('id', '=', id).execute();
}
