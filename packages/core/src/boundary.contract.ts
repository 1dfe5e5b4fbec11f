/**
 * The district map's contract (GET /meta/boundary): the signed-in user's city, its districts' boundaries as GeoJSON
 * ready for ECharts' registerMap, and where each district or functional zone without a boundary is labelled.
 */
import { z } from 'zod';

/** A position: longitude, latitude (degrees, WGS-84 as the source draws it). */
export const lngLat = z.tuple([z.number(), z.number()]);
export type LngLat = z.output<typeof lngLat>;

const ring = z.array(lngLat);

/** A district's area: its region code and name, and its outline. */
export const boundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string() }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
  ]),
});
export type BoundaryFeature = z.output<typeof boundaryFeature>;

/** One district, county or functional zone of the city, whether or not it has an area on the map. */
export const boundaryRegion = z.object({
  code: z.string(),
  name: z.string(),
  hasBoundary: z.boolean(),
  /** Where its label or marker goes: the source's label point or a zone's configured centre; null when neither. */
  centre: lngLat.nullable(),
});
export type BoundaryRegion = z.output<typeof boundaryRegion>;

/** GET /meta/boundary. */
export const boundaryOutput = z.object({
  /** The prefecture-level city of the user's region; null for a province-wide account. */
  city: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The user's own district when it is one (its map highlights it), else null. */
  ownRegionCode: z.string().nullable(),
  /** The districts' areas, features named by region code; null when no boundary data ships for the city. */
  map: z.object({ type: z.literal('FeatureCollection'), features: z.array(boundaryFeature) }).nullable(),
  /** Every district and zone of the city, by code. */
  regions: z.array(boundaryRegion),
});
export type BoundaryOutput = z.output<typeof boundaryOutput>;
