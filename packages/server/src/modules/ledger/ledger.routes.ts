/**
 * Excel in and out: /ledger (template, import with preview, import jobs) and /exports/{name}.xlsx. Uploads
 * are multipart, limited in size here; refused files answer 400 with a stable code and a clear message.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { message } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors, handleError } from '../../errors.ts';
import { errorBody, errorResponses } from '../../http.ts';
import { assertCleanText } from '../../input-guard.ts';
import { XlsxFileError } from '../../io/xlsx.errors.ts';
import { MAX_UPLOAD_BYTES } from '../../io/xlsx.limits.ts';
import { inspectXlsx } from '../../io/zip.inspect.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { EXPORTS } from './exports/export.registry.ts';
import { XLSX_MIME, sendXlsxBuffer } from './exports/export.http.ts';
import { ImportJobs } from './import/import.jobs.ts';
import type { ImportProgress } from './import/import.pipeline.ts';
import { importJob, importResult } from './ledger.schema.ts';
import {
  LEDGER_KINDS,
  authorizeProjectImport,
  authorizeReportImport,
  buildProjectTemplate,
  buildReportTemplate,
  importProjectLedger,
  importReportLedger,
  type ReportPeriod,
} from './ledger.service.ts';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

/** Which ledger, and for monthly reports the reporting period (required then, a field-level 400 otherwise). */
const kindFields = {
  kind: z.enum(LEDGER_KINDS).default('projects').meta({
    description: '台账类型：projects 项目台账（默认）；monthly-reports 月报台账（须同时给出 year 和 month）',
  }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '月报台账的报送年度' }),
  month: z.coerce
    .number()
    .int()
    .min(1, { error: 'report.period' })
    .max(12, { error: 'report.period' })
    .optional()
    .meta({ description: '月报台账的报送月份（1–12）' }),
};
function requirePeriod(
  value: { kind: string; year?: number | undefined; month?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.kind !== 'monthly-reports') return;
  for (const field of ['year', 'month'] as const) {
    if (value[field] === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: [field] });
  }
}
/** The period of a monthly-report request (the schema made year and month required for that kind). */
function periodOf(query: { year?: number | undefined; month?: number | undefined }): ReportPeriod {
  return { year: query.year ?? 0, month: query.month ?? 0 };
}

const templateQuery = z.strictObject(kindFields).superRefine(requirePeriod);

const importQuery = z
  .strictObject({
    dryRun: flag('true').meta({ description: 'true：只预览不写入（默认）；false：全部写入或全部不写入' }),
    async: flag('false').meta({ description: 'true：作为后台任务执行，返回 202 与任务 id，轮询 /ledger/jobs/{id}' }),
    ...kindFields,
  })
  .superRefine(requirePeriod);

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
  assertCleanText(part.filename, 'file');
  return part.toBuffer();
}

const importRoutes =
  (deps: AppDeps, jobs: ImportJobs): FastifyPluginAsyncZod =>
  async (app) => {
    const calendar = { today: () => deps.clock.today(), deadlineDay: deps.config.reportDeadlineDay };
    app.get(
      '/template.xlsx',
      {
        schema: {
          tags: ['ledger'],
          summary: '下载台账模板：项目台账，或某报送期的月报台账（预填本账号可见项目及已填报数据）',
          description:
            'kind=projects（默认）为项目台账模板；kind=monthly-reports&year=2021&month=5 为该报送期的月报台账模板，列出月报审核台上本账号可见的本年度项目（代码、名称及已填报的数据），含下拉列表和填写说明。',
          querystring: templateQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.query.kind === 'projects') {
          return sendXlsxBuffer(reply, '项目台账模板.xlsx', await buildProjectTemplate(deps.db, actor));
        }
        const period = periodOf(request.query);
        const file = await buildReportTemplate(deps.db, actor, period);
        return sendXlsxBuffer(reply, `月报台账模板-${period.year}年${period.month}月.xlsx`, file);
      },
    );

    app.post(
      '/import',
      {
        schema: {
          tags: ['ledger'],
          summary: '导入项目台账或月报台账：预览（dryRun=true）或一次性写入（dryRun=false，全部成功或全部不写入）',
          description:
            'multipart/form-data，字段 file 为 .xlsx。kind=projects（默认）按投资项目统一代码新建或更新项目；kind=monthly-reports 须给出 year 和 month，按项目代码填报该期月报，规则与逐项填报相同（县区、市级导入即为已审核，项目单位导入为已提交；已锁定的报送期不能修改）。重复导入不产生修改。错误逐条给出行号、列名和原因（Accept-Language: en 时为英文）。',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importResult, 202: importJob, ...errorResponses, 400: rejectedImport },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { kind } = request.query;
        const period = periodOf(request.query);
        if (kind === 'projects') authorizeProjectImport(actor);
        else authorizeReportImport(calendar, actor, period);
        const file = await readUpload(request);
        const options = { dryRun: request.query.dryRun, locale: request.locale };
        const run = (onProgress?: (progress: ImportProgress) => void) =>
          kind === 'projects'
            ? importProjectLedger(deps.db, actor, file, { ...options, onProgress })
            : importReportLedger(deps.db, calendar, actor, file, { ...options, onProgress, period });
        if (request.query.async) {
          // Hostile files are refused now, not inside the job.
          await inspectXlsx(file);
          const job = jobs.start(actor.id, request.locale, run);
          return reply.status(202).send(job);
        }
        const result = await run();
        if (result.dryRun || result.committed) return result;
        const text = message('import.invalid', request.locale, { count: result.summary.errors });
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
