/**
 * OC4IDS from the command line, as a named user so that scope, permission and audit apply as on the API:
 *   export-oc4ids --out <file.json> [--as <username>]   the projects the user sees, as a project package
 *   import-oc4ids <file.json> [--as <username>]         a project package into the sandbox region
 * Without --as both act as the first active city administrator.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock, systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { RequestValidationError, issuesToFields } from '../errors.ts';
import { importPackage } from '../modules/oc4ids/oc4ids.import.service.ts';
import { exportPackage } from '../modules/oc4ids/oc4ids.service.ts';
import { cliActor } from './cli-actor.ts';
import type { CliCommand } from './command.ts';

/** An invalid package as one line naming each bad field, for the terminal. */
function describeInvalid(error: unknown): never {
  if (error instanceof RequestValidationError)
    throw new Error(`invalid OC4IDS package: ${JSON.stringify(issuesToFields(error.issues, 'en'))}`, { cause: error });
  throw error;
}

/** The application's date (TODAY when configured, as the server's): milestone statuses and import dates use it. */
const today = (config: Config) => (config.today ? fixedClock(config.today) : systemClock).today();

/** The OC4IDS commands by name, for the CLI's command table. */
export const oc4idsCommands: Record<string, CliCommand> = {
  async 'export-oc4ids'({ database, config, values, print }) {
    const out = values.out;
    if (typeof out !== 'string') throw new Error('--out <file.json> is required');
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const file = path.resolve(out);
    const result = await exportPackage(database.db, actor, {}, { uri: pathToFileURL(file).href, today: today(config) });
    // The schema requires at least one project; an empty file would be refused by every OC4IDS tool.
    if (result.projects.length === 0) throw new Error(`${actor.username} sees no projects; nothing to publish`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
    print(
      { out: file, as: actor.username, projects: result.projects.length },
      `wrote ${result.projects.length.toString()} projects to ${file} (as ${actor.username})`,
    );
  },

  async 'import-oc4ids'({ database, config, values, args, print }) {
    const [file] = args;
    if (!file) throw new Error('usage: import-oc4ids <file.json> [--as <username>]');
    await migrateToLatest(database.db);
    const actor = await cliActor(database.db, values);
    const body: unknown = JSON.parse(await readFile(path.resolve(file), 'utf8'));
    const result = await importPackage(database.db, actor, body, { today: today(config) }).catch(describeInvalid);
    print(
      { ...result, as: actor.username },
      `imported into ${result.regionCode} as ${actor.username}: ${result.created.toString()} created, ` +
        `${result.updated.toString()} updated, ${result.unchanged.toString()} unchanged` +
        result.projects.map((p) => `\n  ${p.result} #${p.projectId.toString()} ${p.code} ← ${p.oc4idsId}`).join(''),
    );
  },
};
