import type { RankingUnitItem } from '@keyprojects/core';
import { EChart, type ChartClickEvent, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useT } from '../../i18n/useT.ts';
import { movementText } from './MovementTag.tsx';

const UP = '#389e0d';
const DOWN = '#cf1322';
const SAME = '#8c8c8c';

/**
 * The units as horizontal bars by score, first on top: the axis reads "1 萨尔图区", the bar's end its score and
 * movement ("87.5  ↑2"). A click on a bar opens that unit's explanation.
 */
export function RankingChart({
  units,
  compact,
  onPick,
}: {
  units: readonly RankingUnitItem[];
  compact: boolean;
  onPick: (unit: RankingUnitItem) => void;
}) {
  const t = useT();
  const option: ChartOption = {
    grid: labelledGrid({ left: 4, right: compact ? 64 : 80, top: 4, bottom: 4 }),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => String(value),
    },
    xAxis: { type: 'value', splitNumber: compact ? 3 : 5, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((unit) => `${String(unit.rank)}  ${unit.unitName}`),
      axisLabel: { width: compact ? 84 : 120, overflow: 'truncate', fontSize: compact ? 11 : 12 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: t('ranking.chart.score'),
        data: units.map((unit) => ({
          value: unit.hundredths / 100,
          // The leader stands out; the rest share the achieved colour.
          itemStyle: { color: unit.rank === 1 ? '#d48806' : CHART_COLORS.achieved, borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: `{score|${unit.points}}  {${movementStyle(unit.movement)}|${movementText(unit.movement)}}`,
            rich: {
              score: { color: '#262626', fontWeight: 'bold' },
              up: { color: UP, fontWeight: 'bold' },
              down: { color: DOWN, fontWeight: 'bold' },
              same: { color: SAME },
            },
          },
        })),
        barMaxWidth: 16,
        cursor: 'pointer',
      },
    ],
  };
  const handleClick = (event: ChartClickEvent) => {
    const unit = units[event.dataIndex];
    if (unit) onPick(unit);
  };
  return (
    <EChart
      option={option}
      height={Math.max(200, units.length * (compact ? 30 : 34) + 16)}
      onClick={handleClick}
      ariaLabel={t('ranking.chart.aria')}
      testId="ranking-chart"
    />
  );
}

function movementStyle(movement: number | null): 'up' | 'down' | 'same' {
  if (movement === null || movement === 0) return 'same';
  return movement > 0 ? 'up' : 'down';
}
