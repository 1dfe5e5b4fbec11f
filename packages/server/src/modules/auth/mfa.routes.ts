/** Enrolment of a TOTP authenticator by the signed-in user: a seed to scan, then a code to confirm it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mfaConfirmBodySchema, mfaEnrolmentSchema, noContent } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from './auth.hooks.ts';
import { confirmEnrolment, startEnrolment } from './mfa.service.ts';

export const mfaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/enrol',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['auth'],
          summary: '开始绑定动态口令（生成密钥与二维码地址）',
          response: { 200: mfaEnrolmentSchema, ...errorResponses },
        },
      },
      async (request) => startEnrolment(deps.db, deps.config.secretKey, requireActor(request)),
    );

    app.post(
      '/confirm',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['auth'],
          summary: '以一个动态口令确认绑定',
          body: mfaConfirmBodySchema,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await confirmEnrolment(deps.db, deps.config.secretKey, requireActor(request), request.body.code);
        return reply.status(204).send(null);
      },
    );
  };
