/** Regions the actor may see (its region and everything under it), for filters and forms. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { visibleRegions } from '../../db/scope.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../../http.ts';

const regionOutput = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'prefecture', 'county']),
  parentCode: z.string().nullable(),
});

export const regionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/scope',
      {
        schema: {
          tags: ['regions'],
          summary: '本账号可见的行政区划',
          response: { 200: z.object({ regions: z.array(regionOutput) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const regions = await deps.db
          .selectFrom('regions')
          .where(visibleRegions(actor))
          .select(['code', 'name', 'level', 'parent_code as parentCode'])
          .orderBy('code')
          .execute();
        return { regions };
      },
    );
  };
