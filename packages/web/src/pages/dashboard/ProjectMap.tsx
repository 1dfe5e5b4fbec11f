import { Card, Typography } from 'antd';
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { format } from 'echarts/core';
import type { MapPointOutput, MapPointState } from '@keyprojects/core';
import { CHART_COLORS, CHART_HEIGHT, labelledGrid } from '../../components/charts/chartStyle.ts';
import { EChart, type ChartClickEvent, type ChartOption } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/useT.ts';
import { yiNumber } from '../../lib/figures.ts';
import type { OnDrill } from './drill.ts';
import { useBoundary } from './useBoundary.ts';

const STATES: readonly MapPointState[] = ['completed', 'started', 'notStarted'];
const COLOR_OF: Record<MapPointState, string> = {
  completed: CHART_COLORS.completed,
  started: CHART_COLORS.started,
  notStarted: CHART_COLORS.notStarted,
};

/** A point's size grows with the square root of its total investment. */
function symbolSize(point: MapPointOutput): number {
  return Math.min(22, 5 + Math.sqrt(yiNumber(point.totalInvestment)) * 2);
}

/**
 * The projects on longitude/latitude axes, coloured by where they stand (completed, started, not started).
 * District boundaries are drawn only when a GeoJSON is configured (config.ts); none ships with the product.
 */
export function ProjectMap({ points, onDrill }: { points: readonly MapPointOutput[]; onDrill: OnDrill }) {
  const t = useT();
  const boundary = useBoundary();
  const groups = STATES.map((state) => points.filter((point) => point.state === state));
  const yi = t('project.unit.yi');

  const scatter: ScatterSeriesOption[] = STATES.map((state, index) => ({
    type: 'scatter',
    name: t(`dashboard.map.${state}`),
    data: (groups[index] ?? []).map((point) => ({
      name: point.name,
      value: [point.longitude, point.latitude, yiNumber(point.totalInvestment)],
      symbolSize: symbolSize(point),
    })),
    itemStyle: { color: COLOR_OF[state], opacity: 0.78, borderColor: '#fff', borderWidth: 0.5 },
    emphasis: { scale: 1.4 },
    cursor: 'pointer',
  }));
  const lines: LineSeriesOption[] = boundary.rings.map((ring) => ({
    type: 'line',
    data: ring,
    symbol: 'none',
    silent: true,
    z: 0,
    lineStyle: { color: CHART_COLORS.boundary, width: 1 },
    tooltip: { show: false },
  }));

  const option: ChartOption = {
    grid: labelledGrid({ left: 4, right: 12, top: 30, bottom: 4 }),
    legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, data: scatter.map((s) => String(s.name)) },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        if (Array.isArray(params)) return '';
        const value = Array.isArray(params.value) ? params.value : [];
        const amount = typeof value[2] === 'number' ? `${value[2].toFixed(2)} ${yi}` : '';
        return `${format.encodeHTML(params.name)}<br/>${format.encodeHTML(params.seriesName ?? '')} · ${amount}`;
      },
    },
    xAxis: {
      type: 'value',
      scale: true,
      splitLine: { show: false },
      axisLabel: { fontSize: 10, formatter: (value: number) => `${value.toFixed(1)}°E` },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { type: 'dashed' } },
      axisLabel: { fontSize: 10, formatter: (value: number) => `${value.toFixed(1)}°N` },
    },
    series: [...lines, ...scatter],
  };

  const handleClick = (event: ChartClickEvent) => {
    const state = STATES[(event.seriesIndex ?? 0) - lines.length];
    const point = state ? groups[STATES.indexOf(state)]?.[event.dataIndex] : undefined;
    if (point) onDrill({ kind: 'point', title: point.name, point });
  };

  const note = !boundary.configured
    ? t('dashboard.map.noBoundary')
    : boundary.failed
      ? t('dashboard.map.boundaryFailed')
      : null;
  return (
    <Card size="small" title={t('dashboard.chart.map')} style={{ height: '100%' }}>
      <EChart
        option={option}
        height={CHART_HEIGHT}
        onClick={handleClick}
        ariaLabel={t('dashboard.chart.map')}
        testId="project-map"
      />
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {t('dashboard.map.legend', { total: points.length })}
        {note && ` ${note}`}
      </Typography.Text>
    </Card>
  );
}
