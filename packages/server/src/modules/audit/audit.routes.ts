/** The whole audit trail, for the audit administrator. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '@keyprojects/core';
import type { AppDeps } from '../../app.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../../http.ts';
import { auditHistoryOutput, auditTrail } from './audit.service.ts';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志（仅审计管理员）',
          querystring: z.strictObject({
            entityType: z.enum(['project', 'user', 'organization', 'session']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeId: idParam.optional(),
          }),
          response: { 200: auditHistoryOutput, ...errorResponses },
        },
      },
      (request) => auditTrail(deps.db, requireActor(request), request.query),
    );
  };
