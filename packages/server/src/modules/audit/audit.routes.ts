/** The whole audit trail, for the audit administrator: filters and keyset pages (the Excel export is 'audit-log'). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../../http.ts';
import { auditTrail } from './audit.service.ts';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        config: { access: 'audit.readAll' },
        schema: {
          tags: ['audit'],
          summary: '审计日志（仅审计管理员；按时间、操作人、操作、对象类型、IP、区域筛选，按 beforeId 翻页）',
          querystring: auditQuery,
          response: { 200: auditPage, ...errorResponses },
        },
      },
      (request) => auditTrail(deps.db, requireActor(request), request.query),
    );
  };
