/**
 * Bulletins (通报): templates (list; edit by the city administrator with If-Match), a preview of the text, and
 * the .docx and .pdf downloads. Same region scope and permission as the statistics. Thin: schema, access, one
 * service call (plus the ETag header and the file's sending).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulletinOutput,
  bulletinPreviewInput,
  bulletinQuery,
  bulletinTemplateInput,
  bulletinTemplateOutput,
  bulletinTemplatesOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorBody, errorResponses, etag, idParams, ifMatchHeaders, ifMatchVersion, sendDownload } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { DOCX_MIME } from './bulletin.docx.ts';
import { PDF_MIME } from './bulletin.pdf.ts';
import { bulletinFile, composeBulletin, listBulletinTemplates, updateBulletinTemplate } from './bulletin.service.ts';

/** The bulletin routes, registered under /api/v1/bulletins. */
export const bulletinRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/templates',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags: ['bulletins'],
          summary: '通报模板列表及可用占位符',
          response: { 200: bulletinTemplatesOutput, ...errorResponses },
        },
      },
      (request) => listBulletinTemplates(deps.db, requireActor(request)),
    );

    app.put(
      '/templates/:id',
      {
        config: { access: 'bulletin.template.edit' },
        schema: {
          tags: ['bulletins'],
          summary: '修改通报模板（市发改委管理员；须带 If-Match 版本号；未知占位符返回 400）',
          params: idParams,
          headers: ifMatchHeaders,
          body: bulletinTemplateInput,
          response: { 200: bulletinTemplateOutput, ...errorResponses, 412: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const template = await updateBulletinTemplate(
          deps.db,
          requireActor(request),
          request.params.id,
          ifMatchVersion(request),
          request.body,
        );
        return reply.header('etag', etag(template.version)).send(template);
      },
    );

    app.post(
      '/preview',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags: ['bulletins'],
          summary: '通报预览：按模板（或未保存的模板正文）生成截至某日的通报文字',
          body: bulletinPreviewInput,
          response: { 200: bulletinOutput, ...errorResponses },
        },
      },
      (request) => composeBulletin(deps.db, requireActor(request), request.body),
    );

    app.get(
      '/docx',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags: ['bulletins'],
          summary: '下载通报（Word .docx）',
          querystring: bulletinQuery,
          produces: [DOCX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const download = await bulletinFile(deps.db, requireActor(request), request.query, { kind: 'docx' });
        return sendDownload(reply, download.file, download);
      },
    );

    app.get(
      '/pdf',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags: ['bulletins'],
          summary: '下载通报（PDF）',
          description: '版式同 Word 版；服务器缺少中文字体、排版超时（20 秒）或同时生成过多时返回 503。',
          querystring: bulletinQuery,
          produces: [PDF_MIME],
          response: { ...errorResponses, 503: errorBody },
        },
      },
      async (request, reply) => {
        const format = { kind: 'pdf', fontDir: deps.config.pdfFontDir } as const;
        const download = await bulletinFile(deps.db, requireActor(request), request.query, format);
        return sendDownload(reply, download.file, download);
      },
    );
  };
