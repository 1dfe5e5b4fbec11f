/** Organisation routes: the picker's search and the registration of a new organisation. Thin: schema, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationInput, organizationList, organizationListQuery, organizationOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { createOrganization, listOrganizations } from './organization.service.ts';

/** The /organizations routes (registered under /api/v1/organizations). */
export const organizationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        config: { access: 'organization.read' },
        schema: {
          tags: ['organizations'],
          summary: '单位检索',
          querystring: organizationListQuery,
          response: { 200: organizationList, ...errorResponses },
        },
      },
      (request) => listOrganizations(deps.db, requireActor(request), request.query),
    );

    app.post(
      '/',
      {
        config: { access: 'organization.create' },
        schema: {
          tags: ['organizations'],
          summary: '登记单位',
          body: organizationInput,
          response: { 201: organizationOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOrganization(deps.db, requireActor(request), request.body)),
    );
  };
