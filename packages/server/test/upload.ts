/**
 * Test uploads: a multipart/form-data body carrying one file, for app.inject (ledgers, report photos, hostile names),
 * and the project count a refused upload must leave unchanged.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The payload and content-type header of a form with one file part (by default an xlsx in the field `file`). */
export function multipart(
  file: Buffer,
  fileName = 'ledger.xlsx',
  part: { field?: string; contentType?: string } = {},
): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = `----kp${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${fileName}"\r\n` +
      `Content-Type: ${part.contentType ?? XLSX_TYPE}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** How many projects exist (deleted ones too): a refused upload must leave it as it was. */
export async function projectCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
