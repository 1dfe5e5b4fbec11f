/**
 * A deliberately bad route file for layers.lint.test.ts: it queries and opens a transaction in its handlers, imports
 * the SQL tag and sets its own error handler, each of which the lint rules must report. Never imported.
 */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../../src/deps.ts';

/** Routes that do the service's and the repository's work themselves. */
export const queryingRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.setErrorHandler((error, _request, reply) => reply.send(error));
    app.get('/users', async () => deps.db.selectFrom('users').select('username').execute());
    app.post('/users', async () =>
      deps.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').execute();
        await sql`select 1`.execute(trx);
      }),
    );
  };
