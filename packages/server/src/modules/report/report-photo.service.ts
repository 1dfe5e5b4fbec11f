/**
 * Site photos of a report: checked by their bytes (not their name) to be JPEG, PNG or WebP and at most 5 MB,
 * stored in the database (both database forms, no extra volume), served only to those who may see the project;
 * deleted while the report is still open to change.
 */
import type { Kysely } from 'kysely';
import { photosDeletable } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { sharePeriod } from './period.repository.ts';
import { findPhotoOfReport, removePhoto } from './report-history.repository.ts';
import { findReport, findVisiblePhoto, insertPhoto, updateReportIf } from './report.repository.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The image type the bytes actually are, or null. */
export function sniffImageType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** Adds a photo to an existing report of a visible project. */
export async function addPhoto(
  db: Kysely<DB>,
  actor: Actor,
  ref: { projectId: number; year: number; month: number },
  file: { fileName: string; bytes: Buffer; truncated: boolean },
) {
  requirePermission(actor, 'report.write');
  if (file.truncated || file.bytes.length > MAX_PHOTO_BYTES) throw errors.invalidField('photo', 'photo.size');
  const mimeType = sniffImageType(file.bytes);
  if (!mimeType) throw errors.invalidField('photo', 'photo.type');
  return db.transaction().execute(async (trx) => {
    const project = await scopedProjects(trx, actor)
      .where('projects.id', '=', ref.projectId)
      .select(['projects.id', 'projects.region_code'])
      .executeTakeFirst();
    if (!project) throw errors.notFound();
    const report = await findReport(trx, ref.projectId, ref.year, ref.month);
    if (!report) throw errors.notFound();
    const row = await insertPhoto(trx, {
      reportId: report.id,
      fileName: file.fileName.slice(0, 200),
      mimeType,
      data: file.bytes,
      createdBy: actor.id,
    });
    await recordAudit(trx, actor, {
      entityType: 'report',
      entityId: report.id,
      action: 'update',
      regionCode: project.region_code,
      after: { photo: row.fileName, sizeBytes: row.sizeBytes },
    });
    return row;
  });
}

/** A photo's bytes, or 404 when the actor cannot see its project. */
export async function readPhoto(db: Kysely<DB>, actor: Actor, photoId: number) {
  requirePermission(actor, 'report.read');
  const photo = await findVisiblePhoto(db, actor, photoId);
  if (!photo) throw errors.notFound();
  return photo;
}

/**
 * Deletes a photo of a report still open to change (not confirmed, period not locked; core photosDeletable), by
 * whoever may file the report. The report's version moves with it — a conditional write like every report change —
 * so a confirmation racing the deletion either waits and sees the new version or wins and the deletion answers 409.
 */
export async function deletePhoto(
  db: Kysely<DB>,
  actor: Actor,
  ref: { projectId: number; year: number; month: number; photoId: number },
): Promise<void> {
  requirePermission(actor, 'report.write');
  await db.transaction().execute(async (trx) => {
    const project = await scopedProjects(trx, actor)
      .where('projects.id', '=', ref.projectId)
      .select(['projects.region_code'])
      .executeTakeFirst();
    if (!project) throw errors.notFound();
    const [period, report] = await Promise.all([
      sharePeriod(trx, ref.year, ref.month),
      findReport(trx, ref.projectId, ref.year, ref.month),
    ]);
    if (!report) throw errors.notFound();
    const photo = await findPhotoOfReport(trx, report.id, ref.photoId);
    if (!photo) throw errors.notFound();
    if (!photosDeletable(report.state, period?.locked_at != null)) throw errors.conflict('photo.deleteConfirmed');
    if (!(await updateReportIf(trx, report, {}))) throw errors.conflict('report.stateChanged');
    await removePhoto(trx, photo.id);
    await recordAudit(trx, actor, {
      entityType: 'report',
      entityId: report.id,
      action: 'delete',
      regionCode: project.region_code,
      before: { photoId: photo.id, photo: photo.fileName, sizeBytes: photo.sizeBytes },
    });
  });
}
