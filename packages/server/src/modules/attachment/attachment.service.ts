/**
 * Photos of visits and inspections and the evidence of lifecycle transitions and plan nodes: checked by their bytes
 * to be JPEG, PNG or WebP (the report photos' rule and limit; evidence may also be a PDF), stored with their owner,
 * and served only to someone who may see the owner's project (404 otherwise, as for the project itself).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AttachmentOutput, Permission } from '@keyprojects/core';
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

/** A transition's or plan node's evidence: a photo as above, or a PDF (by its `%PDF-` header) within the same limit. */
export function checkedEvidence(file: UploadedFile): { fileName: string; mimeType: string; data: Buffer } {
  const isPdf = file.bytes.length >= 5 && file.bytes.toString('latin1', 0, 5) === '%PDF-';
  if (file.truncated || file.bytes.length > MAX_PHOTO_BYTES || (!isPdf && !sniffImageType(file.bytes)))
    throw errors.invalidField('photo', 'lifecycle.evidenceType');
  return isPdf
    ? { fileName: file.fileName.slice(0, 200), mimeType: 'application/pdf', data: file.bytes }
    : checkedPhoto(file);
}

/** The owners whose attachments are evidence (image or PDF), audited on their project rather than on themselves. */
const EVIDENCE_OWNERS: ReadonlySet<SiteOwnerKind> = new Set(['transition', 'milestone']);

/**
 * Stores a checked photo (or a transition's or plan node's evidence) for an owner whose project the caller already
 * found in scope, with its audit row, in the caller's transaction. Evidence is audited on its project.
 */
export async function attachPhoto(
  trx: Transaction<DB>,
  actor: Actor,
  owner: { kind: SiteOwnerKind; id: number; regionCode: string; projectId?: number },
  file: UploadedFile,
): Promise<AttachmentOutput> {
  const evidence = EVIDENCE_OWNERS.has(owner.kind);
  const photo = evidence ? checkedEvidence(file) : checkedPhoto(file);
  const stored = await insertAttachment(trx, {
    ownerKind: owner.kind,
    ownerId: owner.id,
    ...photo,
    createdBy: actor.id,
  });
  await recordAudit(trx, actor, {
    entityType: owner.kind === 'visit' || owner.kind === 'inspection' ? owner.kind : 'project',
    entityId: evidence ? (owner.projectId ?? owner.id) : owner.id,
    action: 'update',
    regionCode: owner.regionCode,
    after: evidence
      ? { [owner.kind]: owner.id, evidence: stored.fileName, sizeBytes: stored.sizeBytes }
      : { photo: stored.fileName, sizeBytes: stored.sizeBytes },
  });
  return stored;
}

const READ_PERMISSION = {
  visit: 'visit.read',
  inspection: 'inspection.read',
  transition: 'lifecycle.read',
  milestone: 'plan.read',
} as const satisfies Record<SiteOwnerKind, Permission>;

/**
 * A visit's or inspection's photo or a transition's or plan node's evidence with its bytes; 404 unless the actor may
 * see its project (a plan node's evidence needs plan.read).
 */
export async function readSiteAttachment(db: Kysely<DB>, actor: Actor, id: number) {
  const attachment = await findSiteAttachment(db, id);
  if (!attachment) throw errors.notFound();
  requirePermission(actor, READ_PERMISSION[attachment.ownerKind]);
  const visible = await scopedProjects(db, actor)
    .where('projects.id', '=', attachment.projectId)
    .select('projects.id')
    .executeTakeFirst();
  if (!visible) throw errors.notFound();
  return attachment;
}
