import { Panel } from '../../components/Panel.tsx';
import type { MonthlyCompletionOutput } from '@keyprojects/core';
import { CHART_COLORS, CHART_HEIGHT, labelledGrid } from '../../components/charts/chartStyle.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/useT.ts';
import { yiNumber } from '../../lib/figures.ts';

/** Completed investment, cumulative at each month's cut-off, against the time-elapsed plan line (序时进度). */
export function MonthlyChart({ monthly, year }: { monthly: readonly MonthlyCompletionOutput[]; year: number }) {
  const t = useT();
  const yi = t('project.unit.yi');
  const option: ChartOption = {
    grid: labelledGrid({ left: 8, right: 12, top: 36, bottom: 8 }),
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)} ${yi}` },
    xAxis: {
      type: 'category',
      data: monthly.map((m) => t('dashboard.monthTick', { month: m.month })),
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        type: 'bar',
        name: t('dashboard.chart.completedCumulative'),
        data: monthly.map((m) => yiNumber(m.completedCumulative)),
        itemStyle: { color: CHART_COLORS.achieved, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 34,
      },
      {
        type: 'line',
        name: t('dashboard.chart.planLine'),
        data: monthly.map((m) => yiNumber(m.planLine)),
        lineStyle: { type: 'dashed', width: 2, color: CHART_COLORS.pace },
        itemStyle: { color: CHART_COLORS.pace },
        symbolSize: 6,
      },
    ],
  };
  return (
    <Panel title={t('dashboard.chart.monthlyTitle', { year })} style={{ height: '100%' }}>
      <EChart
        option={option}
        height={CHART_HEIGHT}
        ariaLabel={t('dashboard.chart.monthlyTitle', { year })}
        testId="monthly-chart"
      />
    </Panel>
  );
}
