import type { BreakdownRowOutput, StatDimension, DrillMetric, DrillSort } from '@keyprojects/core';
import { CHART_COLORS, CHART_HEIGHT, labelledGrid } from '../../components/charts/chartStyle.ts';
import { EChart, type ChartClickEvent, type ChartOption } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/useT.ts';
import { yiNumber } from '../../lib/figures.ts';
import type { OnDrill } from './drill.ts';

/** What the bars measure: project counts (all and started) or money (annual plan and completed), in 亿元. */
export type BarMeasure = 'count' | 'money';

interface BreakdownBarsProps {
  rows: readonly BreakdownRowOutput[];
  labelOf: (key: string) => string;
  measure: BarMeasure;
  dimension: StatDimension;
  onDrill: OnDrill;
  ariaLabel: string;
  testId: string;
}

interface BarSeries {
  name: string;
  metric: DrillMetric;
  /** The money a bar measures: its list comes ordered by it. */
  measure?: DrillSort;
  color: string;
  value: (row: BreakdownRowOutput) => number;
}

/** Horizontal bars, one group per key of a breakdown; a click lists the projects behind the bar. */
export function BreakdownBars({ rows, labelOf, measure, dimension, onDrill, ariaLabel, testId }: BreakdownBarsProps) {
  const t = useT();
  const series: BarSeries[] =
    measure === 'count'
      ? [
          {
            name: t('dashboard.fig.projects'),
            metric: 'all',
            color: CHART_COLORS.whole,
            value: (r) => r.figures.projects,
          },
          {
            name: t('dashboard.fig.started'),
            metric: 'started',
            color: CHART_COLORS.achieved,
            value: (r) => r.figures.startedOrResumed,
          },
        ]
      : [
          {
            name: t('dashboard.chart.annualPlan'),
            metric: 'all',
            measure: 'annualPlan',
            color: CHART_COLORS.whole,
            value: (r) => yiNumber(r.figures.annualPlan),
          },
          {
            name: t('dashboard.fig.completed'),
            metric: 'all',
            measure: 'completedYtd',
            color: CHART_COLORS.achieved,
            value: (r) => yiNumber(r.figures.completedYtd),
          },
        ];
  const labels = rows.map((row) => labelOf(row.key));
  const unit = measure === 'money' ? ` ${t('project.unit.yi')}` : '';

  const option: ChartOption = {
    grid: labelledGrid({ left: 4, right: 40, top: 28, bottom: 4 }),
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}${unit}` },
    xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: 96, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: rows.map(s.value),
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      barMaxWidth: 10,
      barGap: '15%',
      label: { show: true, position: 'right', fontSize: 10, color: '#595959' },
      cursor: 'pointer',
    })),
  };

  const handleClick = (event: ChartClickEvent) => {
    const row = rows[event.dataIndex];
    const picked = series[event.seriesIndex ?? 0];
    if (!row || !picked) return;
    onDrill({
      kind: 'figure',
      title: `${labelOf(row.key)} · ${picked.name}`,
      metric: picked.metric,
      ...(picked.measure ? { measure: picked.measure } : {}),
      dimension,
      key: row.key,
    });
  };

  // As tall as the other charts, growing only for long lists.
  const height = Math.max(CHART_HEIGHT, rows.length * 26 + 44);
  return <EChart option={option} height={height} onClick={handleClick} ariaLabel={ariaLabel} testId={testId} />;
}
