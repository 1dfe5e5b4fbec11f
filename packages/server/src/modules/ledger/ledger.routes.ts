/**
 * Excel in and out: /ledger (template, import with preview, import jobs) and /exports/{name}.xlsx. Uploads
 * are multipart, limited in size here; refused files answer 400 with a stable code and a clear message.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ledgerMessage } from '@keyprojects/core';
import type { AppDeps } from '../../app.ts';
import { errors, handleError } from '../../errors.ts';
import { errorBody, errorResponses } from '../../http.ts';
import { XlsxFileError } from '../../io/xlsx.errors.ts';
import { MAX_UPLOAD_BYTES } from '../../io/xlsx.limits.ts';
import { inspectXlsx } from '../../io/zip.inspect.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { EXPORTS } from './export.registry.ts';
import { XLSX_MIME, sendXlsxBuffer } from './export.http.ts';
import { ImportJobs } from './ledger.jobs.ts';
import { importJob, importResult } from './ledger.schema.ts';
import { authorizeProjectImport, buildProjectTemplate, importProjectLedger } from './ledger.service.ts';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

const importQuery = z.strictObject({
  dryRun: flag('true').meta({ description: 'true：只预览不写入（默认）；false：全部写入或全部不写入' }),
  async: flag('false').meta({ description: 'true：作为后台任务执行，返回 202 与任务 id，轮询 /ledger/jobs/{id}' }),
});

const rejectedImport = errorBody.extend({ result: importResult.optional() });

/** Refused files answer in the API's error shape with their own code; everything else goes to the one handler. */
function ledgerErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof XlsxFileError) {
    return reply.status(400).send({ error: { code: error.code, message: error.localized(request.locale) } });
  }
  return handleError(error, request, reply);
}

/** The uploaded file's bytes (the first file part); over the size limit multipart answers 413. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file();
  if (!part) throw new XlsxFileError('file.missing');
  return part.toBuffer();
}

const importRoutes =
  (deps: AppDeps, jobs: ImportJobs): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/template.xlsx',
      {
        schema: {
          tags: ['ledger'],
          summary: '下载项目台账模板（含下拉列表和填写说明）',
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const file = await buildProjectTemplate(deps.db, requireActor(request));
        return sendXlsxBuffer(reply, '项目台账模板.xlsx', file);
      },
    );

    app.post(
      '/import',
      {
        schema: {
          tags: ['ledger'],
          summary: '导入项目台账：预览（dryRun=true）或一次性写入（dryRun=false，全部成功或全部不写入）',
          description:
            'multipart/form-data，字段 file 为 .xlsx。按投资项目统一代码新建或更新项目，重复导入不产生修改。错误逐条给出行号、列名和原因（Accept-Language: en 时为英文）。',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importResult, 202: importJob, ...errorResponses, 400: rejectedImport },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorizeProjectImport(actor);
        const file = await readUpload(request);
        const options = { dryRun: request.query.dryRun, locale: request.locale };
        if (request.query.async) {
          // Hostile files are refused now, not inside the job.
          await inspectXlsx(file);
          const job = jobs.start(actor.id, request.locale, (onProgress) =>
            importProjectLedger(deps.db, actor, file, { ...options, onProgress }),
          );
          return reply.status(202).send(job);
        }
        const result = await importProjectLedger(deps.db, actor, file, options);
        if (result.dryRun || result.committed) return result;
        const text = ledgerMessage('import.invalid', request.locale, { count: result.summary.errors });
        return reply.status(400).send({ error: { code: 'ledger.invalid', message: text }, result });
      },
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          tags: ['ledger'],
          summary: '导入任务的进度与结果',
          params: z.strictObject({ id: z.uuid() }),
          response: { 200: importJob, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requirePermission(actor, 'project.read');
        const job = jobs.get(actor.id, request.params.id);
        if (!job) throw errors.notFound();
        return job;
      },
    );
  };

const exportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const entry of EXPORTS) entry.register(app, deps.db);
  };

/** The ledger plugin: registered once under /api/v1. */
export const ledgerRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
    app.setErrorHandler(ledgerErrorHandler);
    const jobs = new ImportJobs();
    await app.register(importRoutes(deps, jobs), { prefix: '/ledger' });
    await app.register(exportRoutes(deps), { prefix: '/exports' });
  };
