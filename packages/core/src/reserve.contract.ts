/**
 * The reserve library's API (储备库): counts of the projects not yet started by preparation step as of a date in a
 * region, and the drill-down list of one step's projects. The counting rule is in reserve.ts.
 */
import { z } from 'zod';
import { isoDate, regionCode } from './project.contract.ts';

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The drill-down's step filter: a step code, or `none` for the projects with no step recorded yet. */
export const RESERVE_NO_STEP = 'none';

/** GET /reserve: as of a date (default: the application's date), in a region (default: the actor's scope). */
export const reserveQuery = z.strictObject({
  asOf: isoDate.optional(),
  regionCode: regionCode.optional(),
});
export type ReserveQuery = z.output<typeof reserveQuery>;
export type ReserveQueryJson = z.input<typeof reserveQuery>;

/** One bar of the library: a step (null code: not filled in) with its label and count. */
export const reserveStepCount = z.object({
  stepCode: z.string().nullable(),
  label: z.string(),
  count: z.number().int(),
});
export type ReserveStepCount = z.output<typeof reserveStepCount>;

export const reserveSummary = z.object({
  asOf: z.string(),
  regionCode: z.string().nullable(),
  total: z.number().int(),
  steps: z.array(reserveStepCount),
});
export type ReserveSummary = z.output<typeof reserveSummary>;
export type ReserveSummaryJson = z.input<typeof reserveSummary>;

/** GET /reserve/projects (and its export): one step's projects, or all reserve projects without `step`. */
export const reserveProjectsQuery = reserveQuery.extend({
  step: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'lifecycle.code' })
    .optional(),
  page: queryInt(1, 1_000_000).default(1),
  pageSize: queryInt(1, 500).default(50),
});
export type ReserveProjectsQuery = z.output<typeof reserveProjectsQuery>;
export type ReserveProjectsQueryJson = Omit<z.input<typeof reserveProjectsQuery>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};

export const reserveProjectItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  stepCode: z.string().nullable(),
  stepLabel: z.string(),
  /** The day the project reached its step (or, with no step, entered the reserve). */
  since: z.string(),
  /** 万元. */
  totalInvestment: z.string(),
});
export type ReserveProjectItem = z.output<typeof reserveProjectItem>;

export const reserveProjectList = z.object({
  asOf: z.string(),
  items: z.array(reserveProjectItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReserveProjectList = z.output<typeof reserveProjectList>;
export type ReserveProjectListJson = z.input<typeof reserveProjectList>;
