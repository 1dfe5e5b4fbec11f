/**
 * Kysely access to the files attached to problems (attachments with owner_kind 'problem'): listed without their
 * bytes, stored, and read back for download (the service checks first that the actor sees the problem).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The files attached to a problem (without their bytes). */
export async function problemAttachments(db: Db, problemId: number) {
  return db
    .selectFrom('attachments')
    .select([
      'id',
      'file_name as fileName',
      'mime_type as mimeType',
      'size_bytes as sizeBytes',
      'created_at as createdAt',
    ])
    .where('owner_kind', '=', 'problem')
    .where('owner_id', '=', problemId)
    .orderBy('id')
    .execute();
}

/** Stores a file attached to a problem. */
export async function insertAttachment(
  trx: Transaction<DB>,
  row: { problemId: number; fileName: string; mimeType: string; data: Buffer; createdBy: number },
) {
  return trx
    .insertInto('attachments')
    .values({
      owner_kind: 'problem',
      owner_id: row.problemId,
      file_name: row.fileName,
      mime_type: row.mimeType,
      size_bytes: row.data.length,
      data: row.data,
      created_by: row.createdBy,
    })
    .returning([
      'id',
      'file_name as fileName',
      'mime_type as mimeType',
      'size_bytes as sizeBytes',
      'created_at as createdAt',
    ])
    .executeTakeFirstOrThrow();
}

/** A file attached to a problem, with its bytes. */
export async function findAttachment(db: Db, problemId: number, attachmentId: number) {
  return db
    .selectFrom('attachments')
    .select(['file_name as fileName', 'mime_type as mimeType', 'data'])
    .where('owner_kind', '=', 'problem')
    .where('owner_id', '=', problemId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
