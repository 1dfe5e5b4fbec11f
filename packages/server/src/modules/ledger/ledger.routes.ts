/**
 * Excel in and out: /ledger (template, import with preview, import jobs) and /exports/{name}.xlsx. Uploads
 * are multipart, limited in size here; refused files answer 400 with a stable code and a clear message (through
 * the app's one error handler: XlsxFileError is an AppError).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ledgerImportJob as ledgerImportJobSchema,
  ledgerImportQuery,
  ledgerImportRejected,
  ledgerImportResult,
  ledgerJobParams,
  ledgerTemplateQuery,
  message,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { assertCleanText } from '../../input-guard.ts';
import { XlsxFileError } from '../../io/xlsx.errors.ts';
import { MAX_UPLOAD_BYTES } from '../../io/xlsx.limits.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { EXPORTS } from './exports/export.registry.ts';
import { XLSX_MIME, sendXlsxBuffer } from './exports/export.http.ts';
import { ImportJobs } from './import/import.jobs.ts';
import { authorizeLedgerImport, importLedger, ledgerImportJob, ledgerTemplate } from './ledger.service.ts';

/** The uploaded file's bytes (the first file part); over the size limit multipart answers 413. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file();
  if (!part) throw new XlsxFileError('file.missing');
  assertCleanText(part.filename, 'file');
  return part.toBuffer();
}

// The template and the import serve two ledgers whose permissions differ (the service checks the one of the kind
// asked for); each route declares the least of them, the one every kind requires.
const importRoutes =
  (deps: AppDeps, jobs: ImportJobs): FastifyPluginAsyncZod =>
  async (app) => {
    const calendar = { today: () => deps.clock.today(), deadlineDay: deps.config.reportDeadlineDay };
    app.get(
      '/template.xlsx',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['ledger'],
          summary: '下载台账模板：项目台账，或某报送期的月报台账（预填本账号可见项目及已填报数据）',
          description:
            'kind=projects（默认）为项目台账模板；kind=monthly-reports&year=2021&month=5 为该报送期的月报台账模板，列出月报审核台上本账号可见的本年度项目（代码、名称及已填报的数据），含下拉列表和填写说明。',
          querystring: ledgerTemplateQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const { fileName, file } = await ledgerTemplate(deps.db, requireActor(request), request.query);
        return sendXlsxBuffer(reply, fileName, file);
      },
    );

    app.post(
      '/import',
      {
        config: { access: 'report.write' },
        schema: {
          tags: ['ledger'],
          summary: '导入项目台账或月报台账：预览（dryRun=true）或一次性写入（dryRun=false，全部成功或全部不写入）',
          description:
            'multipart/form-data，字段 file 为 .xlsx。kind=projects（默认）按投资项目统一代码新建或更新项目；kind=monthly-reports 须给出 year 和 month，按项目代码填报该期月报，规则与逐项填报相同（县区、市级导入即为已审核，项目单位导入为已提交；已锁定的报送期不能修改）。重复导入不产生修改。错误逐条给出行号、列名和原因（Accept-Language: en 时为英文）。',
          consumes: ['multipart/form-data'],
          querystring: ledgerImportQuery,
          response: {
            200: ledgerImportResult,
            202: ledgerImportJobSchema,
            ...errorResponses,
            400: ledgerImportRejected,
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Refused before the upload is read.
        authorizeLedgerImport(calendar, actor, request.query);
        const file = await readUpload(request);
        const outcome = await importLedger(deps.db, calendar, jobs, actor, file, request);
        if ('job' in outcome) return reply.status(202).send(outcome.job);
        const { result } = outcome;
        if (result.dryRun || result.committed) return result;
        const text = message('import.invalid', request.locale, { count: result.summary.errors });
        return reply.status(400).send({ error: { code: 'ledger.invalid', message: text }, result });
      },
    );

    app.get(
      '/jobs/:id',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['ledger'],
          summary: '导入任务的进度与结果',
          params: ledgerJobParams,
          response: { 200: ledgerImportJobSchema, ...errorResponses },
        },
      },
      async (request) => ledgerImportJob(jobs, requireActor(request), request.params.id, request.locale),
    );
  };

const exportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const entry of EXPORTS) entry.register(app, deps);
  };

/** The ledger plugin: registered once under /api/v1. */
export const ledgerRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
    const jobs = new ImportJobs(deps.db);
    // A job still writing when the app closes would write into a closed pool: closing waits for it.
    app.addHook('onClose', () => jobs.drain());
    await app.register(importRoutes(deps, jobs), { prefix: '/ledger' });
    await app.register(exportRoutes(deps), { prefix: '/exports' });
  };
