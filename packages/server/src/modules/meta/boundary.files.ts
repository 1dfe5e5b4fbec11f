/**
 * The cities' boundary files (reference/boundaries/<city code>.json, see the README there): read once per city and
 * kept, as they only change with a release. A city without a file has none; a broken file is a deployment error
 * and fails loudly (the route answers 500, the log names the file).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { lngLat } from '@keyprojects/core';
import { serverFile } from '../../paths.ts';

const BOUNDARY_DIR = serverFile('reference/boundaries');

const ring = z.array(lngLat);
const feature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ name: z.string(), code: z.string().optional(), cp: lngLat.optional() }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
    z.object({ type: z.literal('Point'), coordinates: lngLat }),
  ]),
});
const boundaryFile = z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(feature) });

/** A feature of a city's file as written: the district's name (and code, when the file has it). */
export type SourceFeature = z.output<typeof feature>;

const cache = new Map<string, Promise<SourceFeature[] | null>>();

async function load(cityCode: string): Promise<SourceFeature[] | null> {
  let text: string;
  try {
    text = await readFile(path.join(BOUNDARY_DIR, `${cityCode}.json`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = boundaryFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`reference/boundaries/${cityCode}.json: ${parsed.error.message}`);
  return parsed.data.features;
}

/** The features of a city's boundary file, or null when none ships for the city. */
export function cityFeatures(cityCode: string): Promise<SourceFeature[] | null> {
  if (!/^\d{6}$/.test(cityCode)) return Promise.resolve(null);
  let entry = cache.get(cityCode);
  if (!entry) {
    entry = load(cityCode);
    // A failed read is not kept: the next request tries again (and logs again).
    entry.catch(() => cache.delete(cityCode));
    cache.set(cityCode, entry);
  }
  return entry;
}
