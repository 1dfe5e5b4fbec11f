/** The reserve library's routes: counts by preparation step and the drill-down list. Thin: schema, access, one call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reserveProjectList, reserveProjectsQuery, reserveQuery, reserveSummary } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { reserveProjectList as listOf, reserveSummary as summaryOf } from './reserve.service.ts';

/** The reserve routes (registered under /api/v1/reserve). */
export const reserveRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags: ['reserve'],
          summary: '储备库：未开工项目按前期环节计数（截至某日，本辖区或所选区域）',
          querystring: reserveQuery,
          response: { 200: reserveSummary, ...errorResponses },
        },
      },
      (request) => summaryOf(deps, requireActor(request), request.query),
    );

    app.get(
      '/projects',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags: ['reserve'],
          summary: '储备库明细：某一环节（none 为未填写环节）或全部储备项目',
          querystring: reserveProjectsQuery,
          response: { 200: reserveProjectList, ...errorResponses },
        },
      },
      (request) => listOf(deps, requireActor(request), request.query),
    );
  };
