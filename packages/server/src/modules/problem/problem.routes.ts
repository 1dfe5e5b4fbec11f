/**
 * The problem list's routes: list, raise, detail, actions, attachments, the xlsx export, and the league table.
 * Thin: core schemas, declared access, one service call (plus the download's headers).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBody,
  idParams,
  problemActionBody,
  problemAttachment,
  problemAttachmentParams,
  problemCreateBody,
  problemDetail,
  problemLeague,
  problemLeagueQuery,
  problemList,
  problemListQuery,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { errorResponses, sendDownload } from '../../http.ts';
import { assertCleanText } from '../../input-guard.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { XLSX_MIME } from '../ledger/exports/export.http.ts';
import { actOnProblem } from './problem.action.ts';
import { exportLeague, exportProblems } from './problem.export.ts';
import { problemLeague as leagueOf } from './problem.league.service.ts';
import {
  MAX_ATTACHMENT_BYTES,
  addAttachment,
  getProblem,
  listProblems,
  raiseProblem,
  readAttachment,
} from './problem.service.ts';

/** The uploaded file of a multipart request (field `file`). */
async function readUploadedFile(request: FastifyRequest) {
  const file = await request.file().catch(() => undefined);
  if (!file) throw errors.invalidField('file', 'problem.attachmentMissing');
  assertCleanText(file.filename, 'file');
  const bytes = await file.toBuffer().catch(() => Buffer.alloc(MAX_ATTACHMENT_BYTES + 1));
  return { fileName: file.filename, bytes, truncated: file.file.truncated };
}

const conflict = { 409: errorBody };

/** The /problems routes (registered under /api/v1/problems). */
export const problemRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } });
    const today = () => deps.clock.today();

    app.get(
      '/',
      {
        config: { access: 'problem.read' },
        schema: {
          tags: ['problems'],
          summary: '问题清单（全部 / 任务清单按时限 / 责任清单按单位）',
          querystring: problemListQuery,
          response: { 200: problemList, ...errorResponses },
        },
      },
      (request) => listProblems(deps, requireActor(request), request.query),
    );

    app.post(
      '/',
      {
        config: { access: 'problem.work' },
        schema: {
          tags: ['problems'],
          summary: '提出问题（发改部门可同时交办责任单位）',
          body: problemCreateBody,
          response: { 201: problemDetail, ...conflict, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await raiseProblem(deps, requireActor(request), request.body)),
    );

    app.get(
      '/export',
      {
        config: { access: 'problem.read' },
        schema: {
          tags: ['problems'],
          summary: '导出问题清单（xlsx，与列表相同的筛选，忽略分页）',
          querystring: problemListQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportProblems(deps, requireActor(request), request.query), {
          mime: XLSX_MIME,
          fileName: `问题清单-${today()}.xlsx`,
          asciiFallback: `problems-${today()}.xlsx`,
        }),
    );

    app.get(
      '/league',
      {
        config: { access: 'league.read' },
        schema: {
          tags: ['problems'],
          summary: '责任单位排行（期间内交办的问题）',
          querystring: problemLeagueQuery,
          response: { 200: problemLeague, ...errorResponses },
        },
      },
      (request) => leagueOf(deps, requireActor(request), request.query),
    );

    app.get(
      '/league/export',
      {
        config: { access: 'league.read' },
        schema: {
          tags: ['problems'],
          summary: '导出责任单位排行（xlsx）',
          querystring: problemLeagueQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportLeague(deps, requireActor(request), request.query), {
          mime: XLSX_MIME,
          fileName: `责任单位排行-${today()}.xlsx`,
          asciiFallback: `problem-league-${today()}.xlsx`,
        }),
    );

    app.get(
      '/:id',
      {
        config: { access: 'problem.read' },
        schema: {
          tags: ['problems'],
          summary: '问题详情（时限倒计时、办理记录、附件、可执行的操作）',
          params: idParams,
          response: { 200: problemDetail, ...errorResponses },
        },
      },
      (request) => getProblem(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/:id/actions',
      {
        config: { access: 'problem.work' },
        schema: {
          tags: ['problems'],
          summary: '办理问题：交办、受理、退回、报告进展、办结、验收销号、验收不通过、重新打开',
          params: idParams,
          body: problemActionBody,
          response: { 200: problemDetail, ...conflict, ...errorResponses },
        },
      },
      (request) => actOnProblem(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/:id/attachments',
      {
        config: { access: 'problem.work' },
        schema: {
          tags: ['problems'],
          summary: '上传附件（JPEG/PNG/PDF，不超过 10 MB；multipart 字段 file）',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: problemAttachment, ...conflict, ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await readUploadedFile(request);
        return reply.status(201).send(await addAttachment(deps, requireActor(request), request.params.id, file));
      },
    );

    app.get(
      '/:id/attachments/:attachmentId',
      {
        config: { access: 'problem.read' },
        schema: { tags: ['problems'], summary: '下载附件（仅对能看到该问题的用户）', params: problemAttachmentParams },
      },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const file = await readAttachment(deps, requireActor(request), id, attachmentId);
        return sendDownload(reply.header('x-content-type-options', 'nosniff'), file.data, {
          mime: file.mimeType,
          fileName: file.fileName,
          asciiFallback: `attachment-${attachmentId}`,
        });
      },
    );
  };
