/** Monthly reports, their review, photos and the reporting periods. Thin: schema, one service call. */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, isoDate, periodParams, reportInput, reportOutput, reviewInput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { assertCleanText } from '../../input-guard.ts';
import { errorResponses, ifMatchVersion } from '../../http.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { listPeriods, upsertPeriod } from './period.repository.ts';
import { MAX_PHOTO_BYTES, addPhoto, readPhoto } from './report-photo.service.ts';
import { listReports, reportListOutput, reportListQuery } from './report-list.service.ts';
import { fileReport, getReport, reviewReport, type ReportDeps } from './report.service.ts';

const reportParams = periodParams.extend({ id: idParam });
const photoOutput = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
const periodOutput = z.object({
  year: z.number().int(),
  month: z.number().int(),
  cutoffDate: z.string(),
  deadline: z.string(),
  locked: z.boolean(),
});

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

    app.get(
      '/reports',
      {
        schema: {
          tags: ['reports'],
          summary: '月报审核台：本年度项目清单及某月填报状态',
          querystring: reportListQuery,
          response: { 200: reportListOutput, ...errorResponses },
        },
      },
      (request) => listReports(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/projects/:id/reports/:year/:month',
      {
        schema: {
          tags: ['reports'],
          summary: '项目月报',
          params: reportParams,
          response: { 200: reportOutput, ...errorResponses },
        },
      },
      (request) => getReport(deps.db, requireActor(request), ref(request.params)),
    );

    app.put(
      '/projects/:id/reports/:year/:month',
      {
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
        schema: {
          tags: ['reports'],
          summary: '上传现场照片（JPEG/PNG/WebP，不超过 5 MB；multipart 字段 photo）',
          params: reportParams,
          consumes: ['multipart/form-data'],
          response: { 201: photoOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await request.file().catch(() => undefined);
        if (!file) throw errors.invalidField('photo', 'required');
        assertCleanText(file.filename, 'photo');
        const bytes = await file.toBuffer().catch(() => Buffer.alloc(MAX_PHOTO_BYTES + 1));
        const photo = await addPhoto(deps.db, actor, ref(request.params), {
          fileName: file.filename,
          bytes,
          truncated: file.file.truncated,
        });
        return reply.status(201).send(photo);
      },
    );

    app.get(
      '/report-photos/:photoId',
      {
        schema: {
          tags: ['reports'],
          summary: '现场照片（仅对能看到该项目的用户）',
          params: z.strictObject({ photoId: idParam }),
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
        schema: {
          tags: ['reports'],
          summary: '报送期（截止日、报送期限、是否锁定）',
          querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: z.object({ items: z.array(periodOutput) }), ...errorResponses },
        },
      },
      async (request) => {
        requirePermission(requireActor(request), 'report.read');
        const rows = await listPeriods(deps.db, request.query.year);
        return {
          items: rows.map((p) => ({
            year: p.year,
            month: p.month,
            cutoffDate: p.cutoff_date,
            deadline: p.deadline,
            locked: p.locked_at !== null,
          })),
        };
      },
    );

    app.put(
      '/periods/:year/:month',
      {
        schema: {
          tags: ['reports'],
          summary: '设置报送期的统计截止日和报送期限（市发改委）',
          params: periodParams,
          body: z.strictObject({ cutoffDate: isoDate, deadline: isoDate }).refine((b) => b.deadline >= b.cutoffDate, {
            error: 'dates.order',
            path: ['deadline'],
          }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requirePermission(actor, 'period.manage');
        const { year, month } = request.params;
        if (!request.body.cutoffDate.startsWith(`${year}-${String(month).padStart(2, '0')}`)) {
          throw errors.invalidField('cutoffDate', 'date.invalid');
        }
        await deps.db.transaction().execute(async (trx) => {
          await upsertPeriod(trx, year, month, request.body.cutoffDate, request.body.deadline);
          await recordAudit(trx, actor, {
            entityType: 'period',
            entityId: `${year}-${month}`,
            action: 'update',
            after: request.body,
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
