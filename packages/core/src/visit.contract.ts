/**
 * Service officers' (首席服务员) API contract (issue #10, item 4): a visit (走访) to a project the officer serves,
 * with findings and photos; a project's visits; the officer's "full-time service" overview (my projects, visits
 * this month, problems raised and solved, active warnings); and the staff's list of officers.
 */
import { z } from 'zod';
import { asOfDate } from './project.contract.ts';

const findingsText = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'text.empty' })
  .max(4000, { error: 'text.tooLong' });

/** POST /projects/:id/visits: the visit's date (not after the application's date) and what the officer found. */
export const visitInput = z.strictObject({
  visitedOn: asOfDate,
  findings: findingsText,
});
export type VisitInput = z.output<typeof visitInput>;
export type VisitInputJson = z.input<typeof visitInput>;

/** A photo (or scanned page) attached to a visit or an inspection; its bytes are at `/api/v1/attachments/:id`. */
export const attachmentOutput = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
export type AttachmentOutput = z.output<typeof attachmentOutput>;

/** A visit as the API shows it. */
export const visitOutput = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  officerId: z.number().int(),
  officerName: z.string(),
  visitedOn: z.string(),
  findings: z.string(),
  photos: z.array(attachmentOutput),
});
export type VisitOutput = z.output<typeof visitOutput>;

export const visitList = z.object({ items: z.array(visitOutput) });
export type VisitList = z.output<typeof visitList>;

/** One project an officer serves, with what the officer needs to see at a glance. */
export const officerProject = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  lastVisitOn: z.string().nullable(),
  visits: z.number().int(),
  activeWarnings: z.number().int(),
  redWarnings: z.number().int(),
  openProblems: z.number().int(),
});
export type OfficerProject = z.output<typeof officerProject>;

/** GET /officers/me/overview: the full-time service view (全程服务) of one officer as of the application's date. */
export const officerOverview = z.object({
  asOf: z.string(),
  projects: z.array(officerProject),
  totals: z.object({
    projects: z.number().int(),
    visitsThisMonth: z.number().int(),
    problemsRaised: z.number().int(),
    problemsSolved: z.number().int(),
    activeWarnings: z.number().int(),
  }),
  recentVisits: z.array(visitOutput),
});
export type OfficerOverview = z.output<typeof officerOverview>;

/** One officer in the staff's list: the projects paired with them (in the staff's scope) and their visits. */
export const officerSummary = z.object({
  id: z.number().int(),
  displayName: z.string(),
  projects: z.number().int(),
  visits: z.number().int(),
  visitsThisMonth: z.number().int(),
  lastVisitOn: z.string().nullable(),
  projectNames: z.array(z.string()),
});
export type OfficerSummary = z.output<typeof officerSummary>;

export const serviceOfficerList = z.object({ asOf: z.string(), items: z.array(officerSummary) });
export type ServiceOfficerList = z.output<typeof serviceOfficerList>;
