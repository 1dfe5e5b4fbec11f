/**
 * Shared pieces of the HTTP layer: what a route declares it requires (RouteAccess), the error body schemas (from core),
 * the If-Match version, file downloads.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '@keyprojects/core';
import { errors } from './errors.ts';

/**
 * What a route requires, declared in its options as `config: { access }`: a permission of core's POLICIES, any
 * signed-in user ('signedIn'), or no one ('public'). The service still checks it; the declaration lets a test walk
 * the route table and refuse a route that declares nothing.
 */
export type RouteAccess = Permission | 'signedIn' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

// The shared contract pieces live in core (common.contract.ts); routes keep importing them from here.
export {
  errorBody,
  errorResponses,
  idParams,
  ifMatchHeaders,
  noContent,
  preconditionResponses,
} from '@keyprojects/core';

/** The version named by If-Match (`"3"`, `W/"3"` or `3`); 428 when missing, 412 when it is not a version. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw errors.versionRequired();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw errors.versionConflict();
  return Number(match[1]);
}

export const etag = (version: number) => `"${version}"`;

/**
 * Content-Disposition for a download: an ASCII name for old clients (non-ASCII characters replaced, or the
 * fallback given) and the UTF-8 name (RFC 5987) that browsers use, so 项目台账.xlsx keeps its Chinese name.
 */
export function attachment(fileName: string, asciiFallback: string = fileName): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file held in memory as a download. */
export function sendDownload(
  reply: FastifyReply,
  file: Buffer,
  download: { mime: string; fileName: string; asciiFallback?: string },
): FastifyReply {
  return reply
    .header('content-type', download.mime)
    .header('content-disposition', attachment(download.fileName, download.asciiFallback))
    .send(file);
}
