/**
 * The district map of the signed-in user's city: the city's boundary file matched to its regions, so that the map
 * names every area by region code and puts a marker where a zone has no area of its own.
 */
import type { Kysely } from 'kysely';
import {
  cityOfRegion,
  matchRegionByName,
  regionLevel,
  type BoundaryFeature,
  type BoundaryOutput,
  type BoundaryRegion,
  type LngLat,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { countiesOf, findRegion, regionOfOrganization } from '../region/region.repository.ts';
import { cityFeatures } from './boundary.files.ts';

/** The region an account belongs to: its own, else its organisation's (owners and service officers have none). */
async function homeRegion(db: Kysely<DB>, actor: Actor): Promise<string | null> {
  if (actor.regionCode) return actor.regionCode;
  if (actor.organizationId === null) return null;
  return (await regionOfOrganization(db, actor.organizationId)) ?? null;
}

/**
 * The city map of a user who reads the statistics (the map is the dashboard's): the three administrators (三员) read
 * no business view, so not this one either; which projects show on it is the statistics' scope. A province-wide
 * account (or the open-data sandbox) has no city and gets no map.
 */
export async function cityBoundary(db: Kysely<DB>, actor: Actor): Promise<BoundaryOutput> {
  requirePermission(actor, 'stats.read');
  const home = await homeRegion(db, actor);
  const cityCode = home ? cityOfRegion(home) : null;
  const city = cityCode ? await findRegion(db, cityCode) : undefined;
  if (!cityCode || !city) return { city: null, ownRegionCode: null, map: null, regions: [] };
  const [counties, source] = await Promise.all([countiesOf(db, cityCode), cityFeatures(cityCode)]);
  const known = new Set(counties.map((county) => county.code));
  const nameOf = new Map(counties.map((county) => [county.code, county.name]));

  const areas: BoundaryFeature[] = [];
  const centres = new Map<string, LngLat>();
  for (const feature of source ?? []) {
    const { code: given, name, cp } = feature.properties;
    const code = given && known.has(given) ? given : matchRegionByName(name, counties);
    // A district the region table does not know (merged away since the map was drawn) is left out.
    if (!code) continue;
    const { geometry } = feature;
    if (geometry.type === 'Point') {
      centres.set(code, geometry.coordinates);
      continue;
    }
    if (cp) centres.set(code, cp);
    areas.push({ type: 'Feature', properties: { code, name: nameOf.get(code) ?? name }, geometry });
  }
  const withArea = new Set(areas.map((area) => area.properties.code));
  const regions: BoundaryRegion[] = counties.map(({ code, name }) => ({
    code,
    name,
    hasBoundary: withArea.has(code),
    centre: centres.get(code) ?? null,
  }));
  const own = actor.regionCode && regionLevel(actor.regionCode) === 'county' ? actor.regionCode : null;
  return {
    city: { code: city.code, name: city.name },
    ownRegionCode: own && known.has(own) ? own : null,
    map: areas.length > 0 ? { type: 'FeatureCollection', features: areas } : null,
    regions,
  };
}
