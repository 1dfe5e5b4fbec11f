/** The review desk's batch decision, filing progress and reminders. Thin: schema, declared access, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  filingProgressOutput,
  filingProgressQuery,
  reportBatchInput,
  reportBatchResult,
  reportReminderInput,
  reportReminderResult,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { batchReview } from './report-batch.service.ts';
import { filingProgressOf, remindUnfiled } from './report-progress.service.ts';
import type { ReportDeps } from './report.service.ts';

/** The review desk's routes (registered under /api/v1). */
export const reportDeskRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reportDeps: ReportDeps = {
      db: deps.db,
      today: () => deps.clock.today(),
      deadlineDay: deps.config.reportDeadlineDay,
    };

    app.post(
      '/reports/batch-review',
      {
        config: { access: 'report.review' },
        schema: {
          tags: ['reports'],
          summary: '批量审核通过或市级确认：所选月报或当前筛选的全部（逐份检查、逐份留痕，未通过的不影响其他）',
          body: reportBatchInput,
          response: { 200: reportBatchResult, ...errorResponses },
        },
      },
      (request) => batchReview(reportDeps, requireActor(request), request.body),
    );

    app.get(
      '/reports/progress',
      {
        config: { access: 'report.read' },
        schema: {
          tags: ['reports'],
          summary: '各区县报送进度：应报、已报、已审核、已确认、未报、逾期报送',
          querystring: filingProgressQuery,
          response: { 200: filingProgressOutput, ...errorResponses },
        },
      },
      (request) => filingProgressOf(reportDeps, requireActor(request), request.query),
    );

    app.post(
      '/reports/reminders',
      {
        config: { access: 'report.review' },
        schema: {
          tags: ['reports'],
          summary: '催报：提醒本期未报送的项目单位（每个单位每期每天一次）',
          body: reportReminderInput,
          response: { 200: reportReminderResult, ...errorResponses },
        },
      },
      (request) => remindUnfiled(reportDeps, requireActor(request), request.body),
    );
  };
