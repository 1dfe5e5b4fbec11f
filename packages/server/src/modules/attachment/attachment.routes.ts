/**
 * The bytes of a visit's or inspection's photo or of a transition's or plan node's evidence, for those who may see
 * its project. Thin: schema, one call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { readSiteAttachment } from './attachment.service.ts';

/** GET /attachments/:id (registered under /api/v1). */
export const attachmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/attachments/:id',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['visits', 'inspections'],
          summary: '走访、督导照片及进展、计划节点佐证材料（仅对能看到该项目的用户）',
          params: idParams,
        },
      },
      async (request, reply) => {
        const file = await readSiteAttachment(deps.db, requireActor(request), request.params.id);
        return reply
          .header('content-type', file.mimeType)
          .header('cache-control', 'private, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      },
    );
  };
