/**
 * Browser protections on every answer (API, downloads, the SPA, static files, errors, 404): @fastify/helmet with
 * a Content-Security-Policy the built web app satisfies, no framing, no referrer, HSTS behind HTTPS; `no-store` on
 * every /api answer so no shared or browser cache keeps a figure, a ledger or a session; and the Swagger UI only
 * for signed-in users.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { errors } from './errors.ts';

/**
 * SECURITY: the policy. Scripts only from our origin (Vite emits no inline script; index.html loads one module).
 * Styles need 'unsafe-inline': Ant Design's CSS-in-JS inserts <style> elements at run time, and a nonce would need
 * a per-request index.html (the SPA is static) plus threading it through antd's ConfigProvider; with scripts
 * locked to 'self', injected CSS cannot run code. ECharts draws on canvas and exports via data:/blob: URLs, the
 * map boundary and images come from our API: img-src 'self' data: blob:.
 */
function cspDirectives(config: Pick<Config, 'cookieSecure'>) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Only behind HTTPS: on plain HTTP (the demo on localhost) it would point the browser at a port that is not there.
    ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : { upgradeInsecureRequests: null }),
  };
}

/** Registers helmet and the API's no-store; call before any route. */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // HSTS only when the app is served over HTTPS (COOKIE_SECURE says so); on HTTP browsers ignore it anyway.
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * The OpenAPI document (/api/docs/json and /yaml) stays public: it is the API's contract, not data, and outside
 * tools check it. The Swagger UI page and its assets are for signed-in users: the page sends others to /login,
 * an asset answers 401. Register after the session hook, which sets `request.actor`.
 */
export function registerDocsGate(app: FastifyInstance): void {
  const PUBLIC = new Set(['/api/docs/json', '/api/docs/yaml']);
  const PAGES = new Set(['/api/docs', '/api/docs/', '/api/docs/static/index.html']);
  app.addHook('onRequest', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url !== '/api/docs' && !url.startsWith('/api/docs/')) return;
    if (PUBLIC.has(url) || request.actor) return;
    if (PAGES.has(url)) return reply.redirect('/login');
    throw errors.unauthenticated();
  });
}
