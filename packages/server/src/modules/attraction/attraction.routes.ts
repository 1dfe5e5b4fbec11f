/**
 * The attraction pipeline's routes (招商): leads (list, detail, enter, edit, move, convert into a key project), the
 * six lists, the year's summary, and the xlsx exports. Thin: schema, declared access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attractionSummary,
  attractionSummaryQuery,
  idParams,
  leadConversionInput,
  leadInput,
  leadList,
  leadListQuery,
  leadMoveInput,
  leadOutput,
  sixListsOutput,
  sixListsQuery,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import {
  errorBody,
  errorResponses,
  etag,
  ifMatchHeaders,
  ifMatchVersion,
  preconditionResponses,
  sendDownload,
} from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { XLSX_MIME } from '../ledger/exports/export.http.ts';
import { exportLeads, exportSixLists } from './attraction.export.ts';
import * as service from './attraction.service.ts';

/** The attraction routes (registered under /api/v1/attraction). */
export const attractionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: 'attraction.read' } as const;
    const manage = { access: 'attraction.manage' } as const;
    const tags = ['attraction'];
    const writeResponses = { ...errorResponses, ...preconditionResponses, 409: errorBody };
    const today = () => deps.clock.today();

    app.get(
      '/leads',
      {
        config: read,
        schema: {
          tags,
          summary: '招商线索（本辖区）',
          querystring: leadListQuery,
          response: { 200: leadList, ...errorResponses },
        },
      },
      (request) => service.listLeads(deps, requireActor(request), request.query),
    );

    app.get(
      '/leads/export',
      {
        config: read,
        schema: {
          tags,
          summary: '导出招商线索（xlsx，与列表相同的筛选）',
          querystring: leadListQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportLeads(deps, requireActor(request), request.query), {
          mime: XLSX_MIME,
          fileName: `招商线索-${today()}.xlsx`,
          asciiFallback: `attraction-leads-${today()}.xlsx`,
        }),
    );

    app.get(
      '/leads/:id',
      {
        config: read,
        schema: { tags, summary: '招商线索详情', params: idParams, response: { 200: leadOutput, ...errorResponses } },
      },
      async (request, reply) => {
        const lead = await service.getLead(deps, requireActor(request), request.params.id);
        return reply.header('etag', etag(lead.version)).send(lead);
      },
    );

    app.post(
      '/leads',
      {
        config: manage,
        schema: { tags, summary: '登记招商线索', body: leadInput, response: { 201: leadOutput, ...errorResponses } },
      },
      async (request, reply) => {
        const lead = await service.createLead(deps, requireActor(request), request.body);
        return reply.status(201).header('etag', etag(lead.version)).send(lead);
      },
    );

    app.put(
      '/leads/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '修改招商线索（须带 If-Match 版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          body: leadInput,
          response: { 200: leadOutput, ...writeResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const lead = await service.updateLead(deps, actor, request.params.id, ifMatchVersion(request), request.body);
        return reply.header('etag', etag(lead.version)).send(lead);
      },
    );

    app.post(
      '/leads/:id/move',
      {
        config: manage,
        schema: {
          tags,
          summary: '推进或终止招商线索（逐级推进，须带 If-Match 版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          body: leadMoveInput,
          response: { 200: leadOutput, ...writeResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const lead = await service.moveLead(deps, actor, request.params.id, ifMatchVersion(request), request.body);
        return reply.header('etag', etag(lead.version)).send(lead);
      },
    );

    app.post(
      '/leads/:id/convert',
      {
        config: manage,
        schema: {
          tags,
          summary: '已签约线索转为重点项目（带入线索信息，须带 If-Match 版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          body: leadConversionInput,
          response: { 200: leadOutput, ...writeResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const lead = await service.convertLead(deps, actor, request.params.id, ifMatchVersion(request), request.body);
        return reply.header('etag', etag(lead.version)).send(lead);
      },
    );

    app.get(
      '/six-lists',
      {
        config: read,
        schema: {
          tags,
          summary: '六个清单（招商、开工、在建、投产、达产、技改）',
          querystring: sixListsQuery,
          response: { 200: sixListsOutput, ...errorResponses },
        },
      },
      (request) => service.sixLists(deps, requireActor(request), request.query),
    );

    app.get(
      '/six-lists/export',
      {
        config: read,
        schema: {
          tags,
          summary: '导出六个清单（xlsx，每个清单一个工作表）',
          querystring: sixListsQuery,
          produces: [XLSX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportSixLists(deps, requireActor(request), request.query), {
          mime: XLSX_MIME,
          fileName: `六个清单-${today()}.xlsx`,
          asciiFallback: `six-lists-${today()}.xlsx`,
        }),
    );

    app.get(
      '/summary',
      {
        config: read,
        schema: {
          tags,
          summary: '招商漏斗、各县区计划/签约/落地数与三个一批',
          querystring: attractionSummaryQuery,
          response: { 200: attractionSummary, ...errorResponses },
        },
      },
      (request) => service.attractionSummary(deps, requireActor(request), request.query),
    );
  };
