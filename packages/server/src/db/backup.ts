/**
 * Logical backup and restore, the same for both database forms: a gzip of NDJSON lines. A header line, then
 * per table a `#{"table":…}` line and one line per row — the row as PostgreSQL's own `to_jsonb(row)::text`, so
 * no value passes through a JavaScript number or Date — and a manifest line with each table's row count and
 * the SHA-256 of its row lines. The dump runs in one REPEATABLE READ, read-only transaction (one snapshot, so
 * consistent while the server writes); the restore runs in one transaction into an empty database at the same
 * migration, disables the tables' own triggers (the audit chain is restored as it was, not recomputed), sets
 * every sequence after its column's maximum, and checks every table's count and checksum before it commits.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** The format named in every backup's header; a restore refuses any other. */
export const BACKUP_FORMAT = 'keyprojects-backup/1';
/** Kysely's bookkeeping: recreated by the migrations of the restoring build, never copied. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
const BATCH = 1000;

/** One table in a backup's manifest (also what a live database is compared by). */
export interface TableDigest {
  table: string;
  rows: number;
  sha256: string;
}

/** The first line of a backup. */
export interface BackupHeader {
  format: string;
  migration: string;
  createdAt: string;
  source: string;
}

type Db = Kysely<DB> | Transaction<DB>;
const ident = (name: string) => sql.id(name);

/** The data tables, parents before children (by foreign key), then by name. */
async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.has(name));
  const edges = (
    await sql<{ child: string; parent: string }>`
      select ch.relname as child, pa.relname as parent from pg_constraint k
      join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
      join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and ch.relname <> pa.relname`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...pending].join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}

/** The columns a row is written with (generated columns are recomputed by the database). */
async function insertableColumns(db: Db, table: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = '' order by a.attnum`.execute(db);
  return result.rows.map((r) => r.name);
}

/** The primary key's columns (rows are dumped in its order, so a dump of the same data is the same bytes). */
async function orderColumns(db: Db, table: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select a.attname as name from pg_index i join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = current_schema() and c.relname = ${table} and i.indisprimary order by k.ord`.execute(db);
  return result.rows.map((r) => r.name);
}

/** The newest migration applied: a backup restores only into a build at the same one. */
export async function latestMigration(db: Db): Promise<string> {
  const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return row.rows[0]?.name ?? '';
}

/** Calls `onRow` with each row's line, table by table in dependency order; returns each table's digest. */
async function walkTables(
  trx: Transaction<DB>,
  onTable: (table: string) => Promise<void>,
  onRow: (line: string) => Promise<void>,
): Promise<TableDigest[]> {
  // One time zone for timestamps, so the text (and checksum) of a row does not depend on the session.
  await sql`set local timezone = 'UTC'`.execute(trx);
  const digests: TableDigest[] = [];
  for (const table of await tablesInOrder(trx)) {
    await onTable(table);
    const keys = await orderColumns(trx, table);
    const order = keys.length > 0 ? sql.join(keys.map((k) => sql`t.${ident(k)}`)) : sql`to_jsonb(t)::text`;
    await sql`declare kp_backup no scroll cursor for
      select to_jsonb(t)::text as line from ${ident(table)} t order by ${order}`.execute(trx);
    const hash = createHash('sha256');
    let rows = 0;
    for (;;) {
      const batch = (await sql<{ line: string }>`fetch ${sql.raw(String(BATCH))} from kp_backup`.execute(trx)).rows;
      for (const { line } of batch) {
        hash.update(`${line}\n`);
        rows += 1;
        await onRow(line);
      }
      if (batch.length < BATCH) break;
    }
    await sql`close kp_backup`.execute(trx);
    digests.push({ table, rows, sha256: hash.digest('hex') });
  }
  return digests;
}

/** Runs `work` in one read-only REPEATABLE READ transaction: every table read from the same snapshot. */
function inSnapshot<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      return work(trx);
    });
}

