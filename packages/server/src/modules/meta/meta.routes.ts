/** Codelists for forms and filters, and the health check. Thin: schema, access, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codelistsOutput, healthOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { codelists, health } from './meta.service.ts';

/** The meta routes, registered under /api/v1. */
export const metaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/codelists',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['meta'],
          summary: '代码表（级别、类别、性质、行业、阶段等）',
          response: { 200: codelistsOutput, ...errorResponses },
        },
      },
      (request) => codelists(deps.db, requireActor(request)),
    );

    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: { tags: ['meta'], summary: '健康检查', response: { 200: healthOutput } },
      },
      () => health(deps.db),
    );
  };
