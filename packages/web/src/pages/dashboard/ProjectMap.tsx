import { useState } from 'react';
import { Card, Switch, Typography } from 'antd';
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { format } from 'echarts/core';
import type { MapPointOutput, MapPointState, WarningLevel } from '@keyprojects/core';
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

/** The warning layer: red and yellow by the project's highest active warning, the others grey. */
type WarningLayer = WarningLevel | 'none';
const LAYERS: readonly WarningLayer[] = ['red', 'yellow', 'none'];
const LAYER_COLOR: Record<WarningLayer, string> = { red: '#cf1322', yellow: '#faad14', none: '#bfbfbf' };

/** A point's size grows with the square root of its total investment. */
function symbolSize(point: MapPointOutput): number {
  return Math.min(22, 5 + Math.sqrt(yiNumber(point.totalInvestment)) * 2);
}

interface ProjectMapProps {
  points: readonly MapPointOutput[];
  onDrill: OnDrill;
  /** Each warned project's highest active level; with it the card offers the warning layer. */
  warningLevels?: ReadonlyMap<number, WarningLevel> | undefined;
}

/**
 * The projects on longitude/latitude axes, coloured by where they stand (completed, started, not started), or —
 * with the warning layer on — by their highest active warning (red, yellow, none).
 * District boundaries are drawn only when a GeoJSON is configured (config.ts); none ships with the product.
 */
export function ProjectMap({ points, onDrill, warningLevels }: ProjectMapProps) {
  const t = useT();
  const boundary = useBoundary();
  const [warningLayer, setWarningLayer] = useState(false);
  const byWarning = warningLayer && warningLevels !== undefined;
  const keys: readonly string[] = byWarning ? LAYERS : STATES;
  const keyOf = (point: MapPointOutput): string => (byWarning ? (warningLevels.get(point.id) ?? 'none') : point.state);
  const groups = keys.map((key) => points.filter((point) => keyOf(point) === key));
  const yi = t('project.unit.yi');
  const nameOf = (key: string) =>
    byWarning
      ? key === 'none'
        ? t('warning.card.none')
        : t(key === 'red' ? 'warning.panel.red' : 'warning.panel.yellow')
      : t(`dashboard.map.${key as MapPointState}`);
  const colorOf = (key: string) => (byWarning ? LAYER_COLOR[key as WarningLayer] : COLOR_OF[key as MapPointState]);

  const scatter: ScatterSeriesOption[] = keys.map((key, index) => ({
    type: 'scatter',
    name: nameOf(key),
    data: (groups[index] ?? []).map((point) => ({
      name: point.name,
      value: [point.longitude, point.latitude, yiNumber(point.totalInvestment)],
      symbolSize: symbolSize(point),
    })),
    itemStyle: { color: colorOf(key), opacity: 0.78, borderColor: '#fff', borderWidth: 0.5 },
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
    const point = groups[(event.seriesIndex ?? 0) - lines.length]?.[event.dataIndex];
    if (point) onDrill({ kind: 'point', title: point.name, point });
  };

  const note = !boundary.configured
    ? t('dashboard.map.noBoundary')
    : boundary.failed
      ? t('dashboard.map.boundaryFailed')
      : null;
  return (
    <Card
      size="small"
      title={t('dashboard.chart.map')}
      style={{ height: '100%' }}
      extra={
        warningLevels && (
          <Switch
            size="small"
            checked={warningLayer}
            onChange={setWarningLayer}
            checkedChildren={t('warning.map.layer')}
            unCheckedChildren={t('warning.map.layer')}
            data-testid="map-warning-layer"
          />
        )
      }
    >
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
