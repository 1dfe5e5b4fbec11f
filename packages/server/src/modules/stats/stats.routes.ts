/** Statistics: headline figures, the leaders' dashboard in one request, and the projects behind any figure. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DRILL_METRICS, asOfDate, regionCode } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { dashboard, diffJson, drillProjects, figuresJson, headline } from './stats.service.ts';

const money = z.string().meta({ description: '万元' });
const countAndInvestment = z.object({ count: z.number().int(), totalInvestment: money });
export const figuresOutput = z.object({
  projects: z.number().int(),
  newProjects: z.number().int(),
  continuingProjects: z.number().int(),
  reserveProjects: z.number().int(),
  totalInvestment: money,
  annualPlan: money,
  startedOrResumed: z.number().int(),
  startedNew: z.number().int(),
  resumedContinuing: z.number().int(),
  startRate: z.string().nullable(),
  plannedNewStarts: z.number().int(),
  startedPlannedNew: z.number().int(),
  newStartRate: z.string().nullable(),
  completedYtd: money,
  completionRate: z.string().nullable(),
  completedInProduction: countAndInvestment,
  expectedCompletionByYearEnd: countAndInvestment,
  overPlan150: z.number().int(),
});
export const diffOutput = figuresOutput
  .pick({
    projects: true,
    newProjects: true,
    continuingProjects: true,
    reserveProjects: true,
    totalInvestment: true,
    annualPlan: true,
  })
  .extend({
    startedOrResumed: z.number().int(),
    startedNew: z.number().int(),
    resumedContinuing: z.number().int(),
    startRate: z.string().nullable(),
    completedYtd: money,
    completionRate: z.string().nullable(),
  });
const breakdownRows = z.array(z.object({ key: z.string(), figures: figuresOutput }));

const statsQuery = z.strictObject({ asOf: asOfDate, regionCode: regionCode.optional() });
const dimension = z.enum(['region', 'prefecture', 'category', 'nature', 'industry', 'sizeTier', 'level']);

export const statsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/figures',
      {
        schema: {
          tags: ['stats'],
          summary: '主要指标（截至某日）及同比',
          querystring: statsQuery,
          response: {
            200: z.object({
              asOf: z.string(),
              previousAsOf: z.string(),
              figures: figuresOutput,
              previous: figuresOutput,
              yearOnYear: diffOutput,
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requirePermission(actor, 'stats.read');
        const result = await headline(deps.db, { actor, regionCode: request.query.regionCode }, request.query.asOf);
        return {
          asOf: request.query.asOf,
          previousAsOf: result.previousAsOf,
          figures: figuresJson(result.current),
          previous: figuresJson(result.previous),
          yearOnYear: diffJson(result.diff),
        };
      },
    );

    app.get(
      '/dashboard',
      {
        schema: {
          tags: ['stats'],
          summary: '领导驾驶舱（一次请求返回全部数据）',
          querystring: statsQuery,
          response: {
            200: z.object({
              year: z.number().int(),
              asOf: z.string(),
              previousAsOf: z.string(),
              figures: figuresOutput,
              previous: figuresOutput,
              yearOnYear: diffOutput,
              breakdowns: z.object({
                byRegion: breakdownRows,
                byCategory: breakdownRows,
                byLevel: breakdownRows,
                byNature: breakdownRows,
                byIndustry: breakdownRows,
                bySizeTier: breakdownRows,
              }),
              regionNames: z.record(z.string(), z.string()),
              monthly: z.array(
                z.object({ month: z.number().int(), cutoff: z.string(), completedCumulative: money, planLine: money }),
              ),
              points: z.array(
                z.object({
                  id: z.number().int(),
                  name: z.string(),
                  longitude: z.number(),
                  latitude: z.number(),
                  totalInvestment: money,
                  state: z.enum(['completed', 'started', 'notStarted']),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      (request) => dashboard(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/projects',
      {
        schema: {
          tags: ['stats'],
          summary: '指标钻取：构成某个数字的项目清单',
          querystring: statsQuery.extend({
            metric: z.enum(DRILL_METRICS).default('all'),
            dimension: dimension.optional(),
            key: z.string().trim().max(20).optional(),
            limit: z.coerce.number().int().min(1).max(2000).default(500),
          }),
          response: {
            200: z.object({
              total: z.number().int(),
              items: z.array(
                z.object({
                  id: z.number().int(),
                  name: z.string(),
                  code: z.string(),
                  regionName: z.string(),
                  totalInvestment: money,
                  annualPlan: money,
                  completedYtd: money,
                  startedOn: z.string().nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      (request) => drillProjects(deps.db, requireActor(request), request.query),
    );
  };
