/** Monthly reports, their review, photos and the reporting periods. Thin: schema, declared access, one service call. */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  periodInput,
  periodList,
  periodListQuery,
  periodParams,
  reportInput,
  reportListOutput,
  reportListQuery,
  reportOutput,
  reportParams,
  reportPhoto,
  reportPhotoParams,
  reviewInput,
} from '@keyprojects/core';
import { reportHistoryRoutes } from './report-history.routes.ts';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { assertCleanText } from '../../input-guard.ts';
import { errorResponses, ifMatchVersion, noContent } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { periodsOfYear, setPeriod } from './period.service.ts';
import { MAX_PHOTO_BYTES, addPhoto, readPhoto } from './report-photo.service.ts';
import { listReports } from './report-list.service.ts';
import { fileReport, getReport, reviewReport, type ReportDeps } from './report.service.ts';

/** The uploaded photo of a multipart request (field `photo`): its name, bytes, and whether it was cut at the limit. */
async function readUploadedPhoto(request: FastifyRequest) {
  const file = await request.file().catch(() => undefined);
  if (!file) throw errors.invalidField('photo', 'required');
  assertCleanText(file.filename, 'photo');
  const bytes = await file.toBuffer().catch(() => Buffer.alloc(MAX_PHOTO_BYTES + 1));
  return { fileName: file.filename, bytes, truncated: file.file.truncated };
}

/** The report, period and photo routes (registered under /api/v1). */
export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reportDeps: ReportDeps = {
      db: deps.db,
      today: () => deps.clock.today(),
      deadlineDay: deps.config.reportDeadlineDay,
    };
    await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 } });
    const ref = (p: { id: number; year: number; month: number }) => ({ projectId: p.id, year: p.year, month: p.month });
    // The history, withdrawal and photo deletion (their own file; the multipart parser above is shared).
    await app.register(reportHistoryRoutes(deps));

    app.get(
      '/reports',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '月报审核台：本年度项目清单及某月填报状态',
          querystring: reportListQuery,
          response: { 200: reportListOutput, ...errorResponses },
        },
      },
      (request) => listReports(deps.db, requireActor(request), request.query, deps.clock.today()),
    );

    app.get(
      '/projects/:id/reports/:year/:month',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '项目月报',
          params: reportParams,
          response: { 200: reportOutput, ...errorResponses },
        },
      },
      (request) => getReport(deps.db, requireActor(request), ref(request.params), deps.clock.today()),
    );

    app.put(
      '/projects/:id/reports/:year/:month',
      {
        config: { access: 'report.write' },
        schema: {
          tags: ['reports'],
          summary: '填报月报（保存草稿或提交；锁定期须附更正原因）',
          params: reportParams,
          body: reportInput,
          response: { 200: reportOutput, ...errorResponses },
        },
      },
      (request) => fileReport(reportDeps, requireActor(request), ref(request.params), request.body),
    );

    app.post(
      '/projects/:id/reports/:year/:month/review',
      {
        config: { access: 'report.review' },
        schema: {
          tags: ['reports'],
          summary: '审核月报：县区审核通过或退回（须写原因），市级确认；If-Match 可带所见版本，已变化则 409',
          params: reportParams,
          body: reviewInput,
          response: { 200: reportOutput, ...errorResponses },
        },
      },
      (request) =>
        reviewReport(
          reportDeps,
          requireActor(request),
          ref(request.params),
          request.body,
          request.headers['if-match'] ? ifMatchVersion(request) : undefined,
        ),
    );

    app.post(
      '/projects/:id/reports/:year/:month/photos',
      {
        config: { access: 'report.write' },
        schema: {
          tags: ['reports'],
          summary: '上传现场照片（JPEG/PNG/WebP，不超过 5 MB；multipart 字段 photo）',
          params: reportParams,
          consumes: ['multipart/form-data'],
          response: { 201: reportPhoto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const photo = await addPhoto(deps.db, actor, ref(request.params), await readUploadedPhoto(request));
        return reply.status(201).send(photo);
      },
    );

    app.get(
      '/report-photos/:photoId',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '现场照片（仅对能看到该项目的用户）',
          params: reportPhotoParams,
        },
      },
      async (request, reply) => {
        const photo = await readPhoto(deps.db, requireActor(request), request.params.photoId);
        return reply
          .header('content-type', photo.mimeType)
          .header('cache-control', 'private, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(photo.data);
      },
    );

    app.get(
      '/periods',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '报送期（截止日、报送期限、是否锁定）',
          querystring: periodListQuery,
          response: { 200: periodList, ...errorResponses },
        },
      },
      (request) => periodsOfYear(deps.db, requireActor(request), request.query.year),
    );

    app.put(
      '/periods/:year/:month',
      {
        config: { access: 'period.manage' },
        schema: {
          tags: ['reports'],
          summary: '设置报送期的统计截止日和报送期限（市发改委）',
          params: periodParams,
          body: periodInput,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await setPeriod(deps.db, requireActor(request), request.params, request.body);
        return reply.status(204).send(null);
      },
    );
  };
