import type { FundingEventKind, FundingRegionSummary } from '@keyprojects/core';
import { FUNDING_SOURCE_LABELS } from '@keyprojects/core';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useLocale } from '../../i18n/useT.ts';

/** One kind's applied / approved / issued bars per district (万元 as the API gives them, never summed here). */
export function FundingChart({ kind, regions }: { kind: FundingEventKind; regions: readonly FundingRegionSummary[] }) {
  const { t, label } = useLocale();
  const of = (step: 'applied' | 'approved' | 'issued') =>
    regions.map((r) => Number(r.kinds.find((k) => k.kind === kind)?.[step] ?? 0));
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: labelledGrid({ left: 8, right: 8, top: 32, bottom: 8 }),
    xAxis: { type: 'category', data: regions.map((r) => r.regionName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('funding.appliedShort'), data: of('applied'), itemStyle: { color: CHART_COLORS.whole } },
      { type: 'bar', name: t('funding.approvedShort'), data: of('approved'), itemStyle: { color: CHART_COLORS.pace } },
      { type: 'bar', name: t('funding.issuedShort'), data: of('issued'), itemStyle: { color: CHART_COLORS.achieved } },
    ],
  };
  return (
    <EChart
      option={option}
      height={280}
      ariaLabel={`${label(FUNDING_SOURCE_LABELS[kind])} ${t('funding.chart')}`}
      testId={`funding-chart-${kind}`}
    />
  );
}
