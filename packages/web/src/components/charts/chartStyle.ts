/** Shared looks of the dashboard charts: colours and a grid that keeps the axis labels inside the chart. */
import type { GridComponentOption } from 'echarts/components';

export const CHART_COLORS = {
  /** What was achieved: completed investment, started projects. */
  achieved: '#1d4ed8',
  /** The whole or the plan it is measured against. */
  whole: '#9dbcf5',
  /** The time-elapsed pace (序时进度). */
  pace: '#fa8c16',
  completed: '#389e0d',
  started: '#1d4ed8',
  notStarted: '#fa8c16',
  boundary: '#b8c2d1',
} as const;

/** The height of a dashboard chart, so that charts side by side line up. */
export const CHART_HEIGHT = 300;

/** A grid with the given margins whose axis labels stay inside them (ECharts 6's replacement of containLabel). */
export function labelledGrid(
  margins: Pick<GridComponentOption, 'left' | 'right' | 'top' | 'bottom'>,
): GridComponentOption {
  return { ...margins, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' };
}
