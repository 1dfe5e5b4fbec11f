/**
 * Bulletins (通报): templates (list; edit by the city administrator with If-Match), a preview of the text, and
 * the .docx download. Same region scope and permission as the statistics. Thin: schema, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BULLETIN_PLACEHOLDERS,
  BULLETIN_PLACEHOLDER_GROUPS,
  BULLETIN_PLACEHOLDER_GROUP_KEYS,
  BULLETIN_TEMPLATE_MAX_LENGTH,
  asOfDate,
  idParam,
  regionCode,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorBody, errorResponses, etag, idParams, ifMatchVersion, sendDownload } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { DOCX_MIME, bulletinDocx } from './bulletin.docx.ts';
import { PDF_MIME } from './bulletin.pdf.ts';
import { renderBulletinPdf } from './bulletin.pdf-runner.ts';
import { handleBulletinError } from './bulletin.errors.ts';
import { composeBulletin, listBulletinTemplates, updateBulletinTemplate } from './bulletin.service.ts';
import { recordTransfer, type Transfer } from '../audit/audit.transfer.ts';

/** A bulletin file downloaded: audited as an export of business data. */
const bulletinDownload = (bulletin: { asOf: string; regionCode: string | null }, format: string): Transfer => ({
  action: 'export',
  what: `bulletin.${format}`,
  regionCode: bulletin.regionCode,
  details: { asOf: bulletin.asOf, regionCode: bulletin.regionCode },
});

const templateOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.number().int().nullable(),
});

const placeholderOutput = z.object({
  key: z.string(),
  name: z.string().meta({ description: '在模板中写作 {{名称}}' }),
  group: z.enum(BULLETIN_PLACEHOLDER_GROUP_KEYS),
  description: z.string(),
  example: z.string(),
  optional: z.boolean().meta({ description: '可能为空；为空时所在段落整段略去' }),
});

const templateBody = z.string({ error: 'required' }).max(BULLETIN_TEMPLATE_MAX_LENGTH, { error: 'text.tooLong' });
const templateInput = z.strictObject({
  name: z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(100, { error: 'text.tooLong' }),
  body: templateBody,
});

const templateId = idParam;
const bulletinQuery = z.strictObject({
  asOf: asOfDate,
  regionCode: regionCode.optional(),
  templateId: templateId.optional(),
});

const bulletinOutput = z.object({
  asOf: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  title: z.string(),
  dateLine: z.string(),
  text: z.string().meta({ description: '全文，段落之间空一行' }),
  paragraphs: z.array(z.string()),
});

/** The bulletin routes, registered under /api/v1/bulletins. */
export const bulletinRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Names every unknown placeholder in the field message; every other error goes to the app's handler.
    app.setErrorHandler(handleBulletinError);

    app.get(
      '/templates',
      {
        schema: {
          tags: ['bulletins'],
          summary: '通报模板列表及可用占位符',
          response: {
            200: z.object({
              items: z.array(templateOutput),
              placeholders: z.array(placeholderOutput),
              groups: z.record(z.string(), z.string()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        items: await listBulletinTemplates(deps.db, requireActor(request)),
        placeholders: [...BULLETIN_PLACEHOLDERS],
        groups: BULLETIN_PLACEHOLDER_GROUPS,
      }),
    );

    app.put(
      '/templates/:id',
      {
        schema: {
          tags: ['bulletins'],
          summary: '修改通报模板（市发改委管理员；须带 If-Match 版本号；未知占位符返回 400）',
          params: idParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: templateInput,
          response: { 200: templateOutput, ...errorResponses, 412: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const template = await updateBulletinTemplate(
          deps.db,
          actor,
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
        schema: {
          tags: ['bulletins'],
          summary: '通报预览：按模板（或未保存的模板正文）生成截至某日的通报文字',
          body: bulletinQuery.extend({ body: templateBody.optional() }),
          response: { 200: bulletinOutput, ...errorResponses },
        },
      },
      (request) => composeBulletin(deps.db, requireActor(request), request.body),
    );

    app.get(
      '/docx',
      {
        schema: {
          tags: ['bulletins'],
          summary: '下载通报（Word .docx）',
          querystring: bulletinQuery,
          produces: [DOCX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const bulletin = await composeBulletin(deps.db, requireActor(request), request.query);
        await recordTransfer(deps.db, request.actor, bulletinDownload(bulletin, 'docx'));
        return sendDownload(reply, await bulletinDocx(bulletin), {
          mime: DOCX_MIME,
          fileName: `${bulletin.title}-${bulletin.asOf}.docx`,
          asciiFallback: `bulletin-${bulletin.asOf}.docx`,
        });
      },
    );

    app.get(
      '/pdf',
      {
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
        const bulletin = await composeBulletin(deps.db, requireActor(request), request.query);
        await recordTransfer(deps.db, request.actor, bulletinDownload(bulletin, 'pdf'));
        return sendDownload(reply, await renderBulletinPdf(bulletin, deps.config.pdfFontDir), {
          mime: PDF_MIME,
          fileName: `${bulletin.title}-${bulletin.asOf}.pdf`,
          asciiFallback: `bulletin-${bulletin.asOf}.pdf`,
        });
      },
    );
  };
