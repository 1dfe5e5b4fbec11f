/**
 * Contract pieces every API route shares: the one error body (`{ error: { code, message, fields? } }`), the error
 * responses a route declares beside its 200, and the `/:id` path parameters. The server's http.ts re-exports them.
 */
import { z } from 'zod';
import { idParam } from './id.ts';

/** The body of every error answer; `fields` maps a field path to its message in the reader's language. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.output<typeof errorBody>;

/** The error answers any route may give; spread them into a route's `response` beside its success schema. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
} as const;

/** The answers of a versioned write: 412 when If-Match names an old version, 428 when it is missing. */
export const preconditionResponses = { 412: errorBody, 428: errorBody } as const;

/** The answer of a write that returns nothing (204). */
export const noContent = z.null().describe('已完成');

/** Path parameters of a route on one record: `/:id`. */
export const idParams = z.strictObject({ id: idParam });
export type IdParams = z.output<typeof idParams>;
export type IdParamsJson = z.input<typeof idParams>;

/** The headers of a versioned write: If-Match names the version the client read (`"3"`). */
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
