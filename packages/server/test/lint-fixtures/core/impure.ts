/**
 * A deliberately bad core file for layers.lint.test.ts: core must stay pure, so each of these imports (the database,
 * node I/O, the server) must be reported. Never imported.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { AppDeps } from '../../../../server/src/deps.ts';

/** Reads a file and builds SQL: two things core never does. */
export function impure(deps: AppDeps) {
  return [readFileSync('/dev/null'), sql`select 1`, deps.clock];
}
