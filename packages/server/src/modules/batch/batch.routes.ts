/**
 * The three batches' routes (三个一批): rounds listed, read with their rates as of a date, created, changed and
 * deleted, and projects added to or removed from a batch. Thin: schema, declared access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  batchProjectParams,
  batchProjectsInput,
  batchQuery,
  batchRoundDetail,
  batchRoundInput,
  batchRoundList,
  idParams,
  noContent,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import * as service from './batch.service.ts';

/** The batch routes (registered under /api/v1/batches). */
export const batchRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: 'event.read' } as const;
    const manage = { access: 'event.manage' } as const;
    const tags = ['batches'];

    app.get(
      '/',
      { config: read, schema: { tags, summary: '三个一批轮次', response: { 200: batchRoundList, ...errorResponses } } },
      (request) => service.listRounds(deps, requireActor(request)),
    );

    app.get(
      '/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '三个一批轮次详情：签约、开工、投产三批的项目、完成数和比率（截至某日）',
          params: idParams,
          querystring: batchQuery,
          response: { 200: batchRoundDetail, ...errorResponses },
        },
      },
      (request) => service.roundDetail(deps, requireActor(request), request.params.id, request.query.asOf),
    );

    app.post(
      '/',
      {
        config: manage,
        schema: {
          tags,
          summary: '新建三个一批轮次',
          body: batchRoundInput,
          response: { 201: batchRoundDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createRound(deps, requireActor(request), request.body)),
    );

    app.put(
      '/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '修改三个一批轮次',
          params: idParams,
          body: batchRoundInput,
          response: { 200: batchRoundDetail, ...errorResponses },
        },
      },
      (request) => service.updateRound(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '删除三个一批轮次',
          params: idParams,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.deleteRound(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/:id/projects',
      {
        config: manage,
        schema: {
          tags,
          summary: '向某一批加入项目（可填计划日期）',
          params: idParams,
          body: batchProjectsInput,
          response: { 200: batchRoundDetail, ...errorResponses },
        },
      },
      (request) => service.addBatchProjects(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/:id/projects/:batch/:projectId',
      {
        config: manage,
        schema: {
          tags,
          summary: '从某一批移出项目',
          params: batchProjectParams,
          response: { 200: batchRoundDetail, ...errorResponses },
        },
      },
      (request) =>
        service.removeBatchProject(
          deps,
          requireActor(request),
          request.params.id,
          request.params.projectId,
          request.params.batch,
        ),
    );
  };
