/** Reading a photo from a multipart request (field `photo`) for the visit and inspection routes. */
import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors.ts';
import { assertCleanText } from '../../input-guard.ts';
import { MAX_PHOTO_BYTES } from '../report/report-photo.service.ts';
import type { UploadedFile } from './attachment.service.ts';

/** The multipart plugin's limits for a route plugin that takes one photo. */
export const PHOTO_UPLOAD_LIMITS = { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 } };

/** The uploaded photo: its name, bytes, and whether it was cut at the size limit; 400 when there is none. */
export async function readUploadedPhoto(request: FastifyRequest): Promise<UploadedFile> {
  const file = await request.file().catch(() => undefined);
  if (!file) throw errors.invalidField('photo', 'required');
  assertCleanText(file.filename, 'photo');
  const bytes = await file.toBuffer().catch(() => Buffer.alloc(MAX_PHOTO_BYTES + 1));
  return { fileName: file.filename, bytes, truncated: file.file.truncated };
}
