/**
 * Progress against plan (SPI) routes: a project's S-curve (under /projects) and the SPI per region (under /stats).
 * Thin: core schemas, declared access, one service call; registered at the API root for the two prefixes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, sCurveOutput, sCurveQuery, spiQuery, spiRegionsOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { projectSCurve, regionSpi } from './spi.service.ts';

/** GET /projects/:id/s-curve and GET /stats/spi (registered under /api/v1). */
export const spiRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/s-curve',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['plans'],
          summary: '项目投资S曲线：计划投资累计与实际完成累计，进度绩效指数SPI',
          params: idParams,
          querystring: sCurveQuery,
          response: { 200: sCurveOutput, ...errorResponses },
        },
      },
      (request) => projectSCurve(deps, requireActor(request), request.params.id, request.query),
    );

    app.get(
      '/stats/spi',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['stats'],
          summary: '各地区进度绩效指数SPI（实际完成 / 计划投资，截至当日）',
          querystring: spiQuery,
          response: { 200: spiRegionsOutput, ...errorResponses },
        },
      },
      (request) => regionSpi(deps, requireActor(request), request.query),
    );
  };
