/**
 * Milestone plan routes (registered under /api/v1): a project's plan, generating it backwards from a target date,
 * saving and approving the draft (If-Match on its row version; ETag answers carry the draft's), a node's progress
 * and evidence (multipart upload),
 * and the cross-project lists (this week's tasks, this month's nodes, overdue; re-planned projects).
 * Thin: core schemas, declared access, one service call.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentOutput,
  planDraftBody,
  planGenerateBody,
  planNodeParams,
  planNodeProgressBody,
  planNodesOutput,
  planNodesQuery,
  projectPlanOutput,
  projectPlanQuery,
  replannedOutput,
  replannedQuery,
  type ProjectPlanOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import {
  errorBody,
  errorResponses,
  etag,
  idParams,
  ifMatchHeaders,
  ifMatchVersion,
  preconditionResponses,
} from '../../http.ts';
import { PHOTO_UPLOAD_LIMITS, readUploadedPhoto } from '../attachment/attachment.upload.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { addNodeEvidence } from './plan-evidence.service.ts';
import { approvePlan, generatePlan, recordNodeProgress, saveDraft } from './plan.edit.service.ts';
import { getProjectPlan, listPlanNodes, listReplanned } from './plan.service.ts';

const writeResponses = { ...errorResponses, ...preconditionResponses, 409: errorBody };

/** The plan with the draft's row version as its ETag (what the next If-Match names), when there is a draft. */
function sendPlan(reply: FastifyReply, plan: ProjectPlanOutput, status = 200) {
  if (plan.draft) void reply.header('etag', etag(plan.draft.rowVersion));
  return reply.status(status).send(plan);
}

export const planRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, PHOTO_UPLOAD_LIMITS);

    app.get(
      '/projects/:id/plan',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['plans'],
          summary: '项目里程碑计划（当前批准版、草稿、基线、各版本，逐节点对基线和最新计划的延误）',
          params: idParams,
          querystring: projectPlanQuery,
          response: { 200: projectPlanOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        sendPlan(reply, await getProjectPlan(deps, requireActor(request), request.params.id, request.query)),
    );

    app.post(
      '/projects/:id/plan/generate',
      {
        config: { access: 'plan.edit' },
        schema: {
          tags: ['plans'],
          summary: '按目标日期倒排工期生成计划草稿（已有批准计划时为重新编制，须填原因）',
          params: idParams,
          body: planGenerateBody,
          response: { 201: projectPlanOutput, ...writeResponses },
        },
      },
      async (request, reply) =>
        sendPlan(reply, await generatePlan(deps, requireActor(request), request.params.id, request.body), 201),
    );

    app.put(
      '/projects/:id/plan/draft',
      {
        config: { access: 'plan.edit' },
        schema: {
          tags: ['plans'],
          summary: '保存计划草稿（整体替换节点；须带 If-Match 草稿版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          body: planDraftBody,
          response: { 200: projectPlanOutput, ...writeResponses },
        },
      },
      async (request, reply) =>
        sendPlan(
          reply,
          await saveDraft(deps, requireActor(request), request.params.id, ifMatchVersion(request), request.body),
        ),
    );

    app.post(
      '/projects/:id/plan/approve',
      {
        config: { access: 'plan.approve' },
        schema: {
          tags: ['plans'],
          summary: '批准计划草稿（首个批准版为基线；须带 If-Match 草稿版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          response: { 200: projectPlanOutput, ...writeResponses },
        },
      },
      async (request, reply) =>
        sendPlan(reply, await approvePlan(deps, requireActor(request), request.params.id, ifMatchVersion(request))),
    );

    app.put(
      '/projects/:id/plan/nodes/:key/progress',
      {
        config: { access: 'plan.edit' },
        schema: {
          tags: ['plans'],
          summary: '填报节点实际开始、完成日期和状态（当前批准计划；不晚于系统日期）',
          params: planNodeParams,
          body: planNodeProgressBody,
          response: { 200: projectPlanOutput, ...writeResponses },
        },
      },
      async (request, reply) => {
        const { id, key } = request.params;
        return sendPlan(reply, await recordNodeProgress(deps, requireActor(request), id, key, request.body));
      },
    );

    app.post(
      '/projects/:id/plan/nodes/:key/attachments',
      {
        config: { access: 'plan.edit' },
        schema: {
          tags: ['plans'],
          summary:
            '上传节点佐证材料（当前批准计划；JPEG/PNG/WebP 或 PDF，不超过 5 MB；multipart 字段 photo；下载见 /attachments/:id）',
          params: planNodeParams,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await readUploadedPhoto(request);
        const { id, key } = request.params;
        return reply.status(201).send(await addNodeEvidence(deps, actor, id, key, file));
      },
    );

    app.get(
      '/plans/nodes',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['plans'],
          summary: '节点清单：本周任务、本月节点或逾期节点（按区域、责任单位）',
          querystring: planNodesQuery,
          response: { 200: planNodesOutput, ...errorResponses },
        },
      },
      (request) => listPlanNodes(deps, requireActor(request), request.query),
    );

    app.get(
      '/plans/replanned',
      {
        config: { access: 'plan.read' },
        schema: {
          tags: ['plans'],
          summary: '调整过计划的项目（基线与最新目标日期、移动天数、最近原因）',
          querystring: replannedQuery,
          response: { 200: replannedOutput, ...errorResponses },
        },
      },
      (request) => listReplanned(deps, requireActor(request), request.query),
    );
  };
