/** The shape of a CLI command: it gets the open database, the parsed options and a printer honouring --json. */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export type CliValues = Record<string, string | boolean | undefined>;

export interface CliContext {
  database: Database;
  config: Config;
  values: CliValues;
  /** Arguments after the command name (e.g. a file path). */
  args: string[];
  /** Prints `output` as JSON with --json, `text` otherwise. */
  print: (output: Record<string, unknown>, text: string) => void;
}

export type CliCommand = (context: CliContext) => Promise<void>;

/** A command that opens the database itself (or not at all), e.g. a backup that may ask the running server. */
export type DirectCommand = (context: Omit<CliContext, 'database'>) => Promise<void>;

/** Flags that never take a value; every other `--name` takes the next argument (or `--name=value`). */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'dry-run', 'force', 'drain']);

/** Splits argv into options and positional arguments. */
export function parseCliArgs(argv: string[]): { values: CliValues; positionals: string[] } {
  const values: CliValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) {
      if (token === '-h') values.help = true;
      else positionals.push(token);
      continue;
    }
    const [name = '', inline] = token.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) values[name] = inline;
    else if (BOOLEAN_FLAGS.has(name)) values[name] = true;
    else {
      values[name] = argv[i + 1];
      i += 1;
    }
  }
  return { values, positionals };
}
