/** Sign-in, sign-out and the current user (the demo accounts are demo-accounts.routes.ts, in demo mode only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@keyprojects/core';
import type { AppDeps } from '../../app.ts';
import { login, logout } from './auth.service.ts';
import { SESSION_COOKIE, requireActor } from './auth.hooks.ts';
import { errorResponses } from '../../http.ts';

const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  organizationName: z.string().nullable(),
});
const sessionOutput = z.object({
  user: currentUser,
  csrfToken: z.string(),
  today: z.iso.date().meta({ description: '系统当日（演示模式下为固定日期），用于默认的报送期和统计截止日' }),
});

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const loadUser = async (userId: number) => {
      const row = await deps.db
        .selectFrom('users as u')
        .leftJoin('regions as r', 'r.code', 'u.region_code')
        .leftJoin('organizations as o', 'o.id', 'u.organization_id')
        .select([
          'u.id',
          'u.username',
          'u.display_name as displayName',
          'u.role',
          'u.region_code as regionCode',
          'r.name as regionName',
          'u.organization_id as organizationId',
          'o.name as organizationName',
        ])
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow();
      return currentUser.parse(row);
    };

    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录',
          body: z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(128) }),
          response: { 200: sessionOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = await login(deps.db, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          ttlMinutes: deps.config.sessionTtlMinutes,
        });
        void reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.cookieSecure,
        });
        return { user: await loadUser(session.userId), csrfToken: session.csrfToken, today: deps.clock.today() };
      },
    );

    app.post(
      '/logout',
      { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.sessionId) await logout(deps.db, request.sessionId, actor);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['auth'], summary: '当前用户', response: { 200: sessionOutput, ...errorResponses } } },
      async (request) => {
        const actor = requireActor(request);
        return { user: await loadUser(actor.id), csrfToken: request.csrfToken ?? '', today: deps.clock.today() };
      },
    );
  };
