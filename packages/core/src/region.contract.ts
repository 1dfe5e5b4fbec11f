/** The regions API's contract (GET /regions/scope): the regions a user may see, for filters and forms. */
import { z } from 'zod';
import type { RegionLevel } from './region.ts';

/** The levels of GB/T 2260 regions, province down to county. */
export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const satisfies readonly RegionLevel[];

/** A region's names: the full one, what officials write (杜蒙县 for 杜尔伯特蒙古族自治县), the English one. */
export const regionNames = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().meta({ description: '简称（图表、表格、标签用；无简称时为全称）' }),
  nameEn: z.string().nullable().meta({ description: '英文名（英文界面用；无则显示中文名）' }),
});
export type RegionNames = z.output<typeof regionNames>;

/** A region of the user's scope (its own and everything under it). */
export const scopeRegionOutput = regionNames.extend({
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});
export type ScopeRegion = z.output<typeof scopeRegionOutput>;
export type ScopeRegionOutput = ScopeRegion;

/** GET /regions/scope. */
export const scopeRegionsOutput = z.object({ regions: z.array(scopeRegionOutput) });
export type ScopeRegionsOutput = z.output<typeof scopeRegionsOutput>;
