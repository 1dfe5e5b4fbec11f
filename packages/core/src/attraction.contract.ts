/**
 * The attraction pipeline's API (招商, issue #13 item 5): leads (investor, project, industry, amount in 万元, source,
 * region, responsible person and unit), their moves by hand (attraction.ts's leadMoveRefusal), the conversion of a
 * signed lead into a key project (its fields carried over, only what a lead does not know asked for), the six lists,
 * and the year's figures: the funnel, "planned / signed / landed" per district and the three batches (三个一批).
 */
import { z } from 'zod';
import { INDUSTRY_SECTIONS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_NATURES } from './codelists.ts';
import { isValidCreditCode } from './credit-code.ts';
import { idSchema } from './id.ts';
import { LIFECYCLE_PHASES } from './lifecycle.contract.ts';
import { isoDate, moneyWan, projectCode, regionCode } from './project.contract.ts';
import { LEAD_SOURCES, LEAD_STAGES, SIX_LISTS } from './attraction.ts';
import { PIPELINE_STEPS } from './attraction.pipeline.ts';

const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(max, { error: 'text.tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'text.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

/** POST /attraction/leads and PUT /attraction/leads/:id (If-Match): a lead's own fields. */
export const leadInput = z.strictObject({
  investor: requiredText(200),
  projectName: requiredText(200),
  industry: z
    .enum(INDUSTRY_SECTIONS)
    .nullish()
    .transform((v) => v ?? null),
  amount: moneyWan,
  source: z.enum(LEAD_SOURCES, { error: 'attraction.sourceUnknown' }),
  regionCode,
  responsiblePerson: requiredText(100),
  responsibleUnit: requiredText(200),
  note: optionalText(2000),
});
export type LeadInput = z.output<typeof leadInput>;
export type LeadInputJson = z.input<typeof leadInput>;

/** GET /attraction/leads (and its export): by region (inside the actor's), stage, six list, linked project, text. */
export const leadListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  stage: z.enum(LEAD_STAGES).optional(),
  list: z.enum(SIX_LISTS).optional(),
  projectId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
});
export type LeadListQuery = z.output<typeof leadListQuery>;
export type LeadListQueryJson = z.input<typeof leadListQuery>;

/** A lead as the API shows it: amount in 万元, the dates it reached its stages, its project once converted. */
export const leadOutput = z.object({
  id: z.number().int(),
  investor: z.string(),
  projectName: z.string(),
  industry: z.enum(INDUSTRY_SECTIONS).nullable(),
  amount: z.string(),
  source: z.enum(LEAD_SOURCES),
  regionCode: z.string(),
  regionName: z.string(),
  responsiblePerson: z.string(),
  responsibleUnit: z.string(),
  stage: z.enum(LEAD_STAGES),
  createdOn: z.string(),
  frameworkOn: z.string().nullable(),
  contractOn: z.string().nullable(),
  registeredOn: z.string().nullable(),
  upgradeOn: z.string().nullable(),
  droppedOn: z.string().nullable(),
  /** The key project it became (null before, or when that project is outside the reader's sight). */
  projectId: z.number().int().nullable(),
  projectCode: z.string().nullable(),
  projectPhase: z.enum(LIFECYCLE_PHASES).nullable(),
  sixList: z.enum(SIX_LISTS).nullable(),
  pipelineStep: z.enum(PIPELINE_STEPS),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type LeadOutput = z.output<typeof leadOutput>;
export type LeadOutputJson = z.input<typeof leadOutput>;

export const leadList = z.object({ items: z.array(leadOutput), totalAmount: z.string() });
export type LeadList = z.output<typeof leadList>;
export type LeadListJson = z.input<typeof leadList>;

/** POST /attraction/leads/:id/move (If-Match): the stage to move to. */
export const leadMoveInput = z.strictObject({ stage: z.enum(LEAD_STAGES) });
export type LeadMoveInput = z.output<typeof leadMoveInput>;
export type LeadMoveInputJson = z.input<typeof leadMoveInput>;

/**
 * POST /attraction/leads/:id/convert (If-Match): what a lead does not know about the project it becomes. The name,
 * region, industry, total investment (the lead's amount) and responsible unit come from the lead; the owner is
 * picked (ownerOrgId) or registered on the way (newOwnerName, optional credit code).
 */
export const leadConversionInput = z
  .strictObject({
    code: projectCode,
    ownerOrgId: idSchema.nullish(),
    newOwnerName: optionalText(200),
    newOwnerCreditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidCreditCode, { error: 'creditCode.invalid' })
      .nullish()
      .transform((v) => v ?? null),
    levels: z.array(z.enum(PROJECT_LEVELS)).min(1, { error: 'required' }).max(3),
    category: z.enum(PROJECT_CATEGORIES),
    nature: z.enum(PROJECT_NATURES).default('new'),
    plannedStartDate: isoDate.nullish(),
    plannedCompletionDate: isoDate.nullish(),
    constructionContent: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if ((value.ownerOrgId ?? null) === null && value.newOwnerName === null)
      ctx.addIssue({ code: 'custom', message: 'attraction.ownerRequired', path: ['ownerOrgId'] });
    if (value.plannedStartDate && value.plannedCompletionDate && value.plannedCompletionDate < value.plannedStartDate)
      ctx.addIssue({ code: 'custom', message: 'dates.order', path: ['plannedCompletionDate'] });
  });
export type LeadConversionInput = z.output<typeof leadConversionInput>;
export type LeadConversionInputJson = z.input<typeof leadConversionInput>;

/** GET /attraction/six-lists (and its export): an optional region inside the actor's. */
export const sixListsQuery = z.strictObject({ regionCode: regionCode.optional() });
export type SixListsQuery = z.output<typeof sixListsQuery>;
export type SixListsQueryJson = z.input<typeof sixListsQuery>;

/** The six lists, each with its leads and their total amount (万元). */
export const sixListsOutput = z.object({
  lists: z.array(
    z.object({ list: z.enum(SIX_LISTS), count: z.number().int(), amount: z.string(), items: z.array(leadOutput) }),
  ),
});
export type SixListsOutput = z.output<typeof sixListsOutput>;
export type SixListsOutputJson = z.input<typeof sixListsOutput>;

/** GET /attraction/summary: a year (default: the application's) and an optional region inside the actor's. */
export const attractionSummaryQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: regionCode.optional(),
});
export type AttractionSummaryQuery = z.output<typeof attractionSummaryQuery>;
export type AttractionSummaryQueryJson = z.input<typeof attractionSummaryQuery>;

const yearCounts = z.object({ planned: z.number().int(), signed: z.number().int(), landed: z.number().int() });
const batchFigure = z.object({ count: z.number().int(), amount: z.string() });

/** The year's pipeline: the funnel (every lead), planned / signed / landed per district and in all, 三个一批. */
export const attractionSummary = z.object({
  year: z.number().int(),
  funnel: z.array(z.object({ step: z.enum(PIPELINE_STEPS), count: z.number().int() })),
  districts: z.array(yearCounts.extend({ regionCode: z.string(), regionName: z.string() })),
  total: yearCounts,
  batches: z.object({ sign: batchFigure, start: batchFigure, production: batchFigure }),
});
export type AttractionSummary = z.output<typeof attractionSummary>;
export type AttractionSummaryJson = z.input<typeof attractionSummary>;
