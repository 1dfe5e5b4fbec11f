/**
 * The district map's rules: which region a boundary file's feature stands for (by full or short name, since map
 * data names districts as they were when drawn), and where a region without a boundary gets its marker.
 */
import { regionLevel } from './region.ts';

// Longest first: 自治县 before 县. What remains is the short name officials use (杜尔伯特蒙古族 is not shortened
// further: the map's label shows the region's own name, this only matches).
const SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '区', '县', '市', '旗'] as const;

/** A district's name without its administrative suffix ("新津县" → "新津", "萨尔图区" → "萨尔图"). */
export function regionNameStem(name: string): string {
  const trimmed = name.trim();
  const suffix = SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length > s.length + 1);
  return suffix ? trimmed.slice(0, -suffix.length) : trimmed;
}

/**
 * The code of the region a feature named `name` stands for, among `regions` (one city's districts and counties):
 * the region of that full name, else the one region sharing its short name (a county since made a district keeps
 * its place: 新津县 → 新津区). Null when none or more than one matches.
 */
export function matchRegionByName(name: string, regions: readonly { code: string; name: string }[]): string | null {
  const exact = regions.find((region) => region.name === name.trim());
  if (exact) return exact.code;
  const stem = regionNameStem(name);
  const matches = regions.filter((region) => regionNameStem(region.name) === stem);
  return matches.length === 1 ? (matches[0]?.code ?? null) : null;
}

/** The mean position of points (a zone's marker without a configured centre); null without points. */
export function meanPosition(points: readonly { longitude: number; latitude: number }[]): [number, number] | null {
  if (points.length === 0) return null;
  let lng = 0;
  let lat = 0;
  for (const point of points) {
    lng += point.longitude;
    lat += point.latitude;
  }
  return [lng / points.length, lat / points.length];
}

/** The prefecture-level city a region belongs to (itself for a city); null for a province. */
export function cityOfRegion(code: string): string | null {
  switch (regionLevel(code)) {
    case 'province':
      return null;
    case 'prefecture':
      return code;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}
