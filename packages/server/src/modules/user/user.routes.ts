/** User accounts: service officers for pickers; listing, creation and role changes for the administrators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, idSchema, regionCode } from '@keyprojects/core';
import type { AppDeps } from '../../app.ts';
import { errorResponses, idParams } from '../../http.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { changeRole, createUser } from './user.service.ts';

const userOutput = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  disabled: z.boolean(),
});

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
        requirePermission(requireActor(request), 'organization.read');
        const items = await deps.db
          .selectFrom('users')
          .select(['id', 'display_name as displayName', 'region_code as regionCode'])
          .where('role', '=', 'service_officer')
          .where('disabled', '=', false)
          .orderBy('display_name')
          .execute();
        return { items };
      },
    );

    app.get(
      '/',
      {
        schema: {
          tags: ['users'],
          summary: '用户列表（系统管理员、安全管理员）',
          response: { 200: z.object({ items: z.array(userOutput) }), ...errorResponses },
        },
      },
      async (request) => {
        requirePermission(requireActor(request), 'user.read');
        const rows = await deps.db
          .selectFrom('users')
          .select([
            'id',
            'username',
            'display_name as displayName',
            'role',
            'region_code as regionCode',
            'organization_id as organizationId',
            'disabled',
          ])
          .orderBy('id')
          .execute();
        return { items: rows };
      },
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['users'],
          summary: '新建用户（系统管理员）',
          body: z.strictObject({
            username: z
              .string()
              .trim()
              .regex(/^[a-zA-Z0-9._-]{3,40}$/),
            displayName: z.string().trim().min(1).max(50),
            password: z.string().min(1).max(128),
            role: z.enum(ROLES),
            regionCode: regionCode.nullish(),
            organizationId: idSchema.nullish(),
          }),
          response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requirePermission(actor, 'user.manage');
        const id = await createUser(deps.db, actor, request.body);
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/:id/role',
      {
        schema: {
          tags: ['users'],
          summary: '分配角色（安全管理员）',
          params: idParams,
          body: z.strictObject({
            role: z.enum(ROLES),
            regionCode: regionCode.nullish(),
            organizationId: idSchema.nullish(),
          }),
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
      async (request) => {
        const actor = requireActor(request);
        requirePermission(actor, 'user.assignRole');
        return changeRole(deps.db, actor, request.params.id, request.body);
      },
    );
  };
