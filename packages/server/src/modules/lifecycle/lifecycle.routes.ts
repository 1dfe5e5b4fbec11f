/**
 * The lifecycle routes: templates (list, read, create, edit with If-Match), the lifecycle settings, and a project's
 * lifecycle (view, transitions, evidence, template switch). Thin: schema, declared access, one service call.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentOutput,
  errorBody,
  errorResponses,
  idParams,
  ifMatchHeaders,
  lifecycleSettings,
  lifecycleSettingsUpdate,
  lifecycleTemplateCreate,
  lifecycleTemplateDetail,
  lifecycleTemplateList,
  lifecycleTemplateSaved,
  lifecycleTemplateSwitch,
  lifecycleTemplateUpdate,
  preconditionResponses,
  projectLifecycle,
  transitionInput,
  transitionParams,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { etag, ifMatchVersion } from '../../http.ts';
import { PHOTO_UPLOAD_LIMITS, readUploadedPhoto } from '../attachment/attachment.upload.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { getLifecycleSettings, putLifecycleSettings } from './lifecycle-settings.service.ts';
import {
  createLifecycleTemplate,
  getLifecycleTemplate,
  listLifecycleTemplates,
  updateLifecycleTemplate,
} from './lifecycle-template.service.ts';
import {
  addTransitionEvidence,
  getProjectLifecycle,
  postTransition,
  switchProjectTemplate,
} from './lifecycle.service.ts';

const tags = ['lifecycle'];

/** The /lifecycle and /projects/:id/lifecycle routes (registered under /api/v1). */
export const lifecycleRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, PHOTO_UPLOAD_LIMITS);

    app.get(
      '/lifecycle/templates',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags,
          summary: '生命周期模板（各编码的最新版本及仍有项目使用的旧版本）',
          response: { 200: lifecycleTemplateList, ...errorResponses },
        },
      },
      (request) => listLifecycleTemplates(deps.db, requireActor(request)),
    );
    app.get(
      '/lifecycle/templates/:id',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags,
          summary: '生命周期模板详情',
          params: idParams,
          response: { 200: lifecycleTemplateDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const template = await getLifecycleTemplate(deps.db, requireActor(request), request.params.id);
        return reply.header('etag', etag(template.rowVersion)).send(template);
      },
    );
    app.post(
      '/lifecycle/templates',
      {
        config: { access: 'lifecycle.configure' },
        schema: {
          tags,
          summary: '新建生命周期模板（整体校验：循环、未知环节、并行组与顺序矛盾）',
          body: lifecycleTemplateCreate,
          response: { 201: lifecycleTemplateSaved, 409: errorBody, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createLifecycleTemplate(deps.db, requireActor(request), request.body)),
    );
    app.put(
      '/lifecycle/templates/:id',
      {
        config: { access: 'lifecycle.configure' },
        schema: {
          tags,
          summary: '修改生命周期模板（须带 If-Match；已有项目使用时生成新版本，原版本留给这些项目）',
          params: idParams,
          headers: ifMatchHeaders,
          body: lifecycleTemplateUpdate,
          response: { 200: lifecycleTemplateSaved, ...preconditionResponses, ...errorResponses },
        },
      },
      (request) =>
        updateLifecycleTemplate(
          deps.db,
          requireActor(request),
          request.params.id,
          ifMatchVersion(request),
          request.body,
        ),
    );
    app.get(
      '/lifecycle/settings',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags,
          summary: '生命周期设置（补录可追溯天数）',
          response: { 200: lifecycleSettings, ...errorResponses },
        },
      },
      (request) => getLifecycleSettings(deps.db, requireActor(request)),
    );
    app.put(
      '/lifecycle/settings',
      {
        config: { access: 'lifecycle.configure' },
        schema: {
          tags,
          summary: '保存生命周期设置（version 为读取时的版本）',
          body: lifecycleSettingsUpdate,
          response: { 200: lifecycleSettings, 409: errorBody, ...errorResponses },
        },
      },
      (request) => putLifecycleSettings(deps.db, requireActor(request), request.body),
    );

    app.get(
      '/projects/:id/lifecycle',
      {
        config: { access: 'lifecycle.read' },
        schema: {
          tags,
          summary: '项目全生命周期：模板、当前阶段与环节、进展记录、可记录的下一阶段',
          params: idParams,
          response: { 200: projectLifecycle, ...errorResponses },
        },
      },
      (request) => getProjectLifecycle(deps, requireActor(request), request.params.id),
    );
    app.post(
      '/projects/:id/lifecycle/transitions',
      {
        config: { access: 'lifecycle.transition' },
        schema: {
          tags,
          summary: '记录阶段或环节进展（日期不晚于系统日期，补录不超过可追溯天数，顺序须符合模板）',
          params: idParams,
          body: transitionInput,
          response: { 201: projectLifecycle, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await postTransition(deps, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/projects/:id/lifecycle/transitions/:tid/attachments',
      {
        config: { access: 'lifecycle.transition' },
        schema: {
          tags,
          summary:
            '上传进展佐证材料（JPEG/PNG/WebP 或 PDF，不超过 5 MB；multipart 字段 photo；下载见 /attachments/:id）',
          params: transitionParams,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await readUploadedPhoto(request);
        const { id, tid } = request.params;
        return reply.status(201).send(await addTransitionEvidence(deps, actor, id, tid, file));
      },
    );
    app.put(
      '/projects/:id/lifecycle/template',
      {
        config: { access: 'lifecycle.transition' },
        schema: {
          tags,
          summary: '更换项目的生命周期模板（仅在尚未记录进展时）',
          params: idParams,
          body: lifecycleTemplateSwitch,
          response: { 200: projectLifecycle, 409: errorBody, ...errorResponses },
        },
      },
      (request) => switchProjectTemplate(deps, requireActor(request), request.params.id, request.body.templateId),
    );
  };
