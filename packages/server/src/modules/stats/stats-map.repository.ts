/**
 * The dashboard's map in SQL: per district, how many of the scope's projects on the year's list have coordinates
 * and where they lie on average (the dashboard's answer); and the largest of those projects inside the visible box
 * (GET /stats/map-points, fetched by the map for what it shows), read in the order of the index on total investment.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MapBox, StatOptions } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { monthsCounted } from './stats.progress.ts';
import { scopedYearProjects, type StatScope } from './stats.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The scope's projects on the year's list that have coordinates (the map's projects). */
function locatedProjects(db: Db, scope: StatScope, year: number) {
  return scopedYearProjects(db, scope, year)
    .where('projects.longitude', 'is not', null)
    .where('projects.latitude', 'is not', null);
}

export interface MapRegion {
  regionCode: string;
  located: number;
  /** The mean position of its located projects (core's meanPosition). */
  longitude: number;
  latitude: number;
}

/** Each district's located projects: how many and their mean position, by region code. */
export function mapRegionsQuery(db: Db, scope: StatScope, year: number) {
  return locatedProjects(db, scope, year)
    .select([
      'projects.region_code as regionCode',
      sql<number>`count(*)::int`.as('located'),
      sql<number>`avg(projects.longitude)::float8`.as('longitude'),
      sql<number>`avg(projects.latitude)::float8`.as('latitude'),
    ])
    .groupBy('projects.region_code')
    .orderBy('projects.region_code');
}

export interface MapPoint {
  id: number;
  name: string;
  regionCode: string;
  longitude: number;
  latitude: number;
  /** Fen, as a decimal string (exact beyond 2^53). */
  total: string;
  state: 'completed' | 'started' | 'notStarted';
}

/**
 * The largest located projects of the scope's year list (by total investment, ties by id) inside the box (all of
 * them without one), at most `limit`, each with its state as of the date: completed, started (reserve projects
 * never count as started, as in core's startedAsOf), or not started.
 */
export function mapPointsQuery(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  filter: { box?: MapBox | undefined; limit: number },
) {
  const k = monthsCounted(options);
  let q = locatedProjects(db, scope, options.year)
    .leftJoin('project_year_progress as g', (j) =>
      j.onRef('g.project_id', '=', 'projects.id').on('g.year', '=', options.year),
    )
    .select([
      'projects.id',
      'projects.name',
      'projects.region_code as regionCode',
      sql<number>`projects.longitude::float8`.as('longitude'),
      sql<number>`projects.latitude::float8`.as('latitude'),
      sql<string>`projects.total_investment::text`.as('total'),
      sql<MapPoint['state']>`case when projects.actual_completion_date <= ${options.asOf} then 'completed'
        when ap.nature <> 'reserve' and g.started_by_month[${k}] <= ${options.asOf} then 'started'
        else 'notStarted' end`.as('state'),
    ])
    .orderBy('projects.total_investment', 'desc')
    .orderBy('projects.id')
    .limit(filter.limit);
  const { box } = filter;
  if (box) {
    q = q
      .where('projects.longitude', '>=', String(box.minLongitude))
      .where('projects.longitude', '<=', String(box.maxLongitude))
      .where('projects.latitude', '>=', String(box.minLatitude))
      .where('projects.latitude', '<=', String(box.maxLatitude));
  }
  return q;
}

/** The map's points of a box: at most `limit`, and whether the box holds more (one more row is read to tell). */
export async function mapPoints(
  db: Db,
  scope: StatScope,
  options: StatOptions,
  filter: { box?: MapBox | undefined; limit: number },
): Promise<{ points: MapPoint[]; truncated: boolean }> {
  const rows = await mapPointsQuery(db, scope, options, { box: filter.box, limit: filter.limit + 1 }).execute();
  return { points: rows.slice(0, filter.limit), truncated: rows.length > filter.limit };
}
