/**
 * How a dashboard drill list is ordered: by the measure of the figure clicked (完成投资 lists the largest
 * completions first, 开工 the latest starts), or by the column a user picks; ties always by project id, so pages
 * never overlap. The server's ORDER BY and the web's column headers both read it from here.
 */
import type { DrillMetric } from './statistics.types.ts';

/** The columns a drill list sorts by. */
export const DRILL_SORTS = ['totalInvestment', 'annualPlan', 'completedYtd', 'startedOn', 'name'] as const;
export type DrillSort = (typeof DRILL_SORTS)[number];

export const DRILL_ORDERS = ['asc', 'desc'] as const;
export type DrillSortOrder = (typeof DRILL_ORDERS)[number];

/** A drill list's order: a column and a direction (ties by id ascending). */
export interface DrillOrder {
  sort: DrillSort;
  order: DrillSortOrder;
}

/** The measure a counted figure is about when no money figure says otherwise. */
function measureOfMetric(metric: DrillMetric): DrillSort {
  switch (metric) {
    case 'started':
    case 'startedNew':
    case 'resumedContinuing':
    case 'startedPlannedNew':
      return 'startedOn';
    case 'overPlan150':
      return 'completedYtd';
    case 'all':
    case 'new':
    case 'continuing':
    case 'reserve':
    case 'notStarted':
    case 'plannedNewStarts':
    case 'inProduction':
    case 'expectedCompletion':
      return 'totalInvestment';
  }
}

/**
 * The order of a drill list: the column asked for, else the measure of the figure clicked (`measure`, e.g.
 * 'completedYtd' for 完成投资, whose metric is 'all'), else the metric's own measure; largest (latest) first
 * unless asked otherwise, names A→Z.
 */
export function drillOrder(
  metric: DrillMetric,
  asked: { sort?: DrillSort | undefined; order?: DrillSortOrder | undefined; measure?: DrillSort | undefined } = {},
): DrillOrder {
  const sort = asked.sort ?? asked.measure ?? measureOfMetric(metric);
  return { sort, order: asked.order ?? (sort === 'name' ? 'asc' : 'desc') };
}
