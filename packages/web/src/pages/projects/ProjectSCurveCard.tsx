/** The project's investment S-curve (planned cumulative vs completed cumulative, 万元) with its SPI badge. */
import { Card, Tag, Typography } from 'antd';
import { useSCurve } from '../../api/spi.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useT } from '../../i18n/useT.ts';
import { wanNumber } from '../../lib/figures.ts';
import { formatMoney } from '../../lib/format.ts';

/** The SPI as a coloured tag: green from 1, orange from 0.9, red below. */
export function SpiTag({ spi }: { spi: string | null }) {
  const t = useT();
  if (spi === null) return <Tag>{t('plan.scurve.noSpi')}</Tag>;
  const value = Number(spi);
  const color = value >= 1 ? 'green' : value >= 0.9 ? 'orange' : 'red';
  return (
    <Tag color={color} data-testid="spi-tag">
      {t('plan.scurve.spi', { spi })}
    </Tag>
  );
}

/** The S-curve card of a project for the application's year. */
export function ProjectSCurveCard({ projectId }: { projectId: number }) {
  const t = useT();
  const curve = useSCurve(projectId);
  const data = curve.data;
  const option: ChartOption | null = data
    ? {
        grid: labelledGrid({ left: 8, right: 12, top: 36, bottom: 8 }),
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: data.months.map((m) => t('plan.scurve.month', { month: m.month })) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          {
            type: 'line',
            name: t('plan.scurve.planned'),
            data: data.months.map((m) => wanNumber(m.plannedCumulative)),
            lineStyle: { type: 'dashed' },
            color: CHART_COLORS.whole,
            symbol: 'none',
          },
          {
            type: 'line',
            name: t('plan.scurve.earned'),
            data: data.months.map((m) => (m.earnedCumulative === null ? null : wanNumber(m.earnedCumulative))),
            color: CHART_COLORS.achieved,
          },
        ],
      }
    : null;
  return (
    <Card
      size="small"
      loading={curve.isLoading}
      title={t('plan.scurve.title', { year: data?.year ?? '' })}
      extra={data && <SpiTag spi={data.spi} />}
      data-testid="project-scurve-card"
    >
      {data && !data.hasAnnualPlan && <Typography.Text type="secondary">{t('plan.scurve.noAnnual')}</Typography.Text>}
      {data && data.hasAnnualPlan && option && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('plan.scurve.summary', {
              asOf: data.asOf,
              planned: formatMoney(data.plannedToDate, 'wan'),
              earned: formatMoney(data.earnedToDate, 'wan'),
            })}
            <br />
            {t('plan.scurve.spread', {
              plan: formatMoney(data.annualPlan, 'wan'),
              from: data.spreadFrom,
              to: data.spreadTo,
            })}
            {data.planSpan === null && t('plan.scurve.noPlan')}
          </Typography.Paragraph>
          <EChart option={option} height={260} ariaLabel={t('plan.scurve.aria')} testId="project-scurve" />
        </>
      )}
    </Card>
  );
}
