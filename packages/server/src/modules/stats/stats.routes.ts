/**
 * Statistics: headline figures, the leaders' dashboard in one request, the map's points in its visible box, and the
 * projects behind any figure; read from the replica when there is one (read-replica.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dashboardOutput,
  dashboardQuery,
  drillListOutput,
  drillQuery,
  headlineOutput,
  mapPointsOutput,
  mapPointsQuery,
  statsQuery,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { AnswerCache, answerKey, scopeKeyOf, sendCachedAnswer } from '../cache/answer-cache.ts';
import { readerFor } from '../cache/read-replica.ts';
import { dashboard, drillProjects, headlineFigures, mapPointsInBox } from './stats.service.ts';

/** The statistics routes, registered under /api/v1/stats. */
export const statsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Answers kept per scope and question while the data version stands (answer-cache.ts).
    const cache = new AnswerCache();
    app.get(
      '/figures',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: '主要指标（截至某日）及同比',
          querystring: statsQuery,
          response: { 200: headlineOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const reader = await readerFor(deps, request, reply);
        return headlineFigures(reader.db, actor, request.query);
      },
    );

    app.get(
      '/dashboard',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: '领导驾驶舱（一次请求返回全部数据；不带 asOf 时按默认截至日）',
          querystring: dashboardQuery,
          response: { 200: dashboardOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const today = deps.clock.today();
        const key = answerKey('stats.dashboard', scopeKeyOf(actor, today), request.query);
        const { db, lag } = await readerFor(deps, request, reply);
        const extra = lag ? { replica: lag } : undefined;
        await sendCachedAnswer({ db, cache, request, reply, extra }, key, dashboardOutput, (db) =>
          dashboard(db, actor, request.query, today),
        );
      },
    );

    app.get(
      '/map-points',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: '地图上的项目点：可见范围内投资额最大的项目（最多 limit 个）',
          querystring: mapPointsQuery,
          response: { 200: mapPointsOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const key = answerKey('stats.mapPoints', scopeKeyOf(actor, deps.clock.today()), request.query);
        const { db } = await readerFor(deps, request, reply);
        await sendCachedAnswer({ db, cache, request, reply }, key, mapPointsOutput, (db) =>
          mapPointsInBox(db, actor, request.query),
        );
      },
    );

    app.get(
      '/projects',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: '指标钻取：构成某个数字的项目清单',
          querystring: drillQuery,
          response: { 200: drillListOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const key = answerKey('stats.drill', scopeKeyOf(actor, deps.clock.today()), request.query);
        const { db } = await readerFor(deps, request, reply);
        await sendCachedAnswer({ db, cache, request, reply }, key, drillListOutput, (db) =>
          drillProjects(db, actor, request.query),
        );
      },
    );
  };
