/**
 * The financing-needs list's routes (issue #13 item 4): needs, editions, interest and matches, needs met. Thin:
 * schema, declared access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  financingEditionDetail,
  financingEditionList,
  financingEditionNeedParams,
  financingInterestInput,
  financingMatch,
  financingMatchList,
  financingMatchMove,
  financingNeed,
  financingNeedInput,
  financingNeedList,
  financingPublishInput,
  financingPublishOutput,
  financingSummaryOutput,
  financingSummaryQuery,
  idParams,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import * as service from './financing.service.ts';

/** The financing routes (registered under /api/v1/financing). */
export const financingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const editionRead = { access: 'financing.edition.read' } as const;
    const match = { access: 'financing.match' } as const;
    const tags = ['financing'];

    app.get(
      '/needs',
      {
        // Read by the DRC offices and leaders (financing.read) and by declarers for their own projects: the
        // service checks either permission.
        config: { access: 'signedIn' },
        schema: {
          tags,
          summary: '融资需求（本人可见的项目）',
          response: { 200: financingNeedList, ...errorResponses },
        },
      },
      (request) => service.listNeeds(deps, requireActor(request)),
    );

    app.post(
      '/needs',
      {
        config: { access: 'financing.declare' },
        schema: {
          tags,
          summary: '申报项目融资需求',
          body: financingNeedInput,
          response: { 201: financingNeed, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.declareNeed(deps, requireActor(request), request.body)),
    );

    app.post(
      '/editions',
      {
        config: { access: 'financing.publish' },
        schema: {
          tags,
          summary: '发布本期（两个月一期）融资需求清单；同一期重复发布不重复生成',
          body: financingPublishInput,
          response: { 200: financingPublishOutput, ...errorResponses },
        },
      },
      (request) => service.publishEdition(deps, requireActor(request)),
    );

    app.get(
      '/editions',
      {
        config: editionRead,
        schema: { tags, summary: '已发布的融资需求清单', response: { 200: financingEditionList, ...errorResponses } },
      },
      (request) => service.listEditions(deps, requireActor(request)),
    );

    app.get(
      '/editions/:id',
      {
        config: editionRead,
        schema: {
          tags,
          summary: '一期融资需求清单的需求（发布时冻结）',
          params: idParams,
          response: { 200: financingEditionDetail, ...errorResponses },
        },
      },
      (request) => service.editionDetail(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/editions/:id/needs/:needId/interest',
      {
        config: match,
        schema: {
          tags,
          summary: '金融机构登记对接意向（市发改委可代为登记）',
          params: financingEditionNeedParams,
          body: financingInterestInput,
          response: { 201: financingMatch, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.registerInterest(deps, requireActor(request), request.params, request.body)),
    );

    app.get(
      '/matches',
      {
        config: editionRead,
        schema: {
          tags,
          summary: '融资对接情况（金融机构只见本机构）',
          response: { 200: financingMatchList, ...errorResponses },
        },
      },
      (request) => service.listMatches(deps, requireActor(request)),
    );

    app.patch(
      '/matches/:id',
      {
        config: match,
        schema: {
          tags,
          summary: '更新对接状态：有意向 → 洽谈中 → 已签约（签约金额）/ 未达成',
          params: idParams,
          body: financingMatchMove,
          response: { 200: financingMatch, ...errorResponses },
        },
      },
      (request) => service.moveMatch(deps, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/summary',
      {
        config: { access: 'financing.read' },
        schema: {
          tags,
          summary: '融资需求满足情况（默认最近一期）',
          querystring: financingSummaryQuery,
          response: { 200: financingSummaryOutput, ...errorResponses },
        },
      },
      (request) => service.financingSummary(deps, requireActor(request), request.query),
    );
  };
