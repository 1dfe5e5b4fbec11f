/** Kysely access for a project's report history and for deleting a report's photo. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A project's filed reports of a year, by month, with whether their period is locked. */
export async function reportsOfYear(db: Db, projectId: number, year: number) {
  return db
    .selectFrom('monthly_reports as mr')
    .leftJoin('reporting_periods as rp', (join) =>
      join.onRef('rp.year', '=', 'mr.year').onRef('rp.month', '=', 'mr.month'),
    )
    .selectAll('mr')
    .select('rp.locked_at')
    .where('mr.project_id', '=', projectId)
    .where('mr.year', '=', year)
    .orderBy('mr.month')
    .execute();
}

/** The photos (without their bytes) of the given reports, in upload order. */
export async function photosOfReports(db: Db, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_photos')
    .select([
      'id',
      'report_id as reportId',
      'file_name as fileName',
      'mime_type as mimeType',
      'size_bytes as sizeBytes',
    ])
    .where('report_id', 'in', reportIds)
    .orderBy('id')
    .execute();
}

/** The corrections of the given reports, oldest first, with who made them. */
export async function correctionsOfReports(db: Db, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_corrections as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.report_id as reportId', 'c.at', 'u.display_name as userName', 'c.reason', 'c.before', 'c.after'])
    .where('c.report_id', 'in', reportIds)
    .orderBy('c.id')
    .execute();
}

/** A photo of the given report (without its bytes), or undefined. */
export async function findPhotoOfReport(db: Db, reportId: number, photoId: number) {
  return db
    .selectFrom('report_photos')
    .select(['id', 'file_name as fileName', 'size_bytes as sizeBytes'])
    .where('report_id', '=', reportId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** Deletes a photo (its report's change and audit row are the caller's). */
export async function removePhoto(trx: Transaction<DB>, photoId: number): Promise<void> {
  await trx.deleteFrom('report_photos').where('id', '=', photoId).execute();
}
