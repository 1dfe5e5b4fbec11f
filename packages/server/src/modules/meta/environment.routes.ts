/**
 * GET /environment (public): whether this server runs the demo, so that the web app can say so on every page,
 * the login page included, and never be mistaken for the city's real system; and the city it serves, by name.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { environmentOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { environment } from './meta.service.ts';

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
          summary: '运行环境：是否为演示环境、服务的城市（公开；网页据此显示“演示环境”横幅和登录页的城市名称）',
          security: [],
          response: { 200: environmentOutput },
        },
      },
      () => environment(deps.db, deps.config),
    );
  };
