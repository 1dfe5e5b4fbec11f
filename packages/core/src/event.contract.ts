/**
 * The groundbreaking events' (集中开工) and three batches' (三个一批) API. An event is recorded once it has been
 * held: its date may not be after the application's date, and adding a project not yet started records its start
 * on the event's date (a project already started is linked without a second start; a project is in one event at
 * most). A round of the three batches lists projects to sign, to start and to put into production; its rates are
 * computed by batch.rates.ts.
 */
import { z } from 'zod';
import { isoDate, regionCode } from './project.contract.ts';

export const GROUNDBREAKING_LEVELS = ['provincial', 'city', 'industry', 'function_zone'] as const;
export type GroundbreakingLevelCode = (typeof GROUNDBREAKING_LEVELS)[number];

export const BATCH_KINDS = ['sign', 'start', 'production'] as const;
export type BatchKindCode = (typeof BATCH_KINDS)[number];

const name = z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(200, { error: 'text.tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'text.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

/** POST /events and PUT /events/:id. */
export const eventInput = z.strictObject({
  name,
  heldOn: isoDate,
  level: z.enum(GROUNDBREAKING_LEVELS, { error: 'event.level' }),
  place: optionalText(200),
  regionCode,
  note: optionalText(2000),
});
export type EventInput = z.output<typeof eventInput>;
export type EventInputJson = z.input<typeof eventInput>;

/** GET /events: an optional region (inside the actor's scope) and year. */
export const eventListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type EventListQuery = z.output<typeof eventListQuery>;
export type EventListQueryJson = z.input<typeof eventListQuery>;

/** Totals of a set of projects: how many, and their total investment in 万元 and 亿元. */
export const projectTotals = z.object({
  projects: z.number().int(),
  totalInvestment: z.string(),
  totalInvestmentYi: z.string(),
});
export type ProjectTotals = z.output<typeof projectTotals>;

export const eventItem = z.object({
  id: z.number().int(),
  name: z.string(),
  heldOn: z.string(),
  level: z.enum(GROUNDBREAKING_LEVELS),
  place: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  note: z.string().nullable(),
  totals: projectTotals,
});
export type EventItem = z.output<typeof eventItem>;
export type EventItemJson = z.input<typeof eventItem>;

export const eventList = z.object({ items: z.array(eventItem) });
export type EventList = z.output<typeof eventList>;
export type EventListJson = z.input<typeof eventList>;

/** A project of an event or a batch, with the day it started (null: not started). */
export const eventProject = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  totalInvestment: z.string(),
  actualStartDate: z.string().nullable(),
  /** True when this event recorded the project's start (false: it had started before). */
  startedByEvent: z.boolean(),
});
export type EventProject = z.output<typeof eventProject>;

export const eventDetail = eventItem.extend({ projects: z.array(eventProject) });
export type EventDetail = z.output<typeof eventDetail>;
export type EventDetailJson = z.input<typeof eventDetail>;

/** POST /events/:id/projects: projects to add. */
export const eventProjectsInput = z.strictObject({
  projectIds: z.array(z.number().int().positive()).min(1).max(500),
});
export type EventProjectsInput = z.output<typeof eventProjectsInput>;
export type EventProjectsInputJson = z.input<typeof eventProjectsInput>;

export const eventProjectParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  projectId: z.coerce.number().int().positive(),
});

/** GET /events/summary: the seed-001 style sentence for a region and year. */
export const eventSummaryQuery = z.strictObject({
  regionCode: regionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type EventSummaryQuery = z.output<typeof eventSummaryQuery>;
export type EventSummaryQueryJson = z.input<typeof eventSummaryQuery>;

export const eventSummaryOutput = z.object({
  year: z.number().int(),
  regionCode: z.string().nullable(),
  byLevel: z.record(z.enum(GROUNDBREAKING_LEVELS), z.number().int()),
  totals: projectTotals,
  text: z.string(),
});
export type EventSummaryOutput = z.output<typeof eventSummaryOutput>;
export type EventSummaryOutputJson = z.input<typeof eventSummaryOutput>;

/** POST /batches and PUT /batches/:id. */
export const batchRoundInput = z.strictObject({
  name,
  heldOn: isoDate,
  regionCode,
  note: optionalText(2000),
});
export type BatchRoundInput = z.output<typeof batchRoundInput>;
export type BatchRoundInputJson = z.input<typeof batchRoundInput>;

/** POST /batches/:id/projects: projects added to a batch (planned_on: the planned start or production day). */
export const batchProjectsInput = z.strictObject({
  batch: z.enum(BATCH_KINDS),
  projects: z
    .array(z.strictObject({ projectId: z.number().int().positive(), plannedOn: isoDate.nullish() }))
    .min(1)
    .max(500),
});
export type BatchProjectsInput = z.output<typeof batchProjectsInput>;
export type BatchProjectsInputJson = z.input<typeof batchProjectsInput>;

export const batchProjectParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  projectId: z.coerce.number().int().positive(),
  batch: z.enum(BATCH_KINDS),
});

export const batchQuery = z.strictObject({ asOf: isoDate.optional() });
export type BatchQueryJson = z.input<typeof batchQuery>;

export const batchRoundItem = z.object({
  id: z.number().int(),
  name: z.string(),
  heldOn: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  note: z.string().nullable(),
  counts: z.record(z.enum(BATCH_KINDS), z.number().int()),
});
export type BatchRoundItem = z.output<typeof batchRoundItem>;

export const batchRoundList = z.object({ items: z.array(batchRoundItem) });
export type BatchRoundListJson = z.input<typeof batchRoundList>;

export const batchProject = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  totalInvestment: z.string(),
  plannedOn: z.string().nullable(),
  /** Signed: proceeded past the agreement; start: started; production: in production — as of the date. */
  achieved: z.boolean(),
  achievedOn: z.string().nullable(),
});
export type BatchProject = z.output<typeof batchProject>;

/** One batch with its rate (one decimal, null when empty) and projects. */
export const batchOutcome = z.object({
  batch: z.enum(BATCH_KINDS),
  planned: z.number().int(),
  achieved: z.number().int(),
  rate: z.string().nullable(),
  projects: z.array(batchProject),
});
export type BatchOutcome = z.output<typeof batchOutcome>;

export const batchRoundDetail = batchRoundItem.extend({
  asOf: z.string(),
  batches: z.array(batchOutcome),
});
export type BatchRoundDetail = z.output<typeof batchRoundDetail>;
export type BatchRoundDetailJson = z.input<typeof batchRoundDetail>;
