/**
 * Funding sources' routes (issue #13 item 3): a project's history, recording a dated event, the funding lines and
 * the summaries per region as of a date. Thin: schema, declared access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  fundingEventInput,
  fundingHistory,
  fundingLines,
  fundingQuery,
  fundingSummaryOutput,
  idParams,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import * as service from './funding.service.ts';

/** The funding routes (registered under /api/v1/funding). */
export const fundingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: 'funding.read' } as const;
    const tags = ['funding'];

    app.get(
      '/projects/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '项目资金来源：当前累计和按日期的申请、批复、下达记录',
          params: idParams,
          response: { 200: fundingHistory, ...errorResponses },
        },
      },
      (request) => service.fundingHistory(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/projects/:id/events',
      {
        config: { access: 'funding.write' },
        schema: {
          tags,
          summary: '登记项目资金来源的一次申请、批复或下达（日期不晚于系统日期）',
          params: idParams,
          body: fundingEventInput,
          response: { 201: fundingHistory, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.recordFundingEvent(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/lines',
      {
        config: read,
        schema: {
          tags,
          summary: '资金来源清单：截至某日各项目各类资金的申请、批复、下达金额',
          querystring: fundingQuery,
          response: { 200: fundingLines, ...errorResponses },
        },
      },
      (request) => service.fundingLines(deps, requireActor(request), request.query),
    );

    app.get(
      '/summary',
      {
        config: read,
        schema: {
          tags,
          summary: '资金来源综述：本辖区及所辖各县区截至某日的项目数、总投资和已下达资金',
          querystring: fundingQuery,
          response: { 200: fundingSummaryOutput, ...errorResponses },
        },
      },
      (request) => service.fundingSummary(deps, requireActor(request), request.query),
    );
  };
