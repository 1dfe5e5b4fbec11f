/**
 * GB/T 2260 administrative division codes: six digits, `PPCCDD`. A province ends in 0000, a prefecture-level
 * city in 00; everything under a region shares the prefix left when those zero pairs are removed.
 */
export type RegionLevel = 'province' | 'prefecture' | 'county';

export const REGION_CODE_PATTERN = /^\d{6}$/;

/** The level of a region from the shape of its code. */
export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/** The prefix shared by a region and every region under it ("230600" → "2306"). */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/** True when `code` is `scopeCode` itself or lies under it. */
export function isWithinRegion(code: string, scopeCode: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}

/** The parent region's code: county → its prefecture, prefecture → its province, province → null. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 'province':
      return null;
    case 'prefecture':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}
