/**
 * The bulletins API's contract (/bulletins: templates, preview, .docx and .pdf downloads), shared by the server
 * (validation, OpenAPI) and the web (typed client). The writing itself is bulletin.ts.
 */
import { z } from 'zod';
import { BULLETIN_TEMPLATE_MAX_LENGTH } from './bulletin.ts';
import type { Label } from './codelists.ts';
import { BULLETIN_PLACEHOLDER_GROUP_KEYS } from './bulletin.placeholders.ts';
import { idParam } from './id.ts';
import { asOfDate, regionCode } from './project.contract.ts';

/** The names of the bulletin requests' fields, for the error message that names the first bad one. */
export const BULLETIN_FIELD_LABELS = {
  body: { zh: '模板正文', en: 'template body' },
  templateId: { zh: '模板', en: 'template' },
} as const satisfies Record<string, Label>;

/** A stored template as the API shows it. */
export const bulletinTemplateOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.number().int().nullable(),
});
export type BulletinTemplateOutput = z.output<typeof bulletinTemplateOutput>;

/** A placeholder a template may use, written {{name}}. */
export const bulletinPlaceholderOutput = z.object({
  key: z.string(),
  name: z.string().meta({ description: '在模板中写作 {{名称}}' }),
  group: z.enum(BULLETIN_PLACEHOLDER_GROUP_KEYS),
  description: z.string(),
  example: z.string(),
  optional: z.boolean().meta({ description: '可能为空；为空时所在段落整段略去' }),
});
export type BulletinPlaceholderOutput = z.output<typeof bulletinPlaceholderOutput>;

/** GET /bulletins/templates: the templates (the default first), the placeholders and their groups' headings. */
export const bulletinTemplatesOutput = z.object({
  items: z.array(bulletinTemplateOutput),
  placeholders: z.array(bulletinPlaceholderOutput),
  groups: z.record(z.string(), z.string()),
});
export type BulletinTemplatesOutput = z.output<typeof bulletinTemplatesOutput>;

/** A template's text (placeholders are checked by the service, which names every unknown one). */
export const bulletinTemplateBody = z
  .string({ error: 'required' })
  .max(BULLETIN_TEMPLATE_MAX_LENGTH, { error: 'text.tooLong' });

/** PUT /bulletins/templates/:id: a template's new name and body. */
export const bulletinTemplateInput = z.strictObject({
  name: z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(100, { error: 'text.tooLong' }),
  body: bulletinTemplateBody,
});
export type BulletinTemplateInput = z.output<typeof bulletinTemplateInput>;
export type BulletinTemplateInputJson = z.input<typeof bulletinTemplateInput>;

/** What a bulletin is about (the downloads' query): the as-of date, a region in the user's scope, a template. */
export const bulletinQuery = z.strictObject({
  asOf: asOfDate,
  regionCode: regionCode.optional(),
  templateId: idParam.optional(),
});
export type BulletinQuery = z.output<typeof bulletinQuery>;
export type BulletinQueryJson = z.input<typeof bulletinQuery>;

/** POST /bulletins/preview: a bulletin's scope, and an unsaved template body to try out (wins over templateId). */
export const bulletinPreviewInput = bulletinQuery.extend({ body: bulletinTemplateBody.optional() });
export type BulletinPreviewInput = z.output<typeof bulletinPreviewInput>;
export type BulletinPreviewInputJson = z.input<typeof bulletinPreviewInput>;

/** A bulletin as written, with what the page and the files put around it. */
export const bulletinOutput = z.object({
  asOf: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  title: z.string(),
  dateLine: z.string(),
  text: z.string().meta({ description: '全文，段落之间空一行' }),
  paragraphs: z.array(z.string()),
});
export type BulletinOutput = z.output<typeof bulletinOutput>;
