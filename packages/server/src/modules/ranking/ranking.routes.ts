/** The rankings routes (issue #13; under /api/v1/rankings). Thin: schema, permission, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dataQualityQuery,
  dataQualityResult,
  idParams,
  rankingAdjustmentBody,
  rankingAdjustmentList,
  rankingAdjustmentOutput,
  rankingEdition,
  rankingEditionList,
  rankingEditionListQuery,
  rankingPublishBody,
  rankingPublishResult,
  rankingQuery,
  rankingResult,
  rankingSchemeList,
  rankingWhatIfBody,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorBody, errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { sendXlsx, XLSX_MIME } from '../ledger/exports/export.http.ts';
import { addRankingAdjustment, listRankingAdjustments } from './ranking-adjustment.service.ts';
import { getDataQuality } from './ranking-quality.service.ts';
import { exportEdition, exportRanking } from './ranking.export.ts';
import * as service from './ranking.service.ts';

const tags = ['rankings'];
const read = { access: 'ranking.read' } as const;
const publish = { access: 'ranking.publish' } as const;

export const rankingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => deps.clock.today();

    app.get(
      '/schemes',
      { config: read, schema: { tags, summary: '排名方案', response: { 200: rankingSchemeList, ...errorResponses } } },
      (request) => service.listSchemes(requireActor(request), today()),
    );

    app.get(
      '/',
      {
        config: read,
        schema: {
          tags,
          summary: '按方案和期别计算县区排名（含逐项得分说明与名次升降）',
          querystring: rankingQuery,
          response: { 200: rankingResult, ...errorResponses },
        },
      },
      (request) => service.getRanking(deps.db, requireActor(request), request.query, today()),
    );

    app.get(
      '/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: '导出计算的排名（xlsx）',
          querystring: rankingQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const write = await exportRanking(deps.db, requireActor(request), request.query, today());
        return sendXlsx(reply, `排名-${request.query.scheme}-${request.query.period}.xlsx`, write);
      },
    );

    app.post(
      '/what-if',
      {
        config: read,
        schema: {
          tags,
          summary: '模拟计算：以调整后的分值重新排名（不保存）',
          body: rankingWhatIfBody,
          response: { 200: rankingResult, ...errorResponses },
        },
      },
      (request) => service.whatIfRanking(deps.db, requireActor(request), request.body, today()),
    );

    app.get(
      '/data-quality',
      {
        config: read,
        schema: {
          tags,
          summary: '数据质量得分（县区与项目）',
          querystring: dataQualityQuery,
          response: { 200: dataQualityResult, ...errorResponses },
        },
      },
      (request) => getDataQuality(deps.db, requireActor(request), request.query, today()),
    );

    app.get(
      '/editions',
      {
        config: read,
        schema: {
          tags,
          summary: '已发布的排名',
          querystring: rankingEditionListQuery,
          response: { 200: rankingEditionList, ...errorResponses },
        },
      },
      (request) => service.listRankingEditions(deps.db, requireActor(request), request.query, today()),
    );

    app.get(
      '/adjustments',
      {
        config: read,
        schema: {
          tags,
          summary: '本期各县区的加减分（如上级通报批评）',
          querystring: rankingQuery,
          response: { 200: rankingAdjustmentList, ...errorResponses },
        },
      },
      (request) => listRankingAdjustments(deps.db, requireActor(request), request.query),
    );

    app.post(
      '/adjustments',
      {
        config: publish,
        schema: {
          tags,
          summary: '录入县区加减分（在方案允许的范围内，写入审计）',
          body: rankingAdjustmentBody,
          response: { 201: rankingAdjustmentOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addRankingAdjustment(deps.db, requireActor(request), request.body)),
    );

    app.post(
      '/editions',
      {
        config: publish,
        schema: {
          tags,
          summary: '发布排名（同一期别与方案版本重复发布返回已有版次）',
          body: rankingPublishBody,
          response: { 200: rankingPublishResult, 201: rankingPublishResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await service.publishRanking(deps.db, requireActor(request), request.body, today(), false);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/editions/republish',
      {
        config: publish,
        schema: {
          tags,
          summary: '重新发布排名（新的版次）',
          body: rankingPublishBody,
          response: { 201: rankingPublishResult, ...errorResponses, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.publishRanking(deps.db, requireActor(request), request.body, today(), true)),
    );

    app.get(
      '/editions/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '已发布排名（冻结）',
          params: idParams,
          response: { 200: rankingEdition, ...errorResponses },
        },
      },
      (request) => service.getRankingEdition(deps.db, requireActor(request), request.params.id, today()),
    );

    app.get(
      '/editions/:id/export.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: '导出已发布排名（xlsx）',
          params: idParams,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const write = await exportEdition(deps.db, requireActor(request), request.params.id, today());
        return sendXlsx(reply, `排名-第${String(request.params.id)}号.xlsx`, write);
      },
    );
  };
