/**
 * Sign-in (one step, or two with a second factor), sign-out, the current user, the change of one's own
 * password and the authenticator enrolment (the demo accounts are demo-accounts.routes.ts, in demo mode only).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  changePasswordBodySchema,
  currentUserSchema,
  loginBodySchema,
  loginCodeBodySchema,
  loginResultSchema,
  sessionSchema,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { changePassword, login, loginWithCode, logout, type LoginResult } from './auth.service.ts';
import { SESSION_COOKIE, requireActor, sessionGates } from './auth.hooks.ts';
import { mfaRoutes } from './mfa.routes.ts';
import { findSession } from './session.repository.ts';
import { errorResponses } from '../../http.ts';

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
      return currentUserSchema.parse(row);
    };

    /** Sets the cookie of a new session and answers with the session (or the challenge of a second step). */
    const answer = async (result: LoginResult, reply: FastifyReply) => {
      if (result.kind === 'challenge') return { mfaRequired: true as const, challenge: result.challenge };
      const session = await findSession(deps.db, result.token, deps.config);
      if (!session) throw new Error('a session just opened was not found');
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
      });
      return {
        user: await loadUser(result.userId),
        csrfToken: result.csrfToken,
        today: deps.clock.today(),
        ...sessionGates(session, deps.config.mfaEnforce),
      };
    };

    const client = (request: { ip: string; headers: { 'user-agent'?: string } }) => ({
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });

    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录（账号已绑定动态口令时返回第二步凭据）',
          body: loginBodySchema,
          response: { 200: loginResultSchema, ...errorResponses },
        },
      },
      async (request, reply) => answer(await login(deps, { ...request.body, ...client(request) }), reply),
    );

    app.post(
      '/login/code',
      {
        schema: {
          tags: ['auth'],
          summary: '登录第二步：提交动态口令',
          body: loginCodeBodySchema,
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await answer(await loginWithCode(deps, { ...request.body, ...client(request) }), reply);
        return sessionSchema.parse(result);
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

    app.post(
      '/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改本人密码（其他会话随之结束）',
          body: changePasswordBodySchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await changePassword(deps.db, requireActor(request), request.sessionId ?? '', request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['auth'], summary: '当前用户', response: { 200: sessionSchema, ...errorResponses } } },
      async (request) => {
        const actor = requireActor(request);
        return {
          user: await loadUser(actor.id),
          csrfToken: request.csrfToken ?? '',
          today: deps.clock.today(),
          passwordChangeRequired: request.sessionGates?.passwordChangeRequired ?? false,
          mfaEnrollmentRequired: request.sessionGates?.mfaEnrollmentRequired ?? false,
          mfaEnabled: request.sessionGates?.mfaEnabled ?? false,
        };
      },
    );

    await app.register(mfaRoutes(deps), { prefix: '/mfa' });
  };
