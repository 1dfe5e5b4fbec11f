/**
 * A Gantt chart of milestone nodes (issue #11 item 7): per row a planned bar, the actual bar (thinner, over it) and
 * the baseline's ghost bar (outline), a line at the application's date, overdue in red and done in green, tooltips
 * with the dates and the delays against the baseline and the plan. Rows scroll (a y data zoom) past a screenful;
 * labels are truncated and shown whole in the tooltip.
 *
 * Why an ECharts custom series: ECharts 6 is already in the bundle (the dashboard's charts), so the Gantt adds no
 * dependency, shares the charts' canvas renderer, tooltips and resizing, and draws the three bars exactly as the
 * plan's semantics need. Checked on the npm index (Dec 2026): gantt-task-react 0.3.9 and its fork
 * @wamra/gantt-task-react (task bars with progress, no baseline ghost bars), frappe-gantt 1.2.2 (a DOM library
 * without React bindings or baselines), @svar-ui/react-gantt 2.7.3 (React 19, but a whole editor with its own
 * styles), @dhtmlx/trial-react-gantt (a trial of a commercial product). None adds what this chart lacks, and each
 * would bring a second charting stack and its CSS.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { CustomChart } from 'echarts/charts';
import type { CustomSeriesOption } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useT } from '../../i18n/useT.ts';
import { labelledGrid } from './chartStyle.ts';

echarts.use([CustomChart, GridComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

type GanttOption = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption | MarkLineComponentOption
>;
type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

/** One row of the chart: a node (or a project's node in a region's timeline). */
export interface GanttRow {
  key: string;
  label: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  baselineStart: string | null;
  baselineEnd: string | null;
  done: boolean;
  overdue: boolean;
  delayVsBaselineDays: number | null;
  delayVsPlanDays: number;
  /** A second line in the tooltip (the project, the responsible unit). */
  detail?: string;
}

export const GANTT_COLORS = {
  planned: '#4f7fe0',
  done: '#389e0d',
  overdue: '#cf1322',
  actual: '#1f2d3d',
  baseline: '#8c8c8c',
  today: '#fa8c16',
} as const;

const ROW_HEIGHT = 34;
/** Rows shown before the chart scrolls. */
const VISIBLE_ROWS = 14;
const DAY = 86_400_000;

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A bar between two dates on row `row`, `ratio` of the row's height, shifted by `offset` of it. */
function bar(api: Parameters<RenderItem>[1], row: number, from: string, to: string, ratio: number, offset = 0) {
  const start = api.coord([time(from), row]);
  // A node's end date is inclusive: its bar runs to the end of that day.
  const end = api.coord([time(to) + DAY, row]);
  const height = (api.size?.([0, 1]) as number[])[1] ?? ROW_HEIGHT;
  const [x0 = 0, y = 0] = start;
  const [x1 = 0] = end;
  return { x: x0, y: y - (height * ratio) / 2 + height * offset, width: Math.max(2, x1 - x0), height: height * ratio };
}

function barColor(row: GanttRow): string {
  if (row.done) return row.delayVsPlanDays > 0 ? GANTT_COLORS.overdue : GANTT_COLORS.done;
  return row.overdue ? GANTT_COLORS.overdue : GANTT_COLORS.planned;
}

interface GanttChartProps {
  rows: readonly GanttRow[];
  /** The application's date (the session's), where the today line is drawn. */
  today: string;
  /** Narrow labels on a phone. */
  compact?: boolean;
  ariaLabel: string;
  testId?: string;
}

