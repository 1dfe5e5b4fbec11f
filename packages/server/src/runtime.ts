/** Opening the configured database, shared by the server and the CLI. */
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';

/**
 * The PostgreSQL server when DATABASE_URL is set (with its read replica when DATABASE_READ_URL is), otherwise the embedded database in the data directory; `today`
 * (default: TODAY) is the application's fixed date the database's `app_today()` follows.
 */
export function openConfiguredDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseReadUrl' | 'dataDir' | 'today'>,
  today: string | undefined = config.today,
): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, readUrl: config.databaseReadUrl }
      : { dataDir: config.dataDir },
    {
      today,
    },
  );
}
