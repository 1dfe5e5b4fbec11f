/** Regions the actor may see (its region and everything under it), for filters and forms. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeRegionsOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { scopeRegions } from './region.service.ts';

/** The region routes, registered under /api/v1/regions. */
export const regionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/scope',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['regions'],
          summary: '本账号可见的行政区划',
          response: { 200: scopeRegionsOutput, ...errorResponses },
        },
      },
      (request) => scopeRegions(deps.db, requireActor(request)),
    );
  };
