/** SPI per region: a bar chart (1.0 marked) and the table of projects, planned and completed to date. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SpiRegionRowOutput } from '@keyprojects/core';
import { useRegionLabel } from '../../api/reference.ts';
import { useRegionSpi } from '../../api/spi.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { CHART_COLORS, labelledGrid } from '../../components/charts/chartStyle.ts';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';
import { SpiTag } from '../projects/ProjectSCurveCard.tsx';

/** The SPI breakdown of the region (the actor's scope without one). */
export function RegionSpiPanel({ regionCode }: { regionCode: string | undefined }) {
  const t = useT();
  const regionLabel = useRegionLabel();
  const spi = useRegionSpi({ regionCode });
  const rows = spi.data?.rows ?? [];
  const option: ChartOption = {
    grid: labelledGrid({ left: 8, right: 12, top: 16, bottom: 8 }),
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rows.map((r) => regionLabel(r.regionCode, r.regionName)),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: 'SPI' },
    series: [
      {
        type: 'bar',
        name: 'SPI',
        data: rows.map((r) => ({
          value: r.spi === null ? null : Number(r.spi),
          itemStyle: { color: r.spi !== null && Number(r.spi) < 0.9 ? '#cf1322' : CHART_COLORS.achieved },
        })),
        barMaxWidth: 36,
      },
    ],
  };
  const columns: ColumnsType<SpiRegionRowOutput> = [
    {
      title: t('plan.col.region'),
      key: 'region',
      render: (_, r) => (r.regionName ? regionLabel(r.regionCode, r.regionName) : t('plans.spi.total')),
    },
    { title: t('plans.spi.projects'), dataIndex: 'projects' },
    { title: t('plans.spi.withPlan'), dataIndex: 'withPlan', responsive: ['md'] },
    { title: t('plans.spi.behind'), dataIndex: 'behind' },
    {
      title: t('plans.spi.planned'),
      dataIndex: 'plannedToDate',
      align: 'right',
      responsive: ['md'],
      render: (v: string) => formatMoney(v, 'wan'),
    },
    {
      title: t('plans.spi.earned'),
      dataIndex: 'earnedToDate',
      align: 'right',
      responsive: ['md'],
      render: (v: string) => formatMoney(v, 'wan'),
    },
    { title: t('plans.spi.value'), dataIndex: 'spi', render: (v: string | null) => <SpiTag spi={v} /> },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('plans.spi.note', { asOf: spi.data?.asOf ?? '' })}
      </Typography.Paragraph>
      <EChart option={option} height={260} ariaLabel={t('plans.spi.aria')} testId="plans-spi-chart" />
      <Table<SpiRegionRowOutput>
        rowKey="regionCode"
        size="small"
        columns={columns}
        dataSource={spi.data ? [...rows, spi.data.total] : []}
        loading={spi.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plans-spi-table"
      />
    </>
  );
}
