/** Shared pieces of the HTTP layer: the error body schema for OpenAPI and the If-Match version. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from './errors.ts';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
} as const;

export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The version named by If-Match (`"3"`, `W/"3"` or `3`); 428 when missing, 412 when it is not a version. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw errors.versionRequired();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw errors.versionConflict();
  return Number(match[1]);
}

export const etag = (version: number) => `"${version}"`;
