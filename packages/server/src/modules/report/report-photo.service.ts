/**
 * Site photos of a report: checked by their bytes (not their name) to be JPEG, PNG or WebP and at most 5 MB,
 * stored in the database (both database forms, no extra volume), served only to those who may see the project.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, visibleProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { findReport } from './report.repository.ts';

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
    const row = await trx
      .insertInto('report_photos')
      .values({
        report_id: report.id,
        file_name: file.fileName.slice(0, 200),
        mime_type: mimeType,
        size_bytes: file.bytes.length,
        data: file.bytes,
        created_by: actor.id,
      })
      .returning(['id', 'file_name as fileName', 'mime_type as mimeType', 'size_bytes as sizeBytes'])
      .executeTakeFirstOrThrow();
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
  const photo = await db
    .selectFrom('report_photos as ph')
    .innerJoin('monthly_reports as mr', 'mr.id', 'ph.report_id')
    .innerJoin('projects', 'projects.id', 'mr.project_id')
    .where(visibleProjects(actor))
    .where('ph.id', '=', photoId)
    .select(['ph.data', 'ph.mime_type as mimeType', 'ph.file_name as fileName'])
    .executeTakeFirst();
  if (!photo) throw errors.notFound();
  return photo;
}
