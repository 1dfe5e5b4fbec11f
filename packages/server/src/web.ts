/**
 * Serving the built web app fast: hashed assets cached for a year and sent as the brotli or gzip file written at
 * build time (packages/web/vite.config.ts), index.html revalidated, and API answers compressed on the fly.
 *
 * Why precompressed rather than @fastify/compress for the assets: measured on this app's build (2.8 MB of JS and
 * CSS), brotli at quality 11 gives 820 KB against 949 KB for gzip and 955 KB for brotli at quality 4 (the
 * plugin's on-the-fly setting), and costs nothing per request, where on-the-fly compression spent about 0.3–0.45 s
 * of CPU for every cold visit's assets. API answers change with every request, so they are compressed as they go.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errors } from './errors.ts';

/** What every hashed asset is cached for: Vite names them by content, so a new release has new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** How API answers are compressed: also what cached answers are kept compressed with (answer-cache.ts). */
export const API_COMPRESSION = { threshold: 1024, brotliQuality: 4 } as const;

/**
 * Compresses API answers (JSON above 1 KB) for clients that ask, brotli at a fast quality first; files already
 * encoded (the precompressed assets) and downloads of zipped formats (xlsx, docx) pass through as they are.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: API_COMPRESSION.threshold,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: API_COMPRESSION.brotliQuality } },
    // Static files choose their own precompressed variant.
    customTypes: /^(application\/json|text\/(html|plain|csv|css|javascript)|image\/svg\+xml)/,
  });
}

/**
 * Serves the built SPA with a fallback to index.html for client-side routes; unknown API paths and missing
 * hashed assets stay 404. Assets are cached for a year; index.html (and the favicon) are revalidated so a new
 * release is picked up at once.
 */
export function registerWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  const assets = path.join(webDist, 'assets') + path.sep;
  if (hasWeb)
    void app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      // foo.js.br / foo.js.gz beside foo.js, chosen by Accept-Encoding (with Vary), written at build time.
      preCompressed: true,
      setHeaders: (reply, file) => {
        void reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : 'no-cache');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    const spaRoute = hasWeb && (request.method === 'GET' || request.method === 'HEAD');
    if (!spaRoute || request.url.startsWith('/api/') || request.url.startsWith('/assets/')) throw errors.notFound();
    return reply.sendFile('index.html');
  });
}
