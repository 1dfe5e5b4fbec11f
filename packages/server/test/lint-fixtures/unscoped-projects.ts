/**
 * A deliberately bad module for scope.lint.test.ts: it selects from `projects` without the scope module, which the
 * lint rule in eslint.config.js must report (twice: a plain table and an aliased one). Never imported.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** Every project's code, whoever asks: the hole the rule exists to prevent. */
export async function allCodes(db: Kysely<DB>) {
  const plain = await db.selectFrom('projects').select('code').execute();
  const aliased = await db.selectFrom('projects as p').select('p.code').execute();
  return [...plain, ...aliased];
}
