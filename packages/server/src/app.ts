/**
 * The application as a Fastify instance built from its dependencies (database, config): used by
 * server.ts to listen, and by tests through `app.inject`.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from './deps.ts';
import { RequestValidationError, handleError } from './errors.ts';
import type { RouteAccess } from './http.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerDocsGate, registerSecurityHeaders } from './security-headers.ts';
import { registerCompression, registerWeb } from './web.ts';
import { registerAuthHooks } from './modules/auth/auth.hooks.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { demoAccountsRoutes } from './modules/auth/demo-accounts.routes.ts';
import { boundaryRoutes } from './modules/meta/boundary.routes.ts';
import { environmentRoutes } from './modules/meta/environment.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuditHooks } from './modules/audit/audit.hooks.ts';
import { registerReadYourWrites } from './modules/cache/read-replica.ts';
import { metaRoutes } from './modules/meta/meta.routes.ts';
import { oc4idsRoutes } from './modules/oc4ids/oc4ids.routes.ts';
import { organizationRoutes } from './modules/organization/organization.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { projectRoutes } from './modules/project/project.routes.ts';
import { regionRoutes } from './modules/region/region.routes.ts';
import { reportRoutes } from './modules/report/report.routes.ts';
import { reportDeskRoutes } from './modules/report/report-desk.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { bulletinRoutes } from './modules/bulletin/bulletin.routes.ts';
import { meetingRoutes } from './modules/meeting/meeting.routes.ts';
import { noticeRoutes } from './modules/notice/notice.routes.ts';
import { dispatchRoutes } from './modules/dispatch/dispatch.routes.ts';
import { spiRoutes } from './modules/spi/spi.routes.ts';
import { problemRoutes } from './modules/problem/problem.routes.ts';
import { userRoutes } from './modules/user/user.routes.ts';
import { warningRoutes } from './modules/warning/warning.routes.ts';
import { notificationRoutes } from './modules/notification/notification.routes.ts';
import { attachmentRoutes } from './modules/attachment/attachment.routes.ts';
import { visitRoutes } from './modules/visit/visit.routes.ts';
import { inspectionRoutes } from './modules/inspection/inspection.routes.ts';
import { planRoutes } from './modules/plan/plan.routes.ts';
import { lifecycleRoutes } from './modules/lifecycle/lifecycle.routes.ts';
import { reserveRoutes } from './modules/reserve/reserve.routes.ts';
import { eventRoutes } from './modules/event/event.routes.ts';
import { fundingRoutes } from './modules/funding/funding.routes.ts';
import { financingRoutes } from './modules/financing/financing.routes.ts';
import { batchRoutes } from './modules/batch/batch.routes.ts';
import { rankingRoutes } from './modules/ranking/ranking.routes.ts';
import { attractionRoutes } from './modules/attraction/attraction.routes.ts';

/**
 * Request body limits (413 with the catalogue's message beyond them): sign-in and account forms are a few fields,
 * ordinary JSON (a project, a report, a bulletin template of 20,000 characters) fits in 1 MB, an OC4IDS package
 * may be larger. Multipart uploads (ledgers, photos) set their own file-size limits in their plugins.
 */
const BODY_LIMITS = { small: 16 * 1024, json: 1024 * 1024, package: 2 * 1024 * 1024 } as const;
const SMALL_BODY_PREFIXES = ['/api/v1/auth/', '/api/v1/users'];

function bodyLimitFor(url: string): number {
  if (url === '/api/v1/oc4ids/import') return BODY_LIMITS.package;
  return SMALL_BODY_PREFIXES.some((prefix) => url.startsWith(prefix)) ? BODY_LIMITS.small : BODY_LIMITS.json;
}

/** An API route as registered: what the route-table test checks (declared access, schemas from core). */
export interface ApiRoute {
  method: string;
  url: string;
  config: { access?: RouteAccess } | undefined;
  schema: FastifySchema | undefined;
}

const apiRoutes = new WeakMap<FastifyInstance, ApiRoute[]>();

/** The API routes the app registered, as `METHOD /path` (the OpenAPI document must list each). */
export function apiRoutesOf(app: FastifyInstance): string[] {
  return apiRouteOptionsOf(app).map((route) => `${route.method} ${route.url}`);
}

/** The API routes the app registered, with the options each declared. */
export function apiRouteOptionsOf(app: FastifyInstance): ApiRoute[] {
  return apiRoutes.get(app) ?? [];
}

/** Builds the app; call `ready()` (or inject) before use. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMITS.json,
  }).withTypeProvider<ZodTypeProvider>();
  await registerSecurityHeaders(app, deps.config);
  await registerCompression(app);

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
  registerAuditHooks(app, deps);
  registerReadYourWrites(app, deps);
  registerInputGuard(app);
  registerDocsGate(app);
  const routes: ApiRoute[] = [];
  apiRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= bodyLimitFor(route.url);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith('/api/v1'))
      for (const method of methods)
        if (method !== 'HEAD') routes.push({ method, url: route.url, config: route.config, schema: route.schema });
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps), { prefix: '/auth' });
      // Outside the demo the route does not exist at all (404), rather than answering an empty list.
      if (deps.config.demo && !deps.config.production)
        await api.register(demoAccountsRoutes(deps), { prefix: '/auth' });
      await api.register(environmentRoutes(deps));
      await api.register(metaRoutes(deps));
      await api.register(boundaryRoutes(deps), { prefix: '/meta' });
      await api.register(regionRoutes(deps), { prefix: '/regions' });
      await api.register(organizationRoutes(deps), { prefix: '/organizations' });
      await api.register(userRoutes(deps), { prefix: '/users' });
      await api.register(projectRoutes(deps), { prefix: '/projects' });
      await api.register(auditRoutes(deps), { prefix: '/audit' });
      await api.register(ledgerRoutes(deps));
      await api.register(oc4idsRoutes(deps), { prefix: '/oc4ids' });
      await api.register(reportRoutes(deps));
      await api.register(reportDeskRoutes(deps));
      await api.register(statsRoutes(deps), { prefix: '/stats' });
      await api.register(bulletinRoutes(deps), { prefix: '/bulletins' });
      await api.register(warningRoutes(deps));
      await api.register(notificationRoutes(deps), { prefix: '/notifications' });
      await api.register(attachmentRoutes(deps));
      await api.register(visitRoutes(deps));
      await api.register(inspectionRoutes(deps));
      await api.register(meetingRoutes(deps), { prefix: '/meetings' });
      await api.register(noticeRoutes(deps), { prefix: '/notices' });
      await api.register(problemRoutes(deps), { prefix: '/problems' });
      await api.register(dispatchRoutes(deps), { prefix: '/dispatch' });
      await api.register(planRoutes(deps));
      await api.register(lifecycleRoutes(deps));
      await api.register(spiRoutes(deps));
      await api.register(reserveRoutes(deps), { prefix: '/reserve' });
      await api.register(eventRoutes(deps), { prefix: '/events' });
      await api.register(batchRoutes(deps), { prefix: '/batches' });
      await api.register(rankingRoutes(deps), { prefix: '/rankings' });
      await api.register(attractionRoutes(deps), { prefix: '/attraction' });
      await api.register(fundingRoutes(deps), { prefix: '/funding' });
      await api.register(financingRoutes(deps), { prefix: '/financing' });
    },
    { prefix: '/api/v1' },
  );

  registerWeb(app, deps.config.webDist);
  return app;
}
