/**
 * The notices API's contract (/notices: the daily notice and the weekly dispatch report, their .docx, and their
 * templates), shared by the server and the web. The writing itself is notice.text.ts.
 */
import { z } from 'zod';
import { idParam } from './id.ts';
import { asOfDate, regionCode } from './project.contract.ts';
import { NOTICE_KINDS, NOTICE_PLACEHOLDER_GROUP_KEYS, NOTICE_TEMPLATE_MAX_LENGTH } from './notice.text.ts';

export const noticeKind = z.enum(NOTICE_KINDS, { error: 'notice.kind' });

/** GET /notices/daily and /notices/weekly: the date (the week's last day), a region in the viewer's scope. */
export const noticeQuery = z.strictObject({
  date: asOfDate,
  regionCode: regionCode.optional(),
});
export type NoticeQuery = z.output<typeof noticeQuery>;
export type NoticeQueryJson = z.input<typeof noticeQuery>;

/** The /notices/:kind path. */
export const noticeKindParams = z.strictObject({ kind: noticeKind });

const count = z.number().int();

/** The figures a notice is written from, for the page's summary cards. */
export const noticeFiguresOutput = z.object({
  warningsRaisedRed: count,
  warningsRaisedYellow: count,
  warningsCleared: count,
  activeRed: count,
  activeYellow: count,
  problemsOpened: count,
  problemsResolved: count,
  problemsClosed: count,
  problemsOpen: count,
  problemsOverdue: count,
});
export type NoticeFiguresOutput = z.output<typeof noticeFiguresOutput>;

/** A notice as written. */
export const noticeOutput = z.object({
  kind: noticeKind,
  from: z.string(),
  to: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  title: z.string(),
  dateLine: z.string(),
  templateId: z.number().int().nullable(),
  text: z.string().meta({ description: '全文，段落之间空一行' }),
  paragraphs: z.array(z.string()),
  figures: noticeFiguresOutput,
});
export type NoticeOutput = z.output<typeof noticeOutput>;

/** A stored notice template. */
export const noticeTemplateOutput = z.object({
  id: z.number().int(),
  kind: noticeKind,
  name: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.number().int().nullable(),
});
export type NoticeTemplateOutput = z.output<typeof noticeTemplateOutput>;

/** GET /notices/templates: the templates (defaults seeded on first read) and the placeholders they may use. */
export const noticeTemplatesOutput = z.object({
  items: z.array(noticeTemplateOutput),
  placeholders: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      group: z.enum(NOTICE_PLACEHOLDER_GROUP_KEYS),
      description: z.string(),
      example: z.string(),
      optional: z.boolean(),
    }),
  ),
  groups: z.record(z.string(), z.string()),
});
export type NoticeTemplatesOutput = z.output<typeof noticeTemplatesOutput>;

/** PUT /notices/templates/:id (If-Match): a template's new name and body; unknown placeholders are refused. */
export const noticeTemplateInput = z.strictObject({
  name: z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(100, { error: 'text.tooLong' }),
  body: z.string({ error: 'required' }).max(NOTICE_TEMPLATE_MAX_LENGTH, { error: 'text.tooLong' }),
});
export type NoticeTemplateInput = z.output<typeof noticeTemplateInput>;
export type NoticeTemplateInputJson = z.input<typeof noticeTemplateInput>;

/** The template id path. */
export const noticeTemplateParams = z.strictObject({ id: idParam });
