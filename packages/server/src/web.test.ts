/**
 * Serving the web app for a fast first paint: hashed assets sent as their precompressed brotli or gzip file with
 * a year's immutable caching, index.html revalidated, API JSON compressed on the fly, zipped downloads left alone.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
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
const script = `export const figures = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `项目${i}`))};\n`;
const asset = '/assets/DashboardPage-AbC123.js';

beforeAll(async () => {
  webDist = await mkdtemp(path.join(tmpdir(), 'kp-web-'));
  await mkdir(path.join(webDist, 'assets'));
  await writeFile(path.join(webDist, 'index.html'), `<!doctype html><script type="module" src="${asset}"></script>`);
  const file = path.join(webDist, asset);
  await writeFile(file, script);
  await writeFile(`${file}.br`, brotliCompressSync(script));
  await writeFile(`${file}.gz`, gzipSync(script));
  database = await createTestDatabase();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false' }), webDist };
  app = await buildApp({ db: database.db, config, clock: fixedClock('2021-05-20'), demoAccounts: [] });
  await app.ready();
  city = await signIn(app, await createTestUser(database.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(async () => {
  await app.close();
  await database.close();
  await rm(webDist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app’s assets', () => {
  it('sends the brotli file to a browser that accepts it, cached for a year as immutable', async () => {
    const response = await get(asset, 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, by what the client accepts', async () => {
    const gzip = await get(asset, 'gzip');
    expect([gzip.headers['content-encoding'], gzip.headers['cache-control']]).toEqual([
      'gzip',
      'public, max-age=31536000, immutable',
    ]);
    const plain = await get(asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('has index.html and client routes revalidated on every visit', async () => {
    for (const url of ['/', '/dashboard?asOf=2021-05-20']) {
      const response = await get(url, 'br');
      expect([url, response.statusCode, response.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
    }
  });
});

describe('API answers', () => {
  it('compresses JSON for clients that ask, and only for them', async () => {
    const docs = await get('/api/docs/json', 'br');
    expect(docs.headers['content-encoding']).toBe('br');
    const json = JSON.parse(brotliDecompressSync(docs.rawPayload).toString()) as { openapi: string };
    expect(json.openapi).toBe('3.1.0');
    expect((await get('/api/docs/json')).headers['content-encoding']).toBeUndefined();
  });

  it('leaves an xlsx download (already a zip) as it is', async () => {
    const response = await city.request({
      method: 'GET',
      url: '/api/v1/ledger/template.xlsx',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
