/**
 * User accounts: service officers for pickers; for the administrators (三员分立) the list, creation,
 * display name, disable/enable, unlock and password reset (system administrator) and role assignment
 * (security administrator). Routes are thin: the services check permission, scope and the separation rules.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  oneTimePasswordOutput,
  roleChangeInput,
  userCreateInput,
  userListOutput,
  userListQuery,
  userUpdateInput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses, idParams } from '../../http.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { homeRegionCondition } from '../../db/scope.ts';
import {
  grantableOrganizations,
  listUsers,
  resetPassword,
  setAccountDisabled,
  unlockAccount,
  updateAccount,
} from './user.account.service.ts';
import { changeRole, createAccount } from './user.service.ts';

const done = { 204: z.null().describe('已完成'), ...errorResponses };

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        schema: {
          tags: ['users'],
          summary: '首席服务员列表',
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.number().int(), displayName: z.string(), regionCode: z.string().nullable() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requirePermission(actor, 'organization.read');
        // Only officers the actor may pair with its projects (based in its scope or above it).
        const items = await deps.db
          .selectFrom('users')
          .leftJoin('organizations', 'organizations.id', 'users.organization_id')
          .select(['users.id', 'users.display_name as displayName', 'users.region_code as regionCode'])
          .where('users.role', '=', 'service_officer')
          .where('users.disabled', '=', false)
          .where((eb) =>
            homeRegionCondition(eb, actor, eb.fn.coalesce('users.region_code', 'organizations.region_code')),
          )
          .orderBy('users.display_name')
          .execute();
        return { items };
      },
    );

    app.get(
      '/',
      {
        schema: {
          tags: ['users'],
          summary: '用户列表（系统管理员、安全管理员；本账号管辖区域内）',
          querystring: userListQuery,
          response: { 200: userListOutput, ...errorResponses },
        },
      },
      (request) => listUsers(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/organizations',
      {
        schema: {
          tags: ['users'],
          summary: '可供账号选择的单位（系统管理员、安全管理员；本账号管辖区域内）',
          querystring: z.strictObject({ q: z.string().trim().max(100, { error: 'text.tooLong' }).optional() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.number().int(), name: z.string(), kind: z.string(), regionCode: z.string() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      (request) => grantableOrganizations(deps.db, requireActor(request), request.query.q),
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['users'],
          summary: '新建用户（系统管理员；至多县区发改局人员，返回一次性密码）',
          body: userCreateInput,
          response: { 201: oneTimePasswordOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAccount(deps.db, requireActor(request), request.body)),
    );

    app.patch(
      '/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改用户姓名（系统管理员）',
          params: idParams,
          body: userUpdateInput,
          response: done,
        },
      },
      async (request, reply) => {
        await updateAccount(deps.db, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    for (const [path, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/:id/${path}`,
        {
          schema: {
            tags: ['users'],
            summary: disabled ? '停用账号（系统管理员）' : '启用账号（系统管理员）',
            params: idParams,
            response: done,
          },
        },
        async (request, reply) => {
          await setAccountDisabled(deps.db, requireActor(request), request.params.id, disabled);
          return reply.status(204).send(null);
        },
      );
    }

    app.post(
      '/:id/unlock',
      {
        schema: { tags: ['users'], summary: '解除登录锁定（系统管理员）', params: idParams, response: done },
      },
      async (request, reply) => {
        await unlockAccount(deps.db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/:id/reset-password',
      {
        schema: {
          tags: ['users'],
          summary: '重置密码（系统管理员；返回一次性密码，首次登录须修改）',
          params: idParams,
          response: { 200: oneTimePasswordOutput, ...errorResponses },
        },
      },
      (request) => resetPassword(deps.db, requireActor(request), request.params.id),
    );

    app.patch(
      '/:id/role',
      {
        schema: {
          tags: ['users'],
          summary: '分配角色与范围（安全管理员；本账号管辖区域内）',
          params: idParams,
          body: roleChangeInput,
          response: {
            200: z.object({
              role: z.string(),
              regionCode: z.string().nullable(),
              organizationId: z.number().int().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      (request) => changeRole(deps.db, requireActor(request), request.params.id, request.body),
    );
  };