/** The Gantt chart of the rows, in their order, top to bottom. */
export function GanttChart({ rows, today, compact = false, ariaLabel, testId }: GanttChartProps) {
  const t = useT();
  const option = useMemo((): GanttOption => {
    const labels = rows.map((r) => r.label);
    const dates = rows.flatMap((r) =>
      [r.plannedStart, r.plannedEnd, r.actualStart, r.actualEnd, r.baselineStart, r.baselineEnd].filter(
        (d): d is string => d !== null,
      ),
    );
    const min = Math.min(time(today), ...dates.map(time)) - 7 * DAY;
    const max = Math.max(time(today), ...dates.map(time)) + 14 * DAY;
    const scrolls = rows.length > VISIBLE_ROWS;
    const renderBaseline: RenderItem = (params, api) => {
      const row = rows[params.dataIndex];
      if (!row?.baselineStart || !row.baselineEnd) return null;
      const shape = bar(api, params.dataIndex, row.baselineStart, row.baselineEnd, 0.78);
      return {
        type: 'rect',
        shape,
        style: { fill: 'rgba(140,140,140,0.08)', stroke: GANTT_COLORS.baseline, lineWidth: 1, lineDash: [4, 3] },
      };
    };
    const renderPlanned: RenderItem = (params, api) => {
      const row = rows[params.dataIndex];
      if (!row) return null;
      return {
        type: 'rect',
        shape: { ...bar(api, params.dataIndex, row.plannedStart, row.plannedEnd, 0.5), r: 3 },
        style: { fill: barColor(row), opacity: row.done ? 0.45 : 0.85 },
      };
    };
    const renderActual: RenderItem = (params, api) => {
      const row = rows[params.dataIndex];
      if (!row?.actualStart && !row?.actualEnd) return null;
      const from = row.actualStart ?? row.actualEnd ?? today;
      const to = row.actualEnd ?? today;
      return {
        type: 'rect',
        shape: { ...bar(api, params.dataIndex, from, to < from ? from : to, 0.16), r: 2 },
        style: { fill: row.done && row.delayVsPlanDays <= 0 ? GANTT_COLORS.done : GANTT_COLORS.actual },
      };
    };
    const data = rows.map((_, i) => [i]);
    const tooltipText = (i: number) => {
      const row = rows[i];
      if (!row) return '';
      const lines = [
        `<b>${escapeHtml(row.label)}</b>`,
        row.detail ? escapeHtml(row.detail) : '',
        `${t('plan.gantt.planned')}: ${row.plannedStart} ~ ${row.plannedEnd}`,
        row.baselineEnd ? `${t('plan.gantt.baseline')}: ${row.baselineStart ?? ''} ~ ${row.baselineEnd}` : '',
        row.actualStart || row.actualEnd
          ? `${t('plan.gantt.actual')}: ${row.actualStart ?? ''} ~ ${row.actualEnd ?? ''}`
          : '',
        `${t('plan.col.delayBaseline')}: ${row.delayVsBaselineDays === null ? '—' : t('plan.days', { days: row.delayVsBaselineDays })}`,
        `${t('plan.col.delayPlan')}: ${t('plan.days', { days: row.delayVsPlanDays })}`,
      ];
      return lines.filter(Boolean).join('<br/>');
    };
    return {
      animation: false,
      grid: labelledGrid({ left: 8, right: scrolls ? 28 : 12, top: 28, bottom: 24 }),
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          if (item?.componentType === 'yAxis') return escapeHtml(axisLabelOf(item));
          return tooltipText(item?.dataIndex ?? -1);
        },
      },
      xAxis: {
        type: 'time',
        position: 'top',
        min,
        max,
        splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
        axisLabel: { hideOverlap: true, fontSize: compact ? 10 : 12 },
      },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        triggerEvent: true,
        axisTick: { show: false },
        axisLabel: { width: compact ? 84 : 200, overflow: 'truncate', fontSize: compact ? 11 : 12 },
      },
      dataZoom: scrolls
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 4,
              width: 14,
              startValue: 0,
              endValue: VISIBLE_ROWS - 1,
              zoomLock: true,
              showDetail: false,
              brushSelect: false,
            },
            { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: true },
          ]
        : [],
      series: [
        { type: 'custom', name: 'baseline', renderItem: renderBaseline, data, encode: { y: 0 }, clip: true, z: 1 },
        {
          type: 'custom',
          name: 'planned',
          renderItem: renderPlanned,
          data,
          encode: { y: 0 },
          clip: true,
          z: 2,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: GANTT_COLORS.today, type: 'solid', width: 1.5 },
            // Below the rows: above them the label would cover the month names of the top axis.
            label: { formatter: t('plan.gantt.today', { date: today }), position: 'end', color: GANTT_COLORS.today },
            data: [{ xAxis: time(today) }],
          },
        },
        { type: 'custom', name: 'actual', renderItem: renderActual, data, encode: { y: 0 }, clip: true, z: 3 },
      ],
    };
  }, [rows, today, compact, t]);
  const height = Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT + 64;
  return (
    <div role="figure" aria-label={ariaLabel} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}

/** The full text of a (truncated) axis label the pointer is on. */
function axisLabelOf(item: object): string {
  const value = (item as { value?: unknown }).value;
  return typeof value === 'string' ? value : '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
