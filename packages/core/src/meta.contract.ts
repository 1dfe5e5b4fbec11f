/** The reference data API's contract (GET /codelists, /health): codelists for forms and filters, the health check. */
import { z } from 'zod';
import {
  FINANCING_MODEL_LABELS,
  FUNDING_SOURCE_LABELS,
  INDUSTRY_SECTION_LABELS,
  ORGANIZATION_KIND_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  ROLE_LABELS,
  type Codelist,
} from './codelists.ts';

/** One entry of a codelist: its code and its label in both languages. */
export const codeItem = z.object({ code: z.string(), zh: z.string(), en: z.string() });
export type CodeItem = z.output<typeof codeItem>;

const items = z.array(codeItem);

/** GET /codelists: core's closed vocabularies, the configured lifecycle stages, and the years that have a plan. */
export const codelistsOutput = z.object({
  levels: items,
  categories: items,
  natures: items,
  industries: items,
  financingModels: items,
  fundingSourceKinds: items,
  roles: items,
  organizationKinds: items,
  stages: items,
  planYears: z.array(z.number().int()).meta({ description: '有年度计划的年份，从近到远' }),
});
export type Codelists = z.output<typeof codelistsOutput>;
export type CodelistsOutput = Codelists;

/** GET /health: the server and its database answer; the database's clock. */
export const healthOutput = z.object({ status: z.literal('ok'), database: z.string(), time: z.string() });
export type HealthOutput = z.output<typeof healthOutput>;

/** A codelist as the API lists it: one item per code, in the list's order. */
export function codeItems(list: Codelist<string>): CodeItem[] {
  return Object.entries(list).map(([code, label]) => ({ code, ...label }));
}

/** The codelists that are core's closed vocabularies (everything but the configured stages and the plan years). */
export function fixedCodelists(): Omit<Codelists, 'stages' | 'planYears'> {
  return {
    levels: codeItems(PROJECT_LEVEL_LABELS),
    categories: codeItems(PROJECT_CATEGORY_LABELS),
    natures: codeItems(PROJECT_NATURE_LABELS),
    industries: codeItems(INDUSTRY_SECTION_LABELS),
    financingModels: codeItems(FINANCING_MODEL_LABELS),
    fundingSourceKinds: codeItems(FUNDING_SOURCE_LABELS),
    roles: codeItems(ROLE_LABELS),
    organizationKinds: codeItems(ORGANIZATION_KIND_LABELS),
  };
}
