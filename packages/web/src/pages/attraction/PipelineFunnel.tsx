/** The pipeline as a funnel: per step, the leads that reached it (core's pipelineFunnel, computed by the server). */
import { PIPELINE_STEP_LABELS, type AttractionSummary } from '@keyprojects/core';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { useLocale } from '../../i18n/useT.ts';

// One hue from deep to light, so the narrowing reads as one flow rather than categories.
const STEP_COLORS = ['#0b3c8c', '#1d4ed8', '#2f6fe4', '#4b8bf0', '#6ea5f5', '#8fbcf8', '#afd0fa', '#cfe2fc'];

export function PipelineFunnel({ funnel }: { funnel: AttractionSummary['funnel'] }) {
  const { t, locale } = useLocale();
  const most = Math.max(1, ...funnel.map((s) => s.count));
  const option: ChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        min: 0,
        max: most,
        minSize: '12%',
        gap: 2,
        label: { position: 'inside', color: '#fff', fontSize: 12, formatter: '{b} {c}' },
        data: funnel.map((step, index) => ({
          name: PIPELINE_STEP_LABELS[step.step][locale],
          value: step.count,
          itemStyle: { color: STEP_COLORS[index] ?? '#cfe2fc' },
          // The light steps at the narrow end need dark text to stay legible.
          label: index >= 5 ? { color: '#0b3c8c' } : {},
        })),
      },
    ],
  };
  const description = funnel
    .map((s) => t('attraction.funnelCount', { step: PIPELINE_STEP_LABELS[s.step][locale], count: s.count }))
    .join('，');
  return <EChart option={option} height={320} ariaLabel={description} testId="attraction-funnel" />;
}
