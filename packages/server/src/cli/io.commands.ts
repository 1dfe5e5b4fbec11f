/**
 * Excel from the command line, acting as the data's city administrator (or --as <username>):
 *   import <file.xlsx> [--dry-run] [--as U] [--lang en]   preview or commit a project ledger
 *   export <what> --out <file.xlsx> [--query "k=v&…"]      what: a registered export (projects)
 *   template --out <file.xlsx>                             the project ledger template
 * Progress lines go to stderr (`progress writing 500/3000`), so --json output stays one JSON document.
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type { Locale } from '@keyprojects/core';
import { migrateToLatest } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { EXPORTS, findExport } from '../modules/ledger/export.registry.ts';
import { buildProjectTemplate, importProjectLedger } from '../modules/ledger/ledger.service.ts';
import type { CliCommand, CliValues } from './command.ts';

const option = (values: CliValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The acting user: --as <username>, else the first active city administrator. */
async function cliActor(db: Kysely<DB>, values: CliValues): Promise<Actor> {
  const username = option(values, 'as');
  let query = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'organization_id'])
    .where('disabled', '=', false);
  query = username ? query.where('username', '=', username) : query.where('role', '=', 'city_admin').orderBy('id');
  const user = await query.executeTakeFirst();
  if (!user) throw new Error(username ? `no active user ${username}` : 'no city administrator; name one with --as');
  const locale: Locale = option(values, 'lang') === 'en' ? 'en' : 'zh';
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    organizationId: user.organization_id,
    ip: null,
    userAgent: 'keyprojects-cli',
    locale,
  };
}

function requireOut(values: CliValues): string {
  const out = option(values, 'out');
  if (!out) throw new Error('--out <file.xlsx> is required');
  return out;
}

/** The io commands by name, for cli.ts: import, export, template. */
export const ioCommands: Record<string, CliCommand> = {
  async import({ database, values, args, print }) {
    const [path] = args;
    if (!path) throw new Error('usage: import <file.xlsx> [--dry-run] [--as USER] [--json]');
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const file = await readFile(path);
    const result = await importProjectLedger(database.db, actor, file, {
      dryRun: values['dry-run'] === true,
      locale: actor.locale,
      onProgress: ({ phase, processed, total }) => process.stderr.write(`progress ${phase} ${processed}/${total}\n`),
    });
    const { summary } = result;
    const lines = [
      `${result.committed ? 'imported' : result.dryRun ? 'preview' : 'NOT imported'}: ${summary.rows} rows — ` +
        `${summary.create} new, ${summary.update} changed, ${summary.unchanged} unchanged, ${summary.errors} errors`,
      ...result.errors.map((e) => `  row ${e.row} ${e.column ?? ''} ${e.header ?? ''}: ${e.message}`),
    ];
    print({ status: result.dryRun || result.committed ? 'ok' : 'invalid', ...result }, lines.join('\n'));
    if (!result.dryRun && !result.committed) process.exitCode = 1;
  },

  async export({ database, values, args, print }) {
    const [what] = args;
    const entry = what ? findExport(what) : undefined;
    if (!entry) throw new Error(`usage: export <${EXPORTS.map((e) => e.name).join('|')}> --out <file.xlsx>`);
    const out = requireOut(values);
    const actor = await cliActor(database.db, values);
    const query = Object.fromEntries(new URLSearchParams(option(values, 'query') ?? ''));
    const { write } = await entry.prepare(database.db, actor, query);
    const stream = createWriteStream(out);
    const rows = await write(stream);
    if (!stream.writableFinished) await once(stream, 'finish');
    print({ status: 'ok', export: entry.name, rows, file: out }, `exported ${rows} rows to ${out}`);
  },

  async template({ database, values, print }) {
    const out = requireOut(values);
    const actor = await cliActor(database.db, values);
    await writeFile(out, await buildProjectTemplate(database.db, actor));
    print({ status: 'ok', file: out }, `template written to ${out}`);
  },
};
