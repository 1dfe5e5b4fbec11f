/**
 * What a click on the dashboard opens: the projects behind a figure or a bar, or the project of a map point; and
 * that request kept in the URL's search (with its sort and page), so Back, Forward and a shared link reopen it.
 */
import {
  DRILL_METRICS,
  DRILL_ORDERS,
  DRILL_SORTS,
  STAT_DIMENSIONS,
  type DrillMetric,
  type DrillSort,
  type DrillSortOrder,
  type MapPointOutput,
  type StatDimension,
} from '@keyprojects/core';

export interface FigureDrill {
  kind: 'figure';
  /** The figure and, for a bar, its group: the drawer's title. */
  title: string;
  metric: DrillMetric;
  dimension?: StatDimension;
  key?: string;
  /** The figure's own measure (完成投资: completedYtd), the list's order until a column is chosen. */
  measure?: DrillSort;
  /** The column and direction chosen in the list. */
  sort?: DrillSort;
  order?: DrillSortOrder;
  /** The list's page, from 1. */
  page?: number;
}

export type DrillRequest = FigureDrill | { kind: 'point'; title: string; point: MapPointOutput };

/** Opens a drill-down. */
export type OnDrill = (request: DrillRequest) => void;

/** The search parameters a drill-down owns (the dashboard's own asOf and regionCode are left alone). */
const PARAMS = ['drill', 'dim', 'key', 'measure', 'sort', 'order', 'page', 'title', 'point'] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The search with the drill-down written in (or taken out, for null); every other parameter kept. */
export function withDrill(search: URLSearchParams, request: DrillRequest | null): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const name of PARAMS) next.delete(name);
  if (!request) return next;
  next.set('title', request.title);
  if (request.kind === 'point') {
    next.set('point', String(request.point.id));
    return next;
  }
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) next.set(name, String(value));
  };
  next.set('drill', request.metric);
  set('dim', request.dimension);
  set('key', request.key);
  set('measure', request.measure);
  set('sort', request.sort);
  set('order', request.order);
  if (request.page !== undefined && request.page > 1) set('page', request.page);
  return next;
}

/** The drill-down the search names, if any (a map point only once the points it names are loaded). */
export function drillFromSearch(
  search: URLSearchParams,
  points: readonly MapPointOutput[] | undefined,
): DrillRequest | null {
  const title = search.get('title') ?? '';
  const pointId = search.get('point');
  if (pointId !== null) {
    const point = points?.find((p) => String(p.id) === pointId);
    return point ? { kind: 'point', title: title || point.name, point } : null;
  }
  const metric = oneOf(DRILL_METRICS, search.get('drill'));
  if (!metric) return null;
  const dimension = oneOf(STAT_DIMENSIONS, search.get('dim'));
  const key = search.get('key') ?? undefined;
  const measure = oneOf(DRILL_SORTS, search.get('measure'));
  const sort = oneOf(DRILL_SORTS, search.get('sort'));
  const order = oneOf(DRILL_ORDERS, search.get('order'));
  const page = Number(search.get('page') ?? '1');
  return {
    kind: 'figure',
    title,
    metric,
    ...(dimension && key !== undefined ? { dimension, key } : {}),
    ...(measure ? { measure } : {}),
    ...(sort ? { sort } : {}),
    ...(order ? { order } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}
