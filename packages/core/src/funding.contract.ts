/**
 * The funding sources' API (issue #13 item 3): dated events per project and kind (applied, approved, issued amounts
 * with the day each happened and who entered them), a project's history with its current totals, the summaries per
 * region as of a date in the seeds' wording (funding.summary.ts), and the list of funding lines behind them.
 */
import { z } from 'zod';
import type { FundingSourceKind } from './codelists.ts';
import { asOfDate, isoDate, moneyWan, regionCode } from './project.contract.ts';

/** The kinds a funding event records: the two the seeds report on (专项债, 中央预算内). */
export const FUNDING_EVENT_KINDS = ['special_bond', 'central_budget'] as const satisfies readonly FundingSourceKind[];
export type FundingEventKind = (typeof FUNDING_EVENT_KINDS)[number];

/** The step an event records: an application, an approval, or money issued (发行/下达). */
export const FUNDING_STEPS = ['applied', 'approved', 'issued'] as const;
export type FundingStep = (typeof FUNDING_STEPS)[number];
export const FUNDING_STEP_LABELS: Record<FundingStep, { zh: string; en: string }> = {
  applied: { zh: '申请', en: 'Applied' },
  approved: { zh: '批复', en: 'Approved' },
  issued: { zh: '下达/发行', en: 'Issued' },
};

/** POST /funding/projects/:id/events: one step with its amount (万元, positive) and the day it happened. */
export const fundingEventInput = z.strictObject({
  kind: z.enum(FUNDING_EVENT_KINDS, { error: 'funding.kind' }),
  step: z.enum(FUNDING_STEPS, { error: 'funding.step' }),
  amount: moneyWan.refine((fen) => fen > 0n, { error: 'money.positive' }),
  occurredOn: isoDate,
  note: z
    .string()
    .trim()
    .max(500, { error: 'text.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type FundingEventInput = z.output<typeof fundingEventInput>;
export type FundingEventInputJson = z.input<typeof fundingEventInput>;

export const fundingEvent = z.object({
  id: z.number().int(),
  kind: z.enum(FUNDING_EVENT_KINDS),
  step: z.enum(FUNDING_STEPS),
  amount: z.string(),
  occurredOn: z.string(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
});
export type FundingEvent = z.output<typeof fundingEvent>;

/** A project's totals of one kind (万元). */
export const fundingTotals = z.object({
  kind: z.string(),
  applied: z.string(),
  approved: z.string(),
  issued: z.string(),
});
export type FundingTotals = z.output<typeof fundingTotals>;

/** GET /funding/projects/:id: the current totals (project_funding_sources) and the events, newest first. */
export const fundingHistory = z.object({
  projectId: z.number().int(),
  totals: z.array(fundingTotals),
  events: z.array(fundingEvent),
});
export type FundingHistory = z.output<typeof fundingHistory>;
export type FundingHistoryJson = z.input<typeof fundingHistory>;

/** GET /funding/summary and /funding/lines: as of a date (default the application's date), in a region. */
export const fundingQuery = z.strictObject({
  asOf: asOfDate.optional(),
  regionCode: regionCode.optional(),
  kind: z.enum(FUNDING_EVENT_KINDS, { error: 'funding.kind' }).optional(),
});
export type FundingQuery = z.output<typeof fundingQuery>;
export type FundingQueryJson = z.input<typeof fundingQuery>;

/** One kind's summary in a region (万元 and 亿元 strings) with its sentence. */
export const fundingKindSummary = z.object({
  kind: z.enum(FUNDING_EVENT_KINDS),
  projects: z.number().int(),
  totalInvestment: z.string(),
  applied: z.string(),
  approved: z.string(),
  issued: z.string(),
  sentence: z.string(),
});
export type FundingKindSummary = z.output<typeof fundingKindSummary>;

export const fundingRegionSummary = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kinds: z.array(fundingKindSummary),
});
export type FundingRegionSummary = z.output<typeof fundingRegionSummary>;

/** The scope's own region first (the city), then each region directly under it (its districts). */
export const fundingSummaryOutput = z.object({
  asOf: z.string(),
  regions: z.array(fundingRegionSummary),
});
export type FundingSummaryOutput = z.output<typeof fundingSummaryOutput>;
export type FundingSummaryOutputJson = z.input<typeof fundingSummaryOutput>;

/** One project's amounts of one kind as of the date. */
export const fundingLine = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  kind: z.enum(FUNDING_EVENT_KINDS),
  totalInvestment: z.string(),
  applied: z.string(),
  approved: z.string(),
  issued: z.string(),
  lastOn: z.string(),
});
export type FundingLineItem = z.output<typeof fundingLine>;

export const fundingLines = z.object({ asOf: z.string(), items: z.array(fundingLine) });
export type FundingLines = z.output<typeof fundingLines>;
export type FundingLinesJson = z.input<typeof fundingLines>;
