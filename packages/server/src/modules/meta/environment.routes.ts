/**
 * GET /environment (public): whether this server runs the demo, so that the web app can say so on every page,
 * the login page included, and never be mistaken for the city's real system.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { environmentOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';

/** The environment route, registered under /api/v1. */
export const environmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/environment',
      {
        config: { access: 'public' },
        schema: {
          tags: ['meta'],
          summary: '运行环境：是否为演示环境（公开；网页据此在每一页显示“演示环境”横幅）',
          security: [],
          response: { 200: environmentOutput },
        },
      },
      () => ({ demo: deps.config.demo, production: deps.config.production }),
    );
  };
