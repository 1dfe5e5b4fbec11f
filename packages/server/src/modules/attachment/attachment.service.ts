/**
 * Photos of visits and inspections: checked by their bytes to be JPEG, PNG or WebP (the report photos' rule and
 * limit), stored with their owner, and served only to someone who may see the owner's project (404 otherwise, as
 * for the project itself).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AttachmentOutput } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { MAX_PHOTO_BYTES, sniffImageType } from '../report/report-photo.service.ts';
import { findSiteAttachment, insertAttachment, type SiteOwnerKind } from './attachment.repository.ts';

/** An uploaded file as the routes read it. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
}

/** Checks the file is an image within the size limit; 400 naming `photo` otherwise. */
export function checkedPhoto(file: UploadedFile): { fileName: string; mimeType: string; data: Buffer } {
  if (file.truncated || file.bytes.length > MAX_PHOTO_BYTES) throw errors.invalidField('photo', 'photo.size');
  const mimeType = sniffImageType(file.bytes);
  if (!mimeType) throw errors.invalidField('photo', 'photo.type');
  return { fileName: file.fileName.slice(0, 200), mimeType, data: file.bytes };
}

/**
 * Stores a checked photo for an owner whose project the caller already found in scope, with its audit row, in the
 * caller's transaction.
 */
export async function attachPhoto(
  trx: Transaction<DB>,
  actor: Actor,
  owner: { kind: SiteOwnerKind; id: number; regionCode: string },
  file: UploadedFile,
): Promise<AttachmentOutput> {
  const photo = checkedPhoto(file);
  const stored = await insertAttachment(trx, {
    ownerKind: owner.kind,
    ownerId: owner.id,
    ...photo,
    createdBy: actor.id,
  });
  await recordAudit(trx, actor, {
    entityType: owner.kind,
    entityId: owner.id,
    action: 'update',
    regionCode: owner.regionCode,
    after: { photo: stored.fileName, sizeBytes: stored.sizeBytes },
  });
  return stored;
}

/** A visit's or inspection's photo with its bytes; 404 unless the actor may see its project. */
export async function readSiteAttachment(db: Kysely<DB>, actor: Actor, id: number) {
  const attachment = await findSiteAttachment(db, id);
  if (!attachment) throw errors.notFound();
  requirePermission(actor, attachment.ownerKind === 'visit' ? 'visit.read' : 'inspection.read');
  const visible = await scopedProjects(db, actor)
    .where('projects.id', '=', attachment.projectId)
    .select('projects.id')
    .executeTakeFirst();
  if (!visible) throw errors.notFound();
  return attachment;
}
