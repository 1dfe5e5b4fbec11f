/** The year's planned / signed / landed leads per district, as grouped bars. */
import type { AttractionSummary } from '@keyprojects/core';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useRegionLabel } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';

export function DistrictCountsChart({ districts }: { districts: AttractionSummary['districts'] }) {
  const t = useT();
  const regionLabel = useRegionLabel();
  // Officials' short names (杜蒙县, 高新区): full names crowd rotated labels.
  const labelOf = (d: AttractionSummary['districts'][number]) => regionLabel(d.regionCode, d.regionName);
  const series = [
    { key: 'planned', name: t('attraction.planned'), color: CHART_COLORS.whole },
    { key: 'signed', name: t('attraction.signed'), color: CHART_COLORS.achieved },
    { key: 'landed', name: t('attraction.landed'), color: CHART_COLORS.completed },
  ] as const;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: labelledGrid({ left: 8, right: 8, top: 32, bottom: 8 }),
    xAxis: {
      type: 'category',
      data: districts.map(labelOf),
      axisLabel: { interval: 0, rotate: districts.length > 5 ? 35 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      itemStyle: { color: s.color },
      data: districts.map((d) => d[s.key]),
    })),
  };
  return (
    <EChart
      option={option}
      height={320}
      ariaLabel={districts.map((d) => `${labelOf(d)} ${d.planned}/${d.signed}/${d.landed}`).join('；')}
      testId="attraction-districts"
    />
  );
}
