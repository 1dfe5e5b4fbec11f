/**
 * The application as a Fastify instance built from its dependencies (database, config): used by
 * server.ts to listen, and by tests through `app.inject`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Role } from '@keyprojects/core';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { RequestValidationError, errors, handleError } from './errors.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerAuthHooks } from './modules/auth/auth.hooks.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { metaRoutes } from './modules/meta/meta.routes.ts';
import { oc4idsRoutes } from './modules/oc4ids/oc4ids.routes.ts';
import { organizationRoutes } from './modules/organization/organization.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { projectRoutes } from './modules/project/project.routes.ts';
import { regionRoutes } from './modules/region/region.routes.ts';
import { reportRoutes } from './modules/report/report.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { bulletinRoutes } from './modules/bulletin/bulletin.routes.ts';
import { userRoutes } from './modules/user/user.routes.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  /** Shown on the login page when config.demo is on. */
  demoAccounts: DemoAccount[];
}

const apiRoutes = new WeakMap<FastifyInstance, string[]>();

/** The API routes the app registered, as `METHOD /path` (the OpenAPI document must list each). */
export function apiRoutesOf(app: FastifyInstance): string[] {
  return apiRoutes.get(app) ?? [];
}

/** Builds the app; call `ready()` (or inject) before use. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  // Our own validator: keeps zod's issues (with their inputs) so the error handler can name and translate each field.
  app.setValidatorCompiler<z.ZodType>(({ schema, httpPart }) => (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'KeyProjects API',
        description: '重点项目全生命周期管理与调度平台 API。金额单位为万元（十进制字符串，精确到分）。',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuthHooks(app, deps);
  registerInputGuard(app);
  const routes: string[] = [];
  apiRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith('/api/v1'))
      for (const method of methods) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps), { prefix: '/auth' });
      await api.register(metaRoutes(deps));
      await api.register(regionRoutes(deps), { prefix: '/regions' });
      await api.register(organizationRoutes(deps), { prefix: '/organizations' });
      await api.register(userRoutes(deps), { prefix: '/users' });
      await api.register(projectRoutes(deps), { prefix: '/projects' });
      await api.register(auditRoutes(deps), { prefix: '/audit' });
      await api.register(ledgerRoutes(deps));
      await api.register(oc4idsRoutes(deps), { prefix: '/oc4ids' });
      await api.register(reportRoutes(deps));
      await api.register(statsRoutes(deps), { prefix: '/stats' });
      await api.register(bulletinRoutes(deps), { prefix: '/bulletins' });
    },
    { prefix: '/api/v1' },
  );

  registerWeb(app, deps.config.webDist);
  return app;
}

/** Serves the built SPA with a fallback to index.html for client-side routes; unknown API paths stay 404 JSON. */
function registerWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) void app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      throw errors.notFound();
    }
    return reply.sendFile('index.html');
  });
}
