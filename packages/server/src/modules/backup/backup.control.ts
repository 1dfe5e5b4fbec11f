/**
 * A backup while the server runs on embedded PGlite. PGlite is one process: the running server holds the data
 * directory (db/lock.ts), so `npm run cli -- backup` cannot open it and asks the server instead. On start the
 * server writes keyprojects.control beside the lock — its pid, port and a random token — readable only by its
 * own user (mode 0600, like the data files themselves); the CLI sends the token to GET /internal/backup over the
 * loopback interface and the server streams the backup from one snapshot. Requests from another address or
 * with another token answer 404, as if the route did not exist.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { errors } from '../../errors.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import { writeBackup, type TableDigest } from '../../db/backup.ts';
import type { DB } from '../../db/schema.ts';

const CONTROL_FILE = 'keyprojects.control';
const TOKEN_HEADER = 'x-keyprojects-control';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

interface Control {
  pid: number;
  port: number;
  token: string;
}

/** Audits a backup (a copy of every record is the largest export there is) and streams it to `out`. */
export async function auditedBackup(db: Kysely<DB>, out: Writable, source: string): Promise<TableDigest[]> {
  await recordTransfer(db, null, { action: 'export', what: 'backup', details: { source } });
  return writeBackup(db, out, source);
}

/** Adds GET /internal/backup (hidden from the API document) for the CLI; returns the token it accepts. */
export function registerBackupControl(app: FastifyInstance, db: Kysely<DB>): string {
  const token = randomBytes(32).toString('hex');
  const expected = Buffer.from(token);
  app.get('/internal/backup', { schema: { hide: true } }, async (request, reply) => {
    const given = Buffer.from(String(request.headers[TOKEN_HEADER] ?? ''));
    const fromLoopback = LOOPBACK.has(request.socket.remoteAddress ?? '');
    if (!fromLoopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw errors.notFound();
    }
    const out = new PassThrough();
    auditedBackup(db, out, 'pglite').catch((error: unknown) => {
      request.log.error({ err: error }, 'backup failed while streaming');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return reply.header('content-type', 'application/gzip').send(out);
  });
  return token;
}

/** Writes the control file (mode 0600) once the server listens; returns the function that removes it. */
export function writeControlFile(dataDir: string, port: number, token: string): () => void {
  const file = path.join(dataDir, CONTROL_FILE);
  const control: Control = { pid: process.pid, port, token };
  writeFileSync(file, JSON.stringify(control), { mode: 0o600 });
  chmodSync(file, 0o600);
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  return remove;
}

/** Asks the server that holds `dataDir` for a backup and writes it to `file` (mode 0600). */
export async function backupThroughServer(dataDir: string, file: string): Promise<void> {
  let control: Control;
  try {
    control = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as Control;
  } catch {
    throw new Error(
      `${dataDir} is held by a running server that offers no backup control file; stop it, or back up with that version`,
    );
  }
  const response = await fetch(`http://127.0.0.1:${String(control.port)}/internal/backup`, {
    headers: { [TOKEN_HEADER]: control.token },
  });
  if (!response.ok || !response.body) {
    throw new Error(
      `the running server (pid ${String(control.pid)}) refused the backup: HTTP ${String(response.status)}`,
    );
  }
  await pipeline(Readable.fromWeb(response.body), createWriteStream(file, { mode: 0o600 }));
}
