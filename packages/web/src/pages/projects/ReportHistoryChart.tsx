/** The year's cumulative completion (approved reports) against the annual plan's time-elapsed pace, in 万元. */
import type { ReportHistoryOutput } from '@keyprojects/core';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useT } from '../../i18n/useT.ts';
import { wanNumber } from '../../lib/figures.ts';
import { formatMoney } from '../../lib/format.ts';

/** The curve of a report history (computed by the server with core historyCurve). */
export function ReportHistoryChart({ history, compact }: { history: ReportHistoryOutput; compact: boolean }) {
  const t = useT();
  const hasPlan = history.annualPlan !== null;
  const number = (value: string | null) => (value === null ? null : wanNumber(value));
  const option: ChartOption = {
    // On a phone the legend goes under the chart: above it, it would cover the axis name.
    grid: labelledGrid({ left: 4, right: 12, top: 32, bottom: compact ? 30 : 4 }),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? `${formatMoney(String(value), 'wan')} 万元` : '—'),
    },
    legend: { ...(compact ? { bottom: 0 } : { top: 0 }), itemWidth: 16, textStyle: { fontSize: compact ? 11 : 12 } },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: history.curve.map((p) => t('history.curve.month', { month: p.month })),
      axisLabel: { interval: compact ? 1 : 0, fontSize: 11 },
    },
    yAxis: { type: 'value', name: '万元', nameTextStyle: { align: 'left' }, splitNumber: 4 },
    series: [
      ...(hasPlan
        ? [
            {
              type: 'line' as const,
              name: t('history.curve.plan'),
              data: history.curve.map((p) => number(p.planCumulative)),
              color: CHART_COLORS.pace,
              lineStyle: { type: 'dashed' as const, width: 1.5 },
              symbol: 'none',
            },
          ]
        : []),
      {
        type: 'line' as const,
        name: t('history.curve.actual'),
        data: history.curve.map((p) => number(p.actualCumulative)),
        color: CHART_COLORS.achieved,
        areaStyle: { opacity: 0.08 },
        symbolSize: 6,
      },
    ],
  };
  return (
    <EChart option={option} height={compact ? 220 : 260} ariaLabel={t('history.curve.aria')} testId="history-chart" />
  );
}
