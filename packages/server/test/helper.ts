/** Builds the app on a fresh test database; close() tears both down. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { fixedClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import type { DB } from '../src/db/schema.ts';
import { createTestDatabase } from './database.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Kysely<DB>;
  close(): Promise<void>;
}

/** Tests run on a fixed date inside the demo year unless they ask for another. */
export const TEST_TODAY = '2021-05-20';

/** `env` adds configuration variables (e.g. MFA_ENFORCE) to the test defaults. */
export async function createTestContext(
  options: { today?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const today = options.today ?? TEST_TODAY;
  const database = await createTestDatabase(today);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', ...options.env }), webDist: '/nonexistent' };
  const app = await buildApp({
    db: database.db,
    config,
    clock: fixedClock(today),
    demoAccounts: [],
  });
  await app.ready();
  return {
    app,
    db: database.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
