/**
 * Sign-in (one step, or two with a second factor), sign-out, the current user, the change of one's own
 * password and the authenticator enrolment (the demo accounts are demo-accounts.routes.ts, in demo mode only).
 * Routes are thin: the services answer; the routes set and clear the session cookie.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  changePasswordBodySchema,
  loginBodySchema,
  loginCodeBodySchema,
  loginResultSchema,
  noContent,
  sessionSchema,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { changePassword, currentSession, login, loginWithCode, logout, type OpenedSession } from './auth.service.ts';
import { SESSION_COOKIE, requireActor } from './auth.hooks.ts';
import { mfaRoutes } from './mfa.routes.ts';

/** Where a sign-in comes from, for the throttle and the audit trail. */
const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Sets the cookie of the session a sign-in opened; answers with the session. */
    const openSession = (opened: OpenedSession, reply: FastifyReply) => {
      void reply.setCookie(SESSION_COOKIE, opened.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
      });
      return opened.session;
    };

    app.post(
      '/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: '登录（账号已绑定动态口令时返回第二步凭据）',
          body: loginBodySchema,
          response: { 200: loginResultSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await login(deps, { ...request.body, ...clientOf(request) });
        return result.token === null ? result.challenge : openSession(result, reply);
      },
    );

    app.post(
      '/login/code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: '登录第二步：提交动态口令',
          body: loginCodeBodySchema,
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        openSession(await loginWithCode(deps, { ...request.body, ...clientOf(request) }), reply),
    );

    app.post(
      '/logout',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['auth'], summary: '退出登录', response: { 204: noContent, ...errorResponses } },
      },
      async (request, reply) => {
        await logout(deps.db, requireActor(request), request.sessionId);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/password',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['auth'],
          summary: '修改本人密码（其他会话随之结束）',
          body: changePasswordBodySchema,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await changePassword(deps.db, requireActor(request), request.sessionId ?? '', request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['auth'], summary: '当前用户', response: { 200: sessionSchema, ...errorResponses } },
      },
      (request) =>
        currentSession(deps, requireActor(request), { csrfToken: request.csrfToken, gates: request.sessionGates }),
    );

    await app.register(mfaRoutes(deps), { prefix: '/mfa' });
  };
