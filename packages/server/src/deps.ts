/**
 * What the application is built from (database, config, clock, demo accounts). Its own file so that route
 * plugins and services can name it without importing app.ts, which imports them (no cycle).
 */
import type { Kysely } from 'kysely';
import type { DemoAccount } from '@keyprojects/core';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { SessionCache } from './modules/auth/session-cache.ts';

export interface AppDeps {
  db: Kysely<DB>;
  /** The read replica (DATABASE_READ_URL), if any: only through read-replica.ts's `readerFor`, never for writes. */
  readDb?: Kysely<DB>;
  config: Config;
  clock: Clock;
  /** Shown on the login page when config.demo is on. */
  demoAccounts: DemoAccount[];
  /** This instance's cache of looked-up sessions; one is made when absent (a test passes one to drive its clock). */
  sessionCache?: SessionCache;
}
