/**
 * One error shape for the whole API: `{ error: { code, message, fields? } }`. Errors are made by the
 * factories below with a stable code and a message key; the handler translates them for the request's
 * language and never leaks internals of a 5xx.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { en as zodEn, zhCN as zodZh } from 'zod/locales';
import {
  BULLETIN_FIELD_LABELS,
  PROJECT_FIELD_LABELS,
  isMessageKey,
  message,
  type Label,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '@keyprojects/core';

/** A field's message: a catalogue key, with the parameters its text names (a row, a placeholder …) when it has any. */
export type FieldMessage = MessageKey | { key: MessageKey; params: MessageParams };

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    /** Field path → message, for validation errors found by the services (e.g. an unknown region). */
    readonly fields?: Record<string, FieldMessage>,
    /** Parameters of the message's text (`{limit}`, `{name}` …). */
    readonly params: MessageParams = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const errors = {
  invalidField: (field: string, key: MessageKey, params?: MessageParams) =>
    new AppError(400, 'validation', 'error.validation', { [field]: params ? { key, params } : key }),
  invalidFields: (fields: Record<string, FieldMessage>) => new AppError(400, 'validation', 'error.validation', fields),
  unauthenticated: (key: MessageKey = 'error.unauthenticated') => new AppError(401, 'unauthenticated', key),
  forbidden: (key: MessageKey = 'error.forbidden') => new AppError(403, 'forbidden', key),
  csrf: () => new AppError(403, 'csrf', 'error.csrf'),
  notFound: () => new AppError(404, 'notFound', 'error.notFound'),
  versionConflict: () => new AppError(412, 'versionConflict', 'error.versionConflict'),
  /** Another request changed the same record first (a lost race, a duplicate insert): reload and retry. */
  conflict: (key: MessageKey = 'error.conflict') => new AppError(409, 'conflict', key),
  versionRequired: () => new AppError(428, 'versionRequired', 'error.versionRequired'),
  locked: () => new AppError(429, 'locked', 'error.locked'),
  // Authentication (issue #8): a session that must change its password or enrol a second factor first.
  passwordChangeRequired: () => new AppError(403, 'passwordChangeRequired', 'error.passwordChangeRequired'),
  mfaEnrollmentRequired: () => new AppError(403, 'mfaEnrollmentRequired', 'error.mfaEnrollmentRequired'),
  rateLimited: () => new AppError(429, 'rateLimited', 'error.rateLimited'),
};

/** A request that failed its zod schema; raised by our validator compiler, formatted by the handler. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation');
    this.name = 'RequestValidationError';
  }
}

const zodLocales = { zh: zodZh(), en: zodEn() };

const FIELD_LABELS: Record<string, Label | undefined> = { ...PROJECT_FIELD_LABELS, ...BULLETIN_FIELD_LABELS };

function labelFor(path: string, locale: Locale): string {
  const head = path.split('.')[0] ?? path;
  const label = FIELD_LABELS[head];
  return label ? label[locale] : head;
}

function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (isMessageKey(issue.message)) return message(issue.message, locale);
  if (issue.code === 'invalid_type' && issue.input === undefined) return message('required', locale);
  if (issue.code === 'too_big' && issue.origin === 'string') return message('text.tooLong', locale);
  return zodLocales[locale].localeError(issue as never) as string;
}

/** Field path → localized message for each issue (the first per field), unknown keys included. */
export function issuesToFields(issues: z.core.$ZodIssue[], locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= message('field.unknown', locale);
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issueMessage(issue, locale);
  }
  return fields;
}

/** A field's message in the reader's language. */
export function fieldMessageText(field: FieldMessage, locale: Locale): string {
  return typeof field === 'string' ? message(field, locale) : message(field.key, locale, field.params);
}

/** Field path → message in the reader's language. */
export function localizeFields(fields: Record<string, FieldMessage>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, field]) => [path, fieldMessageText(field, locale)]));
}

function firstFieldMessage(fields: Record<string, string>, locale: Locale): string {
  const [path, text] = Object.entries(fields)[0] ?? ['_', message('error.validation', locale)];
  if (path === '_') return text;
  return message('field.named', locale, { label: labelFor(path, locale), text });
}

/** True for PostgreSQL's unique_violation (SQLSTATE 23505), from pg or PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The one error handler: maps every error to the API's error shape. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.locale;
  if (error instanceof RequestValidationError) {
    const fields = issuesToFields(error.issues, locale);
    return reply
      .status(400)
      .send({ error: { code: 'validation', message: firstFieldMessage(fields, locale), fields } });
  }
  if (error instanceof AppError) {
    const fields = error.fields ? localizeFields(error.fields, locale) : undefined;
    const text = fields ? firstFieldMessage(fields, locale) : message(error.messageKey, locale, error.params);
    return reply
      .status(error.statusCode)
      .send({ error: { code: error.code, message: text, ...(fields ? { fields } : {}) } });
  }
  // A unique violation that got past the service's checks is a race with another request: 409, not 500.
  if (isUniqueViolation(error)) {
    return reply.status(409).send({ error: { code: 'conflict', message: message('error.conflict', locale) } });
  }
  const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type, body too large) carry safe messages.
    const code = statusCode === 413 ? 'tooLarge' : 'badRequest';
    return reply
      .status(statusCode)
      .send({ error: { code, message: statusCode === 413 ? message('error.tooLarge', locale) : error.message } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: message('error.internal', locale) } });
}
