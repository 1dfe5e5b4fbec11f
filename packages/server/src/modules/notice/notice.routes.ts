/**
 * Notices (日通报、周调度): the text of a day or of the week ending on a date, its .docx, and the templates (list;
 * edit by the city administrator with If-Match). Thin: schema, access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  noticeKindParams,
  noticeOutput,
  noticeQuery,
  noticeTemplateInput,
  noticeTemplateOutput,
  noticeTemplateParams,
  noticeTemplatesOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorBody, errorResponses, etag, ifMatchHeaders, ifMatchVersion, sendDownload } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { DOCX_MIME } from '../bulletin/bulletin.docx.ts';
import { composeNotice, listNoticeTemplates, noticeFile, updateNoticeTemplate } from './notice.service.ts';

/** The notice routes, registered under /api/v1/notices. */
export const noticeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/templates',
      {
        config: { access: 'notice.read' },
        schema: {
          tags: ['notices'],
          summary: '日通报、周调度模板及可用占位符',
          response: { 200: noticeTemplatesOutput, ...errorResponses },
        },
      },
      (request) => listNoticeTemplates(deps.db, requireActor(request)),
    );

    app.put(
      '/templates/:id',
      {
        config: { access: 'notice.template.edit' },
        schema: {
          tags: ['notices'],
          summary: '修改通报模板（市发改委管理员；须带 If-Match 版本号；未知占位符返回 400）',
          params: noticeTemplateParams,
          headers: ifMatchHeaders,
          body: noticeTemplateInput,
          response: { 200: noticeTemplateOutput, ...errorResponses, 412: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const template = await updateNoticeTemplate(
          deps.db,
          requireActor(request),
          request.params.id,
          ifMatchVersion(request),
          request.body,
        );
        return reply.header('etag', etag(template.version)).send(template);
      },
    );

    app.get(
      '/:kind',
      {
        config: { access: 'notice.read' },
        schema: {
          tags: ['notices'],
          summary: '日通报（daily，当日）或周调度（weekly，截至该日的一周）',
          params: noticeKindParams,
          querystring: noticeQuery,
          response: { 200: noticeOutput, ...errorResponses },
        },
      },
      (request) => composeNotice(deps.db, requireActor(request), request.params.kind, request.query),
    );

    app.get(
      '/:kind/docx',
      {
        config: { access: 'notice.read' },
        schema: {
          tags: ['notices'],
          summary: '下载日通报或周调度（Word .docx）',
          params: noticeKindParams,
          querystring: noticeQuery,
          produces: [DOCX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const download = await noticeFile(deps.db, requireActor(request), request.params.kind, request.query);
        return sendDownload(reply, download.file, download);
      },
    );
  };
