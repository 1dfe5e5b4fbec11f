/**
 * CLI commands run in the test process against a test database: what they print is captured instead of written,
 * so a test reads a command's JSON output (or its text) as the terminal would have shown it.
 */
import type { Kysely } from 'kysely';
import type { CliCommand, CliValues } from '../src/cli/command.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';

/** A test context's connection as the Database a command takes (closing it stays the context's job). */
export function contextDatabase(db: Kysely<DB>): Database {
  return { db, kind: 'pglite', location: 'test', close: () => Promise.resolve() };
}

/** Runs `commands[name]` with these options and arguments; returns what it printed last, as JSON and as text. */
export async function runCommand(
  commands: Record<string, CliCommand>,
  name: string,
  database: Database,
  values: CliValues = {},
  args: string[] = [],
): Promise<{ output: Record<string, unknown>; text: string }> {
  const command = commands[name];
  if (!command) throw new Error(`no command ${name}`);
  let printed = { output: {} as Record<string, unknown>, text: '' };
  await command({
    database,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    values,
    args,
    print: (output, text) => (printed = { output, text }),
  });
  return printed;
}
