/**
 * The financing-needs list's API (融资需求清单, issue #13 item 4). An owner (or a DRC office) declares a need for a
 * project it sees; the city DRC publishes the open needs every two months as a frozen edition (financingEditionOf);
 * financial institutions read only published editions — a need's project name, district, amount, instrument, term,
 * purpose and collateral, never a project id — and register interest; matches move interested → negotiating →
 * signed (with the amount) or declined (matchMoveAllowed). Edition items carry their need's id, not the project's.
 */
import { z } from 'zod';
import { FINANCING_INSTRUMENTS, MATCH_STATES } from './financing.ts';
import { idParam, idSchema } from './id.ts';
import { moneyWan } from './project.contract.ts';

const positiveWan = moneyWan.refine((fen) => fen > 0n, { error: 'money.positive' });
const text = (max: number) => z.string({ error: 'required' }).trim().max(max, { error: 'text.tooLong' });
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** POST /financing/needs. */
export const financingNeedInput = z.strictObject({
  projectId: idSchema,
  amount: positiveWan,
  instrument: z.enum(FINANCING_INSTRUMENTS, { error: 'financing.instrument' }),
  termMonths: z
    .number({ error: 'financing.term' })
    .int({ error: 'financing.term' })
    .min(1, { error: 'financing.term' })
    .max(600, { error: 'financing.term' }),
  purpose: text(2000).min(1, { error: 'text.empty' }),
  collateral: optionalText(500),
});
export type FinancingNeedInput = z.output<typeof financingNeedInput>;
export type FinancingNeedInputJson = z.input<typeof financingNeedInput>;

/** A declared need as the DRC and the declaring owner see it (with its project). */
export const financingNeed = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  amount: z.string(),
  instrument: z.enum(FINANCING_INSTRUMENTS),
  termMonths: z.number().int(),
  purpose: z.string(),
  collateral: z.string().nullable(),
  declaredOn: z.string(),
  signed: z.string(),
});
export type FinancingNeed = z.output<typeof financingNeed>;

export const financingNeedList = z.object({ items: z.array(financingNeed) });
export type FinancingNeedList = z.output<typeof financingNeedList>;
export type FinancingNeedListJson = z.input<typeof financingNeedList>;

/** A published edition's header. */
export const financingEdition = z.object({
  id: z.number().int(),
  code: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  publishedOn: z.string(),
  needs: z.number().int(),
  amount: z.string(),
});
export type FinancingEdition = z.output<typeof financingEdition>;

export const financingEditionList = z.object({ items: z.array(financingEdition) });
export type FinancingEditionList = z.output<typeof financingEditionList>;
export type FinancingEditionListJson = z.input<typeof financingEditionList>;

/** A need as frozen in an edition: what a financial institution may read, nothing more. */
export const financingEditionItem = z.object({
  needId: z.number().int(),
  projectName: z.string(),
  regionName: z.string(),
  amount: z.string(),
  instrument: z.enum(FINANCING_INSTRUMENTS),
  termMonths: z.number().int(),
  purpose: z.string(),
  collateral: z.string().nullable(),
});
export type FinancingEditionItem = z.output<typeof financingEditionItem>;

export const financingEditionDetail = financingEdition.extend({ items: z.array(financingEditionItem) });
export type FinancingEditionDetail = z.output<typeof financingEditionDetail>;
export type FinancingEditionDetailJson = z.input<typeof financingEditionDetail>;

/** POST /financing/editions: publishes the application date's edition (the same edition again changes nothing). */
export const financingPublishInput = z.strictObject({});
export const financingPublishOutput = financingEdition.extend({ created: z.boolean() });
export type FinancingPublishOutput = z.output<typeof financingPublishOutput>;
export type FinancingPublishOutputJson = z.input<typeof financingPublishOutput>;

export const financingEditionNeedParams = z.strictObject({ id: idParam, needId: idParam });
export type FinancingEditionNeedParams = z.output<typeof financingEditionNeedParams>;

/** POST /financing/editions/:id/needs/:needId/interest; the DRC recording for a bank names it. */
export const financingInterestInput = z.strictObject({
  institution: optionalText(200),
  note: optionalText(500),
});
export type FinancingInterestInput = z.output<typeof financingInterestInput>;
export type FinancingInterestInputJson = z.input<typeof financingInterestInput>;

/** PATCH /financing/matches/:id: a move, with the signed amount when it is signed. */
export const financingMatchMove = z
  .strictObject({
    state: z.enum(MATCH_STATES, { error: 'financing.matchState' }),
    signedAmount: positiveWan.optional(),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if ((value.state === 'signed') !== (value.signedAmount !== undefined))
      ctx.addIssue({ code: 'custom', path: ['signedAmount'], message: 'financing.signedAmount' });
  });
export type FinancingMatchMove = z.output<typeof financingMatchMove>;
export type FinancingMatchMoveJson = z.input<typeof financingMatchMove>;

export const financingMatch = z.object({
  id: z.number().int(),
  editionId: z.number().int(),
  editionCode: z.string(),
  needId: z.number().int(),
  projectName: z.string(),
  regionName: z.string(),
  needAmount: z.string(),
  institution: z.string(),
  state: z.enum(MATCH_STATES),
  signedAmount: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type FinancingMatch = z.output<typeof financingMatch>;

export const financingMatchList = z.object({ items: z.array(financingMatch) });
export type FinancingMatchList = z.output<typeof financingMatchList>;
export type FinancingMatchListJson = z.input<typeof financingMatchList>;

/** GET /financing/summary: needs met in an edition (default the latest). */
export const financingSummaryQuery = z.strictObject({ editionId: idParam.optional() });
export type FinancingSummaryQuery = z.output<typeof financingSummaryQuery>;

export const financingSummaryOutput = z.object({
  editionCode: z.string().nullable(),
  needs: z.number().int(),
  met: z.number().int(),
  needed: z.string(),
  signed: z.string(),
  share: z.number(),
});
export type FinancingSummaryOutput = z.output<typeof financingSummaryOutput>;
export type FinancingSummaryOutputJson = z.input<typeof financingSummaryOutput>;

/** GET /exports/financing-needs.xlsx and financing-matches.xlsx: the whole list in the actor's sight. */
export const financingListExportQuery = z.strictObject({});
export type FinancingListExportQuery = z.output<typeof financingListExportQuery>;

/** GET /exports/financing-edition.xlsx: an edition (default the latest published). */
export const financingEditionExportQuery = z.strictObject({ editionId: idParam.optional() });
export type FinancingEditionExportQuery = z.output<typeof financingEditionExportQuery>;
