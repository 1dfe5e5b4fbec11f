/** Test uploads: a multipart/form-data body carrying one file, for app.inject (ledgers, report photos, hostile names). */
import { randomBytes } from 'node:crypto';

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
