/**
 * The progress-against-plan API's contract (issue #11 item 6): a project's S-curve for a year (GET
 * /projects/:id/s-curve) and the SPI per child region (GET /stats/spi). Money as 万元 decimal strings, SPI as a
 * decimal with two places (null when nothing is planned to date). The formulas are in plan.spi.ts.
 */
import { z } from 'zod';
import { regionCode } from './project.contract.ts';

const wan = z.string().meta({ description: '万元' });
const spi = z.string().nullable().meta({ description: 'SPI = earned / planned to date, two decimals' });
const year = z.coerce.number().int().min(1900).max(2999);

/** GET /projects/:id/s-curve?year= (absent: the application's year). */
export const sCurveQuery = z.strictObject({ year: year.optional() });
export type SCurveQuery = z.output<typeof sCurveQuery>;
export type SCurveQueryInput = z.input<typeof sCurveQuery>;

export const sCurveMonthOutput = z.object({
  month: z.number().int(),
  planned: wan,
  plannedCumulative: wan,
  /** Null for the months the statistics do not count yet. */
  earnedCumulative: wan.nullable(),
});
export type SCurveMonthOutput = z.output<typeof sCurveMonthOutput>;

export const sCurveOutput = z.object({
  projectId: z.number(),
  year: z.number(),
  asOf: z.string(),
  annualPlan: wan,
  hasAnnualPlan: z.boolean(),
  /** The approved plan's span the spread follows; null: no approved plan, spread over the whole year. */
  planSpan: z.object({ start: z.string(), end: z.string() }).nullable(),
  spreadFrom: z.number().int(),
  spreadTo: z.number().int(),
  monthsCounted: z.number().int(),
  plannedToDate: wan,
  earnedToDate: wan,
  spi,
  months: z.array(sCurveMonthOutput),
});
export type SCurveOutput = z.output<typeof sCurveOutput>;

/** GET /stats/spi?year=&regionCode= */
export const spiQuery = z.strictObject({ year: year.optional(), regionCode: regionCode.optional() });
export type SpiQuery = z.output<typeof spiQuery>;
export type SpiQueryInput = z.input<typeof spiQuery>;

export const spiRegionRowOutput = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  projects: z.number().int(),
  /** Projects with an approved milestone plan (the others are spread over the whole year). */
  withPlan: z.number().int(),
  /** Projects whose earned to date is below their planned to date. */
  behind: z.number().int(),
  plannedToDate: wan,
  earnedToDate: wan,
  spi,
});
export type SpiRegionRowOutput = z.output<typeof spiRegionRowOutput>;

export const spiRegionsOutput = z.object({
  year: z.number(),
  asOf: z.string(),
  total: spiRegionRowOutput,
  rows: z.array(spiRegionRowOutput),
});
export type SpiRegionsOutput = z.output<typeof spiRegionsOutput>;
