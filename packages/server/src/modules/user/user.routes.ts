/**
 * User accounts: service officers for pickers; for the administrators (三员分立) the list, creation,
 * display name, disable/enable, unlock and password reset (system administrator) and role assignment
 * (security administrator). Routes are thin: the services check permission, scope and the separation rules.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  grantableOrganizationList,
  grantableOrganizationQuery,
  noContent,
  officerList,
  oneTimePasswordOutput,
  roleChangeInput,
  roleChangeOutput,
  userCreateInput,
  userListOutput,
  userListQuery,
  userUpdateInput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses, idParams } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import {
  grantableOrganizations,
  listUsers,
  officersFor,
  resetPassword,
  setAccountDisabled,
  unlockAccount,
  updateAccount,
} from './user.account.service.ts';
import { changeRole, createAccount } from './user.service.ts';

const done = { 204: noContent, ...errorResponses };

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        config: { access: 'organization.read' },
        schema: {
          tags: ['users'],
          summary: '首席服务员列表',
          response: { 200: officerList, ...errorResponses },
        },
      },
      (request) => officersFor(deps.db, requireActor(request)),
    );

    app.get(
      '/',
      {
        config: { access: 'user.read' },
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
        config: { access: 'user.read' },
        schema: {
          tags: ['users'],
          summary: '可供账号选择的单位（系统管理员、安全管理员；本账号管辖区域内）',
          querystring: grantableOrganizationQuery,
          response: { 200: grantableOrganizationList, ...errorResponses },
        },
      },
      (request) => grantableOrganizations(deps.db, requireActor(request), request.query.q),
    );

    app.post(
      '/',
      {
        config: { access: 'user.manage' },
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
        config: { access: 'user.manage' },
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
          config: { access: 'user.manage' },
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
        config: { access: 'user.manage' },
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
        config: { access: 'user.manage' },
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
        config: { access: 'user.assignRole' },
        schema: {
          tags: ['users'],
          summary: '分配角色与范围（安全管理员；本账号管辖区域内）',
          params: idParams,
          body: roleChangeInput,
          response: { 200: roleChangeOutput, ...errorResponses },
        },
      },
      (request) => changeRole(deps.db, requireActor(request), request.params.id, request.body),
    );
  };
