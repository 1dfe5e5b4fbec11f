/**
 * Project library routes: thin — schema, declared access, one service call (the service checks the permission).
 * The list is answered from the answer cache while the data version stands, with an ETag (answer-cache.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditHistory,
  projectCreateInput,
  projectListOutput,
  projectListQuery,
  projectOutput,
  projectUpdateInput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import {
  errorResponses,
  etag,
  idParams,
  ifMatchHeaders,
  ifMatchVersion,
  noContent,
  preconditionResponses,
} from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { AnswerCache, answerKey, scopeKeyOf, sendCachedAnswer } from '../cache/answer-cache.ts';
import { projectAuditHistory } from '../audit/audit.service.ts';
import * as service from './project.service.ts';

const writeResponses = { ...errorResponses, ...preconditionResponses };

export const projectRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const cache = new AnswerCache();
    app.get(
      '/',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['projects'],
          summary: '项目列表（按权限范围、筛选、排序、分页；带 ETag，数据未变时 If-None-Match 得 304）',
          querystring: projectListQuery,
          response: { 200: projectListOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const key = answerKey('projects.list', scopeKeyOf(actor, deps.clock.today()), request.query);
        await sendCachedAnswer({ db: deps.db, cache, request, reply }, key, projectListOutput, (db) =>
          service.listProjects(db, actor, request.query),
        );
      },
    );

    app.post(
      '/',
      {
        config: { access: 'project.create' },
        schema: {
          tags: ['projects'],
          summary: '新建项目',
          body: projectCreateInput,
          response: { 201: projectOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await service.createProject(deps.db, requireActor(request), request.body);
        return reply.status(201).header('etag', etag(project.version)).send(project);
      },
    );

    app.get(
      '/:id',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['projects'],
          summary: '项目详情',
          params: idParams,
          response: { 200: projectOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await service.getProject(deps.db, requireActor(request), request.params.id);
        return reply.header('etag', etag(project.version)).send(project);
      },
    );

    app.patch(
      '/:id',
      {
        config: { access: 'project.update' },
        schema: {
          tags: ['projects'],
          summary: '修改项目（须带 If-Match 版本号；annualPlans、fundingSources 为整体替换）',
          params: idParams,
          headers: ifMatchHeaders,
          body: projectUpdateInput,
          response: { 200: projectOutput, ...writeResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const project = await service.updateProject(
          deps.db,
          actor,
          request.params.id,
          ifMatchVersion(request),
          request.body,
          deps.clock.today(),
        );
        return reply.header('etag', etag(project.version)).send(project);
      },
    );

    app.delete(
      '/:id',
      {
        config: { access: 'project.delete' },
        schema: {
          tags: ['projects'],
          summary: '删除项目（软删除，须带 If-Match 版本号）',
          params: idParams,
          headers: ifMatchHeaders,
          response: { 204: noContent, ...writeResponses },
        },
      },
      async (request, reply) => {
        await service.deleteProject(deps.db, requireActor(request), request.params.id, ifMatchVersion(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/:id/audit',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['projects'],
          summary: '项目变更记录',
          params: idParams,
          response: { 200: auditHistory, ...errorResponses },
        },
      },
      (request) => projectAuditHistory(deps.db, requireActor(request), request.params.id, deps.clock.today()),
    );
  };
