/** The regions API's contract (GET /regions/scope): the regions a user may see, for filters and forms. */
import { z } from 'zod';
import type { RegionLevel } from './region.ts';

/** The levels of GB/T 2260 regions, province down to county. */
export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const satisfies readonly RegionLevel[];

/** A region of the user's scope (its own and everything under it). */
export const scopeRegionOutput = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});
export type ScopeRegion = z.output<typeof scopeRegionOutput>;
export type ScopeRegionOutput = ScopeRegion;

/** GET /regions/scope. */
export const scopeRegionsOutput = z.object({ regions: z.array(scopeRegionOutput) });
export type ScopeRegionsOutput = z.output<typeof scopeRegionsOutput>;
