/**
 * Warning routes: the list, its export and the dashboard's summary, a project's warnings, the evaluation on demand,
 * and the presets (list, switch per region, store a custom one). Thin: schema, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  projectWarnings,
  warningEvaluation,
  warningList,
  warningListQuery,
  warningPreset,
  warningPresetBody,
  warningPresetList,
  warningPresetSwitch,
  warningSummary,
  warningSummaryQuery,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { prepareExport } from '../ledger/exports/export.definition.ts';
import { readerFor } from '../cache/read-replica.ts';
import { sendXlsx, XLSX_MIME } from '../ledger/exports/export.http.ts';
import { warningsExport } from './warning.export.ts';
import * as service from './warning.service.ts';

/** The warning routes (registered under /api/v1). */
export const warningRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/warnings',
      {
        config: { access: 'warning.read' },
        schema: {
          tags: ['warnings'],
          summary: '预警列表',
          querystring: warningListQuery,
          response: { 200: warningList, ...errorResponses },
        },
      },
      (request) => service.listWarnings(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/warnings/summary',
      {
        config: { access: 'warning.read' },
        schema: {
          tags: ['warnings'],
          summary: '预警统计（按等级、规则、县区）',
          querystring: warningSummaryQuery,
          response: { 200: warningSummary, ...errorResponses },
        },
      },
      (request) => service.warningSummary(deps.db, requireActor(request), deps.clock, request.query),
    );

    app.get(
      '/warnings/export',
      {
        config: { access: 'warning.read' },
        schema: {
          tags: ['warnings'],
          summary: '导出预警列表（xlsx，与列表相同的筛选条件）',
          querystring: warningListQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { db } = await readerFor(deps, request, reply);
        const write = await prepareExport(warningsExport, db, actor, request.query);
        return sendXlsx(reply, `${warningsExport.fileName}-${deps.clock.today()}.xlsx`, write);
      },
    );

    app.post(
      '/warnings/evaluate',
      {
        config: { access: 'warning.evaluate' },
        schema: {
          tags: ['warnings'],
          summary: '立即按应用日期评估预警',
          response: { 200: warningEvaluation, ...errorResponses },
        },
      },
      (request) => service.evaluateNow(deps.db, requireActor(request), deps.clock),
    );

    app.get(
      '/projects/:id/warnings',
      {
        config: { access: 'warning.read' },
        schema: {
          tags: ['warnings'],
          summary: '项目预警（当前与历史）',
          params: idParams,
          response: { 200: projectWarnings, ...errorResponses },
        },
      },
      (request) => service.projectWarnings(deps.db, requireActor(request), request.params.id),
    );

    app.get(
      '/warning-presets',
      {
        config: { access: 'warning.read' },
        schema: {
          tags: ['warnings'],
          summary: '预警标准及各区划启用情况',
          response: { 200: warningPresetList, ...errorResponses },
        },
      },
      (request) => service.listPresets(deps.db, requireActor(request)),
    );

    app.put(
      '/warning-presets/active',
      {
        config: { access: 'warning.configure' },
        schema: {
          tags: ['warnings'],
          summary: '切换区划启用的预警标准',
          body: warningPresetSwitch,
          response: { 200: warningPresetList, ...errorResponses },
        },
      },
      (request) => service.switchPreset(deps.db, requireActor(request), request.body),
    );

    app.post(
      '/warning-presets',
      {
        config: { access: 'warning.configure' },
        schema: {
          tags: ['warnings'],
          summary: '保存自定义预警标准（整体校验，逐字段报错）',
          body: warningPresetBody,
          response: { 201: warningPreset, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.storePreset(deps.db, requireActor(request), request.body)),
    );
  };
