/**
 * One PostgreSQL dialect in two forms: PGlite embedded in the process (persisted in a directory, or in
 * memory for tests) or a PostgreSQL server reached through DATABASE_URL. Both sit behind one pg.Pool
 * and one Kysely instance, so migrations and queries are the same.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, PostgresDialect, type DatabaseConnection } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import type { DB } from './schema.ts';

export const TIME_ZONE = 'Asia/Shanghai';

/**
 * The embedded engine's buffer pool. At PostgreSQL's default of 128 MB the process is resident for the whole
 * pool as soon as the database opens (measured on a 50,000-project directory: 378 MB RSS after open at 128 MB,
 * 314 MB at 64 MB, 270 MB at 32 MB, 271 MB at 16 MB). Pages outside the pool are read from the operating
 * system's file cache (or, in memory, from the WASM file system); the dashboard benchmark did not change.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export interface Database {
  db: Kysely<DB>;
  /**
   * A read replica (DATABASE_READ_URL) for dashboards, drill lists and exports, on its own pool; absent without
   * one, and always on PGlite (one process, nothing to replicate).
   */
  readDb?: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, 'memory' or the server URL without password. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { databaseUrl: string; readUrl?: string } | { dataDir: string } | { memory: true };

/**
 * `today`: the application's fixed date (TODAY, the demo's date), set as `kp.today` on every connection so that the
 * database's `app_today()` (the lifecycle insert trigger) follows it; without it the database uses its real date.
 */
export interface DatabaseOptions {
  today?: string;
}

/** Sets the application's date on a new connection (a session setting: it lasts as long as the connection). */
function applicationDateHook(today: string | undefined) {
  if (!today) return undefined;
  return async (connection: DatabaseConnection): Promise<void> => {
    await connection.executeQuery(CompiledQuery.raw(`select set_config('kp.today', $1, false)`, [today]));
  };
}

// DATE stays a plain 'YYYY-MM-DD' (a JS Date would shift it by the time zone); BIGINT becomes bigint so
// money in fen is exact; NUMERIC (coordinates) stays a string.
const defaultParser = pg.types.getTypeParser.bind(pg.types) as (
  oid: number,
  format: 'text' | 'binary',
) => (value: string) => unknown;
const DATE_OID = 1082;
const INT8_OID = 20;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => BigInt(value);
    return defaultParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens the database named by the target; for a directory, takes its lock first. */
export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Database> {
  const onCreateConnection = applicationDateHook(options.today);
  if ('databaseUrl' in target) {
    const db = openServer(target.databaseUrl, onCreateConnection);
    const readDb = target.readUrl ? openServer(target.readUrl, onCreateConnection) : undefined;
    return {
      db,
      readDb,
      kind: 'postgres',
      location: redactUrl(target.databaseUrl),
      close: async () => {
        await readDb?.destroy();
        await db.destroy();
      },
    };
  }

  const release = 'dataDir' in target ? lockDataDir(target.dataDir) : () => undefined;
  try {
    const pglite = await PGlite.create('dataDir' in target ? target.dataDir : 'memory://', {
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    await pglite.exec(`SET TIME ZONE '${TIME_ZONE}'`);
    // PGlite is one backend: a pool of one connection queues requests instead of interleaving them.
    const pool = new pg.Pool(Object.assign(createPgConfig(pglite), { types: typeParsers, max: 1 }));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool, onCreateConnection }) });
    return {
      db,
      kind: 'pglite',
      location: 'dataDir' in target ? target.dataDir : 'memory',
      async close() {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A Kysely over its own pool of connections to a PostgreSQL server. */
function openServer(url: string, onCreateConnection: ReturnType<typeof applicationDateHook>): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, options: `-c TimeZone=${TIME_ZONE}`, types: typeParsers, max: 10 });
  // An idle connection the server closed (a restart, a terminated backend) is dropped from the pool and the next
  // query opens another; unheard, the pool's 'error' event would end the process.
  pool.on('error', (error) => {
    process.stderr.write(`database: an idle connection was closed (${error.message}); the next query reconnects\n`);
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool, onCreateConnection }) });
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
