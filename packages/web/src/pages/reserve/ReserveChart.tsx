import { Grid } from 'antd';
import type { ReserveStepCount } from '@keyprojects/core';
import { CHART_COLORS, CHART_HEIGHT, labelledGrid } from '../../components/charts/chartStyle.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/useT.ts';

/** The reserve projects by preparation step as bars; a click on a bar opens that step's projects. */
export function ReserveChart({
  steps,
  onPick,
}: {
  steps: readonly ReserveStepCount[];
  onPick: (step: string) => void;
}) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const option: ChartOption = {
    grid: labelledGrid({ left: 8, right: 12, top: 16, bottom: 8 }),
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: steps.map((s) => s.label),
      axisLabel: compact ? { interval: 0, rotate: 40, fontSize: 10 } : { interval: 0, width: 72, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        type: 'bar',
        name: t('reserve.count'),
        data: steps.map((s) => s.count),
        itemStyle: { color: CHART_COLORS.achieved, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top' },
        barMaxWidth: 40,
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={CHART_HEIGHT}
      ariaLabel={t('reserve.chart')}
      testId="reserve-chart"
      onClick={(event) => onPick(steps[event.dataIndex]?.stepCode ?? 'none')}
    />
  );
}
