/**
 * Request hooks: the request's language, the session behind the cookie, and CSRF protection. Every
 * state-changing API request must carry the session's CSRF token in `x-csrf-token` (login excepted,
 * which has no session yet; the SameSite cookie covers it).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '@keyprojects/core';
import { errors } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { findSession, touchSession } from './session.repository.ts';
import type { AppDeps } from '../../app.ts';

export const SESSION_COOKIE = 'kp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);
/** Write the sliding expiry at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

/** The language asked for: English when Accept-Language prefers it, Chinese otherwise. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'zh';
}

/** The signed-in actor or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

export function registerAuthHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('locale', 'zh');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    request.locale = localeOf(request);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(deps.db, token);
      if (session) {
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.actor = {
          id: session.userId,
          username: session.username,
          displayName: session.displayName,
          role: session.role,
          regionCode: session.regionCode,
          organizationId: session.organizationId,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          locale: request.locale,
        };
        if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
          await touchSession(deps.db, session.sessionId, deps.config.sessionTtlMinutes);
        }
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? request.url)) return;
    if (!request.actor) throw errors.unauthenticated();
    if (request.headers['x-csrf-token'] !== request.csrfToken) throw errors.csrf();
  });
}
