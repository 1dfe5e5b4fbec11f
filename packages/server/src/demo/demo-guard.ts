/**
 * Production must not run on a database the demo was loaded into: its accounts share a published password. The
 * server refuses to start in production while any demo account exists, naming them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { generateDaqingDemo } from './daqing.generator.ts';

/** Throws naming the demo accounts present in the database, if any. */
export async function assertNoDemoAccounts(db: Kysely<DB>): Promise<void> {
  const usernames = generateDaqingDemo().users.map((user) => user.username);
  const found = await db.selectFrom('users').select('username').where('username', 'in', usernames).execute();
  if (found.length > 0) {
    const names = found.map((row) => row.username).join(', ');
    throw new Error(
      `Production mode refuses a database holding the demo accounts (${names}); use a fresh database, or remove them.`,
    );
  }
}
