/**
 * The map's visible area as the map-points request names it: `minLon,minLat,maxLon,maxLat` in degrees (WGS-84, as
 * projects' coordinates are stored). Parsed at the edge, written by the web from the chart's visible extent.
 */

/** A box on the map: west, south, east and north edges in degrees. */
export interface MapBox {
  minLongitude: number;
  minLatitude: number;
  maxLongitude: number;
  maxLatitude: number;
}

const NUMBER = /^-?\d{1,3}(\.\d{1,8})?$/;

/**
 * The box a `minLon,minLat,maxLon,maxLat` text names; null unless it is four plain decimals, longitudes within
 * ±180, latitudes within ±90, and each minimum at most its maximum (a box across the antimeridian is not one of ours).
 */
export function parseMapBox(text: string): MapBox | null {
  const parts = text.split(',');
  if (parts.length !== 4 || !parts.every((part) => NUMBER.test(part.trim()))) return null;
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = parts.map(Number) as [number, number, number, number];
  const longitudes = [minLongitude, maxLongitude].every((value) => Math.abs(value) <= 180);
  const latitudes = [minLatitude, maxLatitude].every((value) => Math.abs(value) <= 90);
  if (!longitudes || !latitudes || minLongitude > maxLongitude || minLatitude > maxLatitude) return null;
  return { minLongitude, minLatitude, maxLongitude, maxLatitude };
}

/** Decimals a box is written with: 0.001° is about 100 m, finer than a dot and coarse enough to repeat exactly. */
const GRID = 1000;

/**
 * A visible extent as the request's text, widened outward to the 0.001° grid and clamped to the globe, so that the
 * same view asks the same question (the answer cache's key) and no dot at an edge is lost to rounding.
 */
export function mapBoxText(box: MapBox): string {
  const down = (value: number, limit: number) => Math.max(-limit, Math.floor(value * GRID) / GRID);
  const up = (value: number, limit: number) => Math.min(limit, Math.ceil(value * GRID) / GRID);
  return [
    down(box.minLongitude, 180),
    down(box.minLatitude, 90),
    up(box.maxLongitude, 180),
    up(box.maxLatitude, 90),
  ].join(',');
}
