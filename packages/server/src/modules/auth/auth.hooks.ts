/**
 * Request hooks: the request's language, the session behind the cookie, and CSRF protection. Every
 * state-changing API request must carry the session's CSRF token in `x-csrf-token` (the sign-in steps
 * excepted, which have no session yet; the SameSite cookie covers them). A session that must change its
 * password or enrol a second factor may use only the few routes that let it do so.
 *
 * A signed-in request reads the data and auth versions in one round trip: the auth version validates the
 * instance's cached session (session-cache.ts), and the data version is kept on the request for the answer
 * cache, so a cached list or dashboard costs that one small query.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '@keyprojects/core';
import { errors } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { findSession, hashToken, touchSession, type SessionUser } from './session.repository.ts';
import { SessionCache } from './session-cache.ts';
import { readVersions } from '../cache/data-version.repository.ts';
import { sessionGates, type SessionGates } from './session-gates.ts';
import type { AppDeps } from '../../deps.ts';

export const SESSION_COOKIE = 'kp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/login/code']);
/** What a session may still do while a password change or a second-factor enrolment is due. */
const GATE_EXEMPT = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/logout',
  '/api/v1/auth/password',
  '/api/v1/auth/mfa/enrol',
  '/api/v1/auth/mfa/confirm',
]);
/** Write the sliding expiry at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    sessionGates: SessionGates | null;
    /** The data version read with the session (signed-in API requests), for the answer cache; null otherwise. */
    dataVersion: bigint | null;
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

/** Registers the request decorations and the hook that resolves the session, checks CSRF and the gates. */
export function registerAuthHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('locale', 'zh');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionGates', null);
  app.decorateRequest('dataVersion', null);
  const sessions = deps.sessionCache ?? new SessionCache();

  /** The live session behind the token: this instance's copy while the auth version stands, else the database's. */
  async function sessionOf(request: FastifyRequest, token: string): Promise<SessionUser | null> {
    const versions = await readVersions(deps.db);
    request.dataVersion = versions.data;
    const cached = sessions.get(hashToken(token), versions.auth);
    if (cached) return cached;
    const found = await findSession(deps.db, token, deps.config);
    if (found) sessions.set(found, versions.auth);
    return found;
  }

  app.addHook('onRequest', async (request) => {
    request.locale = localeOf(request);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await sessionOf(request, token);
      if (session) {
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.sessionGates = sessionGates(session, deps.config.mfaEnforce);
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
          sessions.touched(session.sessionId, new Date());
        }
      }
    }
    const route = request.routeOptions.url ?? request.url;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(route)) {
      if (!request.actor) throw errors.unauthenticated();
      if (request.headers['x-csrf-token'] !== request.csrfToken) throw errors.csrf();
    }
    const gates = request.sessionGates;
    if (gates && !GATE_EXEMPT.has(route)) {
      if (gates.passwordChangeRequired) throw errors.passwordChangeRequired();
      if (gates.mfaEnrollmentRequired) throw errors.mfaEnrollmentRequired();
    }
  });
}
