/**
 * A project's report history, withdrawing a submitted report and deleting a photo (issue #12 item 6). Thin:
 * schema, declared access, one service call. Registered by report.routes.ts under /api/v1.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  reportHistoryOutput,
  reportHistoryQuery,
  reportOutput,
  reportParams,
  reportPhotoDeleteParams,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses, ifMatchVersion, noContent } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { deletePhoto } from './report-photo.service.ts';
import { getReportHistory } from './report-history.service.ts';
import { withdrawReport } from './report-withdraw.service.ts';

/** The history, withdraw and photo-delete routes. */
export const reportHistoryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => deps.clock.today();

    app.get(
      '/projects/:id/report-history',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '项目月报历史：本年度累计完成曲线（对照年度计划序时进度）、各月报表状态、照片和更正记录',
          params: idParams,
          querystring: reportHistoryQuery,
          response: { 200: reportHistoryOutput, ...errorResponses },
        },
      },
      (request) => getReportHistory({ db: deps.db, today }, requireActor(request), request.params.id, request.query),
    );

    app.post(
      '/projects/:id/reports/:year/:month/withdraw',
      {
        config: { access: 'report.write' },
        schema: {
          tags: ['reports'],
          summary: '撤回已提交、尚未审核的月报（回到草稿）；If-Match 可带所见版本，已审核或已变化则 409',
          params: reportParams,
          response: { 200: reportOutput, ...errorResponses },
        },
      },
      (request) =>
        withdrawReport(
          { db: deps.db, today },
          requireActor(request),
          { projectId: request.params.id, year: request.params.year, month: request.params.month },
          request.headers['if-match'] ? ifMatchVersion(request) : undefined,
        ),
    );

    app.delete(
      '/projects/:id/reports/:year/:month/photos/:photoId',
      {
        config: { access: 'report.write' },
        schema: {
          tags: ['reports'],
          summary: '删除现场照片（报表市级确认前；确认或锁定后 409）',
          params: reportPhotoDeleteParams,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id, year, month, photoId } = request.params;
        await deletePhoto(deps.db, requireActor(request), { projectId: id, year, month, photoId });
        return reply.status(204).send(null);
      },
    );
  };