/** Every table's row count and checksum, computed as a backup would (to compare two databases). */
export function tableDigests(db: Kysely<DB>): Promise<TableDigest[]> {
  return inSnapshot(db, (trx) =>
    walkTables(
      trx,
      () => Promise.resolve(),
      () => Promise.resolve(),
    ),
  );
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Writes a gzip backup of the database to `out` (which it ends); resolves to the manifest. */
export async function writeBackup(db: Kysely<DB>, out: Writable, source: string): Promise<TableDigest[]> {
  const gzip = createGzip();
  gzip.pipe(out);
  const done = finished(out);
  try {
    const digests = await inSnapshot(db, async (trx) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        migration: await latestMigration(trx),
        createdAt: new Date().toISOString(),
        source,
      };
      await writeLine(gzip, `#${JSON.stringify(header)}`);
      return walkTables(
        trx,
        (table) => writeLine(gzip, `#${JSON.stringify({ table })}`),
        (line) => writeLine(gzip, line),
      );
    });
    await writeLine(gzip, `#${JSON.stringify({ manifest: digests })}`);
    gzip.end();
    await done;
    return digests;
  } catch (error) {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** Writes a backup file. */
export async function backupToFile(db: Kysely<DB>, file: string, source: string): Promise<TableDigest[]> {
  return writeBackup(db, createWriteStream(file, { mode: 0o600 }), source);
}

/** Why a restore was refused (a clear message, nothing written). */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** Reads a backup's lines in order. */
async function* backupLines(input: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') yield line;
}

/** Refuses a database that holds anything beyond what the migrations put there (accounts, projects, audit). */
async function requireEmpty(trx: Transaction<DB>): Promise<void> {
  const counts = await sql<{ users: string; projects: string; audit: string }>`
    select (select count(*) from users) as users, (select count(*) from projects) as projects,
      (select count(*) from audit_log) as audit`.execute(trx);
  const row = counts.rows[0];
  if (row && (Number(row.users) > 0 || Number(row.projects) > 0 || Number(row.audit) > 0)) {
    throw new RestoreError(
      `the target database is not empty (${row.users} accounts, ${row.projects} projects, ${row.audit} audit rows): ` +
        'restore only into an empty data directory or an empty database',
    );
  }
}

/** Inserts a batch of row lines into a table, as the database reads them back from JSON. */
async function insertRows(trx: Transaction<DB>, table: string, columns: string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const list = sql.join(columns.map((c) => ident(c)));
  await sql`insert into ${ident(table)} (${list}) overriding system value
    select ${list} from jsonb_populate_recordset(null::${ident(table)}, ${`[${lines.join(',')}]`}::jsonb)`.execute(trx);
}

/** Sets each sequence owned by a column after that column's largest value. */
async function resetSequences(trx: Transaction<DB>, tables: string[]): Promise<void> {
  for (const table of tables) {
    const owned = await sql<{ column: string; sequence: string }>`
      select a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(trx);
    for (const { column, sequence } of owned.rows) {
      await sql`select setval(${sequence}::regclass,
        coalesce((select max(${ident(column)}) from ${ident(table)}), 0) + 1, false)`.execute(trx);
    }
  }
}

/**
 * Restores a backup into an empty database already migrated to the backup's migration; all or nothing.
 * Resolves to the manifest, which the restored tables were checked against.
 */
export async function restoreBackup(db: Kysely<DB>, input: Readable): Promise<TableDigest[]> {
  const lines = backupLines(input)[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? null : (JSON.parse(first.value.slice(1)) as Partial<BackupHeader>);
  if (!header || header.format !== BACKUP_FORMAT) throw new RestoreError(`not a ${BACKUP_FORMAT} file`);
  return db.transaction().execute(async (trx) => {
    const migration = await latestMigration(trx);
    if (header.migration !== migration) {
      throw new RestoreError(
        `the backup was made at migration ${header.migration ?? '?'}, this build is at ${migration}: ` +
          'restore it with the matching version of KeyProjects, then upgrade',
      );
    }
    await requireEmpty(trx);
    const tables = await tablesInOrder(trx);
    // The tables' own triggers stay off while rows are loaded: the audit chain keeps its stored hashes.
    for (const table of tables) await sql`alter table ${ident(table)} disable trigger user`.execute(trx);
    // Reference rows the migrations seeded are replaced by the backup's.
    for (const table of [...tables].reverse()) await sql`delete from ${ident(table)}`.execute(trx);

    const seen: TableDigest[] = [];
    let manifest: TableDigest[] | null = null;
    let current: { table: string; columns: string[]; hash: ReturnType<typeof createHash>; rows: number } | null = null;
    let pending: string[] = [];
    const flush = async () => {
      if (current) await insertRows(trx, current.table, current.columns, pending);
      pending = [];
    };
    const close = async () => {
      await flush();
      if (current) seen.push({ table: current.table, rows: current.rows, sha256: current.hash.digest('hex') });
      current = null;
    };
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (line.startsWith('#')) {
        const control = JSON.parse(line.slice(1)) as { table?: string; manifest?: TableDigest[] };
        await close();
        if (control.manifest) manifest = control.manifest;
        else if (control.table) {
          if (!tables.includes(control.table)) throw new RestoreError(`unknown table ${control.table}`);
          current = {
            table: control.table,
            columns: await insertableColumns(trx, control.table),
            hash: createHash('sha256'),
            rows: 0,
          };
        }
        continue;
      }
      if (!current) throw new RestoreError('a row before any table');
      current.hash.update(`${line}\n`);
      current.rows += 1;
      pending.push(line);
      if (pending.length >= BATCH) await flush();
    }
    await close();
    if (!manifest) throw new RestoreError('the backup is truncated: it has no manifest');
    const expected = JSON.stringify(manifest);
    if (JSON.stringify(seen) !== expected) throw new RestoreError('the backup does not match its own manifest');

    for (const table of tables) await sql`alter table ${ident(table)} enable trigger user`.execute(trx);
    await resetSequences(trx, tables);
    // The restored rows read back exactly as they were dumped, or nothing is kept.
    const restored = await walkTables(
      trx,
      () => Promise.resolve(),
      () => Promise.resolve(),
    );
    const missing = manifest.filter((m) => !restored.some((r) => r.table === m.table));
    const differs = restored.filter((r) => {
      const m = manifest.find((x) => x.table === r.table);
      return m ? m.rows !== r.rows || m.sha256 !== r.sha256 : r.rows > 0;
    });
    if (missing.length > 0 || differs.length > 0) {
      throw new RestoreError(
        `restored tables differ from the backup: ${[...missing, ...differs].map((t) => t.table).join(', ')}`,
      );
    }
    return manifest;
  });
}

/** A backup file's header and manifest, read through to the end (a truncated file has no manifest and throws). */
export async function readBackupSummary(file: string): Promise<{ header: BackupHeader; manifest: TableDigest[] }> {
  let header: BackupHeader | null = null;
  let manifest: TableDigest[] | null = null;
  for await (const line of backupLines(createReadStream(file))) {
    if (!line.startsWith('#')) continue;
    const control = JSON.parse(line.slice(1)) as Partial<BackupHeader> & { manifest?: TableDigest[] };
    if (control.format) header = control as BackupHeader;
    if (control.manifest) manifest = control.manifest;
  }
  if (header?.format !== BACKUP_FORMAT || !manifest) throw new RestoreError(`${file} is not a complete backup`);
  return { header, manifest };
}

/** Restores a backup file (see restoreBackup). */
export function restoreFromFile(db: Kysely<DB>, file: string): Promise<TableDigest[]> {
  return restoreBackup(db, createReadStream(file));
}
