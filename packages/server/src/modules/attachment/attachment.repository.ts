/**
 * Kysely access to the photos of visits and inspections and the evidence of lifecycle transitions and milestone plan
 * nodes (`attachments`): storing one, listing those of
 * several owners at once (for lists), and finding one with the project its owner belongs to, so that the service
 * can check the project against the reader's scope before serving the bytes.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AttachmentOutput } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The owners this module serves; a problem's attachments are the problem module's. */
export type SiteOwnerKind = 'visit' | 'inspection' | 'transition' | 'milestone';

export async function insertAttachment(
  db: Db,
  values: {
    ownerKind: SiteOwnerKind;
    ownerId: number;
    fileName: string;
    mimeType: string;
    data: Buffer;
    createdBy: number;
  },
): Promise<AttachmentOutput> {
  const row = await db
    .insertInto('attachments')
    .values({
      owner_kind: values.ownerKind,
      owner_id: values.ownerId,
      file_name: values.fileName,
      mime_type: values.mimeType,
      size_bytes: values.data.length,
      data: values.data,
      created_by: values.createdBy,
    })
    .returning(['id', 'file_name as fileName', 'mime_type as mimeType', 'size_bytes as sizeBytes'])
    .executeTakeFirstOrThrow();
  return row;
}

/** The attachments (without their bytes) of the given owners, by owner id, oldest first. */
export async function attachmentsOf(
  db: Db,
  ownerKind: SiteOwnerKind,
  ownerIds: readonly number[],
): Promise<Map<number, AttachmentOutput[]>> {
  const byOwner = new Map<number, AttachmentOutput[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'file_name as fileName', 'mime_type as mimeType', 'size_bytes as sizeBytes'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', [...ownerIds])
    .orderBy('id')
    .execute();
  for (const { owner_id: ownerId, ...attachment } of rows) {
    const list = byOwner.get(ownerId) ?? [];
    list.push(attachment);
    byOwner.set(ownerId, list);
  }
  return byOwner;
}

/**
 * One visit's, inspection's, transition's or plan node's attachment with its bytes and the id of the project its owner
 * is about (a node's project through its plan version, whichever version the node belongs to).
 */
export async function findSiteAttachment(
  db: Db,
  id: number,
): Promise<
  { ownerKind: SiteOwnerKind; fileName: string; mimeType: string; data: Buffer; projectId: number } | undefined
> {
  return db
    .selectFrom('attachments as a')
    .leftJoin('service_visits as v', (join) => join.onRef('v.id', '=', 'a.owner_id').on('a.owner_kind', '=', 'visit'))
    .leftJoin('inspections as i', (join) => join.onRef('i.id', '=', 'a.owner_id').on('a.owner_kind', '=', 'inspection'))
    .leftJoin('lifecycle_transitions as lt', (join) =>
      join.onRef('lt.id', '=', 'a.owner_id').on('a.owner_kind', '=', 'transition'),
    )
    .leftJoin('milestone_nodes as mn', (join) =>
      join.onRef('mn.id', '=', 'a.owner_id').on('a.owner_kind', '=', 'milestone'),
    )
    .leftJoin('milestone_plans as mp', 'mp.id', 'mn.plan_id')
    .select((eb) => [
      eb.ref('a.owner_kind').$castTo<SiteOwnerKind>().as('ownerKind'),
      'a.file_name as fileName',
      'a.mime_type as mimeType',
      'a.data',
      eb.fn.coalesce('v.project_id', 'i.project_id', 'lt.project_id', 'mp.project_id').$notNull().as('projectId'),
    ])
    .where('a.id', '=', id)
    .where('a.owner_kind', 'in', ['visit', 'inspection', 'transition', 'milestone'])
    .executeTakeFirst();
}
