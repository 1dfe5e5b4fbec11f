/**
 * Query snapshots (issue #9, as immich's server/src/queries/*.sql): every repository function of the registry runs
 * its example calls against a fresh migrated database while a Kysely plugin records the SQL each query compiles to;
 * the SQL is formatted and written as one file per repository (packages/server/queries/<name>.repository.sql), so
 * that a change of scope or of a join shows in review. Each call runs in a transaction that is rolled back.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  PostgresQueryCompiler,
  type CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import { format } from 'sql-formatter';
import type { Actor } from '@keyprojects/core';
import type { DB } from '../../src/db/schema.ts';

/** One example call of a repository function: what it is called with (shown), and the call itself. */
export interface QueryExample {
  label: string | undefined;
  args: readonly unknown[];
  /** The call, in a transaction rolled back afterwards; or, for a function that opens its own, on the database. */
  run: { inTransaction: (trx: Transaction<DB>) => unknown } | { onDatabase: (db: Kysely<DB>) => unknown };
  /** Leaves the parameters out: for a call whose parameters differ on every run (a random token, the clock). */
  hideParams?: boolean;
}

/** Functions of a repository that run no query (pure helpers, presenters), with the reason shown in the file. */
export interface NoQuery {
  noQuery: string;
}

/** A repository's entry: its module (to list its exported functions) and each function's examples. */
export interface RepositoryEntry {
  /** Path under packages/server/src, e.g. `modules/project/project.repository.ts`. */
  file: string;
  module: Record<string, unknown>;
  examples: Record<string, readonly QueryExample[] | NoQuery>;
}

/** An example call of `fn` with `args` (the database comes first and is supplied by the runner). */
export function example<A extends unknown[]>(
  fn: (trx: Transaction<DB>, ...args: A) => unknown,
  ...args: A
): QueryExample {
  return { label: undefined, args, run: { inTransaction: (trx) => fn(trx, ...args) } };
}

/** An example of a function that opens its own transaction: it runs on the database, and what it writes stays. */
export function onDatabase<A extends unknown[]>(fn: (db: Kysely<DB>, ...args: A) => unknown, ...args: A): QueryExample {
  return { label: undefined, args, run: { onDatabase: (db) => fn(db, ...args) } };
}

/** The same, with a label saying what the example stands for (e.g. which kind of actor). */
export function labelled<A extends unknown[]>(
  label: string,
  fn: (trx: Transaction<DB>, ...args: A) => unknown,
  ...args: A
): QueryExample {
  return { ...example(fn, ...args), label };
}

class CaptureQueries implements KyselyPlugin {
  readonly queries: CompiledQuery[] = [];
  readonly #compiler = new PostgresQueryCompiler();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(this.#compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class Rollback extends Error {}

interface Captured {
  queries: CompiledQuery[];
  error?: string;
}

/** Runs one example in a rolled-back transaction (or as it is); returns its queries and the error it stopped on. */
async function capture(db: Kysely<DB>, ex: QueryExample): Promise<Captured> {
  const plugin = new CaptureQueries();
  const captured: Captured = { queries: plugin.queries };
  const attempt = async (call: () => unknown) => {
    try {
      await call();
    } catch (cause) {
      captured.error = cause instanceof Error ? cause.message : String(cause);
    }
  };
  const { run } = ex;
  if ('onDatabase' in run) {
    await attempt(() => run.onDatabase(db.withPlugin(plugin)));
    return captured;
  }
  try {
    await db
      .withPlugin(plugin)
      .transaction()
      .execute(async (trx) => {
        await attempt(() => run.inTransaction(trx));
        throw new Rollback();
      });
  } catch (cause) {
    if (!(cause instanceof Rollback)) throw cause;
  }
  return captured;
}

const isActor = (v: unknown): v is Actor => typeof v === 'object' && v !== null && 'role' in v && 'locale' in v;

/** JSON for the file's comments, on one line: bigint as `123n`, an actor as `<role region|organisation>`. */
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v.toString()}n`;
    if (isActor(v)) return `<${v.role} ${v.regionCode ?? `organisation ${String(v.organizationId)}`}>`;
    return v;
  });
}

const formatSql = (text: string) =>
  format(text, { language: 'postgresql', keywordCase: 'lower', tabWidth: 2, linesBetweenQueries: 1 });

/** The snapshot file of one repository. */
export async function renderRepository(db: Kysely<DB>, entry: RepositoryEntry): Promise<string> {
  const lines = [
    `-- Generated by \`npm run sql:snapshots\` from packages/server/src/${entry.file}; do not edit.`,
    '-- The SQL each repository function runs for the example arguments shown (a fresh migrated database, a few example',
    '-- rows), so that a change of scope, of a join or of an index-relevant condition shows in review.',
  ];
  const shown = new Map<string, string>();
  for (const [name, examples] of Object.entries(entry.examples)) {
    if ('noQuery' in examples) {
      lines.push('', `-- ${name}: no query (${examples.noQuery})`);
      continue;
    }
    for (const ex of examples) {
      const { queries, error } = await capture(db, ex);
      const title = `${name}${ex.label ? ` (${ex.label})` : ''}`;
      lines.push('', `-- ${title}`);
      if (ex.args.length > 0) lines.push(`-- args: ${show(ex.args).slice(1, -1)}`);
      queries.forEach((query, i) => {
        const place = queries.length > 1 ? `${title}, query ${String(i + 1)}` : title;
        if (queries.length > 1) lines.push(`-- query ${String(i + 1)} of ${String(queries.length)}`);
        if (query.parameters.length > 0 && !ex.hideParams)
          lines.push(`-- params: ${show(query.parameters.map((p) => (p instanceof Date ? '<now>' : p))).slice(1, -1)}`);
        // The same statement again (another actor's scope differs only in its parameters): name it, do not repeat it.
        const first = shown.get(query.sql);
        if (first === undefined) {
          shown.set(query.sql, place);
          lines.push(`${formatSql(query.sql)};`);
        } else lines.push(`-- the SQL of ${first}`);
      });
      if (queries.length === 0) lines.push('-- (no query for these arguments)');
      if (error !== undefined) lines.push(`-- stopped by: ${error.split('\n')[0] ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where the snapshots live: packages/server/queries/. */
export const SNAPSHOT_DIR = path.resolve(import.meta.dirname, '../../queries');
/** The server's sources: packages/server/src/. */
export const SOURCE_DIR = path.resolve(import.meta.dirname, '../../src');

/** The snapshot file's name for a repository: its own base name with .sql. */
export const snapshotName = (entry: RepositoryEntry) => path.basename(entry.file).replace(/\.ts$/, '.sql');

/** Every `*.repository.ts` under src/, as paths relative to it. */
export function repositoryFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.repository.ts'))
        found.push(path.relative(SOURCE_DIR, full).split(path.sep).join('/'));
    }
  };
  walk(SOURCE_DIR);
  return found.sort();
}

/** `file: function` for each exported function of a registered repository that has no entry in the registry. */
export function unregisteredFunctions(entries: readonly RepositoryEntry[]): string[] {
  return entries.flatMap((entry) =>
    Object.entries(entry.module)
      .filter(([name, value]) => typeof value === 'function' && !(name in entry.examples))
      .map(([name]) => `${entry.file}: ${name}`),
  );
}

/** `file: name` for each registry entry that names no exported function of its repository (renamed or removed). */
export function staleEntries(entries: readonly RepositoryEntry[]): string[] {
  return entries.flatMap((entry) =>
    Object.keys(entry.examples)
      .filter((name) => typeof entry.module[name] !== 'function')
      .map((name) => `${entry.file}: ${name}`),
  );
}
