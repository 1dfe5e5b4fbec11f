/**
 * The demo accounts with their password, for the login page — registered only in demo mode, so that outside it
 * the route does not exist at all (404, and absent from the OpenAPI document), rather than answering empty.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { demoAccountListSchema } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';

/** GET /auth/demo-accounts; app.ts registers it when config.demo is on. */
export const demoAccountsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/demo-accounts',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: '演示账号（仅演示模式；其他模式下无此接口）',
          response: { 200: demoAccountListSchema },
        },
      },
      () => ({ accounts: deps.demoAccounts }),
    );
  };
