/**
 * Browser protections on every kind of answer (API JSON, API error, download, SPA page, static asset, 404), the
 * API's no-store, the Swagger UI behind sign-in with its JSON document public, and the body size limits.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn, type Client } from '../test/factories.ts';
import { createTestDatabase } from '../test/database.ts';
import { buildApp } from './app.ts';
import { fixedClock } from './clock.ts';
import { loadConfig } from './config.ts';
import type { Database } from './db/database.ts';

let database: Database;
let app: FastifyInstance;
let webDist: string;
let city: Client;

async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', ...env }), webDist };
  const built = await buildApp({ db: database.db, config, clock: fixedClock('2021-05-20'), demoAccounts: [] });
  await built.ready();
  return built;
}

beforeAll(async () => {
  webDist = await mkdtemp(path.join(tmpdir(), 'kp-web-'));
  await mkdir(path.join(webDist, 'assets'));
  await writeFile(
    path.join(webDist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>',
  );
  await writeFile(path.join(webDist, 'assets/index-AbC123.js'), 'console.log(1)');
  database = await createTestDatabase();
  app = await appWith({});
  city = await signIn(app, await createTestUser(database.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(async () => {
  await app.close();
  await database.close();
  await rm(webDist, { recursive: true, force: true });
});

function expectProtected(response: LightMyRequestResponse) {
  const headers = response.headers;
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  // The demo runs on plain HTTP: no HSTS there (see the COOKIE_SECURE test below).
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('security headers on every kind of answer', () => {
  it('protects API JSON, API errors, downloads and 404s, none of them cacheable', async () => {
    const answers = [
      await city.request({ method: 'GET', url: '/api/v1/auth/me' }),
      await app.inject({ method: 'GET', url: '/api/v1/projects' }),
      await city.request({ method: 'GET', url: '/api/v1/ledger/template.xlsx' }),
      await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }),
      await city.request({ method: 'POST', url: '/api/v1/projects', payload: { name: '' } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 200, 404, 400]);
    for (const response of answers) {
      expectProtected(response);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves SPA pages revalidated and hashed assets cached for a year, all protected; a missing asset is 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/dashboard' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expectProtected(page);
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectProtected(asset);
    const missing = await app.inject({ method: 'GET', url: '/assets/gone-XyZ.js' });
    expect(missing.statusCode).toBe(404);
    expectProtected(missing);
  });

  it('adds HSTS and upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE)', async () => {
    const secure = await appWith({ COOKIE_SECURE: 'true' });
    try {
      const response = await secure.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
    const plain = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});

describe('the API documentation', () => {
  it('keeps the OpenAPI JSON public, and the Swagger UI for signed-in users only', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json<{ openapi: string }>().openapi).toBe('3.1.0');
    expectProtected(json);

    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/login');
    expect((await app.inject({ method: 'GET', url: '/api/docs/static/index.html' })).statusCode).toBe(302);
    const asset = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(asset.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).statusCode).toBe(401);

    const signedIn = await city.request({ method: 'GET', url: '/api/docs' });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.body).toContain('swagger-ui');
    expectProtected(signedIn);
    expect((await city.request({ method: 'GET', url: '/api/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  });
});

describe('body size limits', () => {
  it('refuses a sign-in body over 16 KB and an ordinary JSON body over 1 MB with 413 and the catalogue message', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x'.repeat(17 * 1024), password: 'y' },
    });
    expect(login.statusCode).toBe(413);
    expect(login.json<{ error: { message: string } }>().error.message).toBe('请求体过大');
    expectProtected(login);
    const big = await city.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { name: '大'.repeat(400_000) },
    });
    expect(big.statusCode).toBe(413);
    // A bulletin template at its 20,000-character cap still fits the ordinary limit.
    const preview = await city.request({
      method: 'POST',
      url: '/api/v1/bulletins/preview',
      payload: { asOf: '2021-05-20', body: '通'.repeat(20_000) },
    });
    expect(preview.statusCode, preview.body).toBe(200);
  });
});
