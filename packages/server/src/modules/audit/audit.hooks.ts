/**
 * Audit rows for refused requests (等保 3 asks that security-relevant failures are recorded): a signed-in actor
 * answered 403 or 404 by an API route (another district's data, a role's missing permission), every CSRF
 * failure, and refusals a service marks with `auditRefusal` (e.g. a write into a locked period). The row is
 * written by the app's hook with the request's address and agent, outside the failed request's transaction
 * (which has rolled back by then), before the answer is sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type AuditActor, type AuditEntry } from './audit.repository.ts';

/** Errors a service wants on record when they refuse a request, with the row to write. */
const markedRefusals = new WeakMap<Error, AuditEntry>();

/** Marks a refusal so that, when it answers a request, the audit hook records `entry` (with the request's details). */
export function auditRefusal<E extends Error>(error: E, entry: AuditEntry): E {
  markedRefusals.set(error, entry);
  return error;
}

const failures = new WeakMap<FastifyRequest, Error>();
const MAX_URL = 500;

/** The audit row a finished request calls for, or null. */
function refusalEntry(request: FastifyRequest, status: number): AuditEntry | null {
  const error = failures.get(request);
  const details = {
    method: request.method,
    url: request.url.slice(0, MAX_URL),
    status,
    code: error instanceof AppError ? error.code : undefined,
  };
  const route = `${request.method} ${(request.routeOptions.url ?? request.url).slice(0, MAX_URL)}`;
  const marked = error ? markedRefusals.get(error) : undefined;
  if (marked) return { ...marked, after: { ...details, ...(marked.after as object | undefined) } };
  if (error instanceof AppError && error.code === 'csrf')
    return { entityType: 'request', entityId: route, action: 'csrf_failed', after: details };
  if ((status === 403 || status === 404) && request.actor && request.url.startsWith('/api/'))
    return { entityType: 'request', entityId: route, action: 'access_denied', after: details };
  return null;
}

/** Registers the hooks that audit refused requests; called once from app.ts. */
export function registerAuditHooks(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): void {
  app.addHook('onError', async (request, _reply, error) => {
    failures.set(request, error);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400) return payload;
    const entry = refusalEntry(request, reply.statusCode);
    if (!entry) return payload;
    const actor: AuditActor = request.actor ?? { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
    try {
      await recordAudit(deps.db, actor, { regionCode: request.actor?.regionCode ?? null, ...entry });
    } catch (error) {
      // The refusal stands whether or not its trace could be written; the failure is logged for operators.
      request.log.error({ err: error }, 'could not write the audit row of a refused request');
    }
    return payload;
  });
}
