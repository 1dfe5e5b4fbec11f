/** The shape of a CLI command: it gets the open database, the parsed options and a printer honouring --json. */
import type { Database } from '../db/database.ts';

export type CliValues = Record<string, string | boolean | undefined>;

export interface CliContext {
  database: Database;
  values: CliValues;
  /** Arguments after the command name (e.g. a file path). */
  args: string[];
  /** Prints `output` as JSON with --json, `text` otherwise. */
  print(output: Record<string, unknown>, text: string): void;
}

export type CliCommand = (context: CliContext) => Promise<void>;
