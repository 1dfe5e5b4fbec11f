/** OC4IDS open data: the visible projects as a project package, and the import of a package into the sandbox. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { oc4idsExportQuery, oc4idsImportBody, oc4idsImportResult, oc4idsPackage } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { importPackage } from './oc4ids.import.service.ts';
import { exportPackage } from './oc4ids.service.ts';

/** The /oc4ids routes (registered under /api/v1/oc4ids). */
export const oc4idsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects.json',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['oc4ids'],
          summary: '导出 OC4IDS 项目数据包（当前用户可见的项目，可用项目列表的筛选条件）',
          description:
            '按项目代码排序，不分页。没有匹配的项目时 projects 为空数组（官方 Schema 要求至少一个项目，发布前请检查）。',
          querystring: oc4idsExportQuery,
          response: { 200: oc4idsPackage, ...errorResponses },
        },
      },
      (request) =>
        exportPackage(deps.db, requireActor(request), request.query, {
          uri: `${request.protocol}://${request.host}${request.url}`,
          today: deps.clock.today(),
        }),
    );

    app.post(
      '/import',
      {
        config: { access: 'oc4ids.import' },
        schema: {
          tags: ['oc4ids'],
          summary: '导入 OC4IDS 项目数据包到开放数据沙箱（990100；仅市发改委管理员；按 OC4IDS 项目 id 幂等）',
          body: oc4idsImportBody,
          response: { 200: oc4idsImportResult, ...errorResponses },
        },
      },
      (request) => importPackage(deps.db, requireActor(request), request.body, { today: deps.clock.today() }),
    );
  };
