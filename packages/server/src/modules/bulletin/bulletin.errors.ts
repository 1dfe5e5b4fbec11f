/**
 * A template the bulletin cannot be written from, answered in the API's one error shape with the field named
 * and every unknown placeholder spelled out. The shared MessageKey catalogue has no parameters, so the bulletin
 * routes handle this one error themselves and hand every other to the app's handler.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { bulletinTemplateIssueMessage, type BulletinTemplateIssue } from '@keyprojects/core';
import { handleError } from '../../errors.ts';

/** A 400 on one field of the request: the template body (or the stored template it names) cannot be used. */
export class BulletinTemplateError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issue: BulletinTemplateIssue,
    /** The request field holding the template: 'body', or 'templateId' for a stored template gone bad. */
    readonly field: string = 'body',
  ) {
    super(bulletinTemplateIssueMessage(issue, 'zh'));
    this.name = 'BulletinTemplateError';
  }
}

const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  body: { zh: '模板正文', en: 'template body' },
  templateId: { zh: '模板', en: 'template' },
};

/** The bulletin plugin's error handler: BulletinTemplateError as a field error, anything else as usual. */
export function handleBulletinError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (!(error instanceof BulletinTemplateError)) return handleError(error, request, reply);
  const locale = request.locale;
  const text = bulletinTemplateIssueMessage(error.issue, locale);
  const label = FIELD_LABELS[error.field]?.[locale] ?? error.field;
  return reply.status(400).send({
    error: {
      code: 'validation',
      message: locale === 'zh' ? `${label}：${text}` : `${label}: ${text}`,
      fields: { [error.field]: text },
    },
  });
}
