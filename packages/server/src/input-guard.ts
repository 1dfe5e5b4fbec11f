/**
 * One rule for every request: no NUL (U+0000) and no lone surrogate in any string the app reads — headers, path
 * parameters, query and JSON body (keys included). PostgreSQL cannot store NUL in text and refuses it with an
 * error, and a lone surrogate is no Unicode text at all; both used to reach the database and answer 500. Checked
 * here, before any schema or service, they answer 400 naming the field and change nothing. Multipart parts are
 * streamed later, so their routes check file names with `assertCleanText`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findForbiddenText, hasForbiddenCharacters } from '@keyprojects/core';
import { errors } from './errors.ts';

/** Throws the 400 naming the first field of `value` holding a forbidden character (`fallback` if it is the value). */
function refuse(value: unknown, fallback: string): void {
  const path = findForbiddenText(value);
  if (path) throw errors.invalidField(path.length > 0 ? path.join('.') : fallback, 'text.forbiddenCharacters');
}

/** Throws the 400 naming `field` when a text read outside the request's parsed parts (a file name) is bad. */
export function assertCleanText(text: string, field: string): void {
  if (hasForbiddenCharacters(text)) throw errors.invalidField(field, 'text.forbiddenCharacters');
}

function checkRouting(request: FastifyRequest): void {
  refuse(request.headers, 'headers');
  refuse(request.params, 'params');
  refuse(request.query, 'query');
}

/**
 * Registers the guard: headers, params and query as soon as the request is routed (before a handler or a
 * session lookup could use them), the body once it is parsed and before it is validated.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => checkRouting(request));
  app.addHook('preValidation', async (request) => refuse(request.body, 'body'));
}
