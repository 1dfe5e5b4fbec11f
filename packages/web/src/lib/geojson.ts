/** Reads the rings of a GeoJSON file's polygons as longitude/latitude paths (for boundaries drawn as lines). */

export type LngLat = [number, number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRing(value: unknown): LngLat[] | null {
  if (!Array.isArray(value)) return null;
  const ring: LngLat[] = [];
  for (const position of value as unknown[]) {
    if (!Array.isArray(position)) return null;
    const [lng, lat] = position as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number') return null;
    ring.push([lng, lat]);
  }
  return ring;
}

function ringsOfGeometry(geometry: unknown): LngLat[][] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return [];
  const coordinates = geometry.coordinates as unknown[];
  const polygons: unknown[] =
    geometry.type === 'Polygon' ? [coordinates] : geometry.type === 'MultiPolygon' ? coordinates : [];
  const rings: LngLat[][] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    for (const candidate of polygon as unknown[]) {
      const ring = toRing(candidate);
      if (ring && ring.length > 1) rings.push(ring);
    }
  }
  return rings;
}

/** Every polygon ring of a FeatureCollection, Feature or bare geometry; anything else gives none. */
export function boundaryRings(geojson: unknown): LngLat[][] {
  if (!isRecord(geojson)) return [];
  if (geojson.type === 'FeatureCollection' && Array.isArray(geojson.features)) {
    return (geojson.features as unknown[]).flatMap((feature) =>
      isRecord(feature) ? ringsOfGeometry(feature.geometry) : [],
    );
  }
  if (geojson.type === 'Feature') return ringsOfGeometry(geojson.geometry);
  return ringsOfGeometry(geojson);
}
