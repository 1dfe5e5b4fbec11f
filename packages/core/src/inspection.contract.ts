/**
 * Site supervision's (线上线下督导) API contract (issue #10, item 5): an inspection of a project (date, on site or
 * online, inspectors, findings, photos) whose required rectification becomes a tracked problem, the lists per
 * project and per region, and the link to a project's site video stream shown on the project page.
 */
import { z } from 'zod';
import { idSchema } from './id.ts';
import { PROBLEM_CATEGORIES, PROBLEM_STATES } from './problem.workflow.ts';
import { asOfDate, regionCode } from './project.contract.ts';
import { attachmentOutput } from './visit.contract.ts';

export const INSPECTION_MODES = ['onsite', 'online'] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];

const text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(max, { error: 'text.tooLong' });

/** The rectification an inspection requires: tracked as a problem due by `dueOn`, for a named unit or unassigned. */
export const rectificationInput = z.strictObject({
  dueOn: asOfDate,
  title: text(200),
  category: z.enum(PROBLEM_CATEGORIES),
  /** The responsible unit the inspectors name; null raises it unassigned for staff to assign. */
  unitId: idSchema.nullish(),
  assigneeName: text(100).nullish(),
});
export type RectificationInput = z.output<typeof rectificationInput>;

/** POST /projects/:id/inspections. */
export const inspectionInput = z.strictObject({
  inspectedOn: asOfDate,
  mode: z.enum(INSPECTION_MODES),
  inspectors: text(500),
  findings: text(4000),
  rectification: rectificationInput.nullish(),
});
export type InspectionInput = z.output<typeof inspectionInput>;
export type InspectionInputJson = z.input<typeof inspectionInput>;

/** An inspection as the API shows it, with the problem tracking its rectification. */
export const inspectionOutput = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  inspectedOn: z.string(),
  mode: z.enum(INSPECTION_MODES),
  inspectors: z.string(),
  findings: z.string(),
  rectifyBy: z.string().nullable(),
  problemId: z.number().int().nullable(),
  problemState: z.enum(PROBLEM_STATES).nullable(),
  photos: z.array(attachmentOutput),
});
export type InspectionOutput = z.output<typeof inspectionOutput>;

/** GET /projects/:id/inspections: a project's inspections, newest first. */
export const projectInspectionList = z.object({ items: z.array(inspectionOutput) });
export type ProjectInspectionList = z.output<typeof projectInspectionList>;

/** GET /inspections: the region's inspections (within the actor's scope), newest first, a page at a time. */
export const inspectionListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  mode: z.enum(INSPECTION_MODES).optional(),
  from: asOfDate.optional(),
  to: asOfDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InspectionListQuery = z.output<typeof inspectionListQuery>;
export type InspectionListQueryJson = z.input<typeof inspectionListQuery>;

export const inspectionList = z.object({
  items: z.array(inspectionOutput),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InspectionList = z.output<typeof inspectionList>;

/** Only absolute http(s) links without credentials: a `javascript:` or `data:` link on the project page would run. */
export function isSafeVideoUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}

/** PUT /projects/:id/video-link. */
export const videoLinkInput = z.strictObject({
  url: z
    .string({ error: 'required' })
    .trim()
    .max(2000, { error: 'text.tooLong' })
    .refine(isSafeVideoUrl, { error: 'videoLink.invalid' }),
  label: text(100).nullish(),
});
export type VideoLinkInput = z.output<typeof videoLinkInput>;
export type VideoLinkInputJson = z.input<typeof videoLinkInput>;

/** A project's site video link, or null when it has none. */
export const videoLinkOutput = z.object({
  videoLink: z.object({ url: z.string(), label: z.string().nullable(), updatedAt: z.string() }).nullable(),
});
export type VideoLinkOutput = z.output<typeof videoLinkOutput>;
