/** GET /meta/boundary: the district map of the signed-in user's city. Thin: schema, access, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boundaryOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { cityBoundary } from './boundary.service.ts';

/** The boundary route, registered under /api/v1/meta. */
export const boundaryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/boundary',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['meta'],
          summary: '本市区县边界（GeoJSON，供驾驶舱地图）及无边界功能区的标注位置',
          response: { 200: boundaryOutput, ...errorResponses },
        },
      },
      (request) => cityBoundary(deps.db, requireActor(request)),
    );
  };
