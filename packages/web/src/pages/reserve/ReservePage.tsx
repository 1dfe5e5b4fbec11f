import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Table, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReserveStepCount } from '@keyprojects/core';
import { useScopeRegions } from '../../api/reference.ts';
import { useReserveSummary } from '../../api/reserve.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { useSession } from '../../session/useSession.ts';
import { ReserveChart } from './ReserveChart.tsx';
import { ReserveProjectsCard } from './ReserveProjectsCard.tsx';

/** 储备库: the projects not yet started by preparation step as of a date in a region, with a drill-down. */
export default function ReservePage() {
  const t = useT();
  const { can, today } = useSession();
  const regions = useScopeRegions();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<string | undefined>(undefined);
  const date = asOf ?? today;
  const summary = useReserveSummary({ asOf: date, regionCode }, can('lifecycle.read') && date !== undefined);
  if (!can('lifecycle.read')) return <Forbidden />;

  const steps = summary.data?.steps ?? [];
  const picked = steps.find((s) => (s.stepCode ?? 'none') === step);
  const columns = [
    { title: t('reserve.col.step'), dataIndex: 'label' },
    { title: t('reserve.count'), dataIndex: 'count', align: 'right' as const },
    {
      title: t('reserve.col.share'),
      key: 'share',
      align: 'right' as const,
      render: (_: unknown, s: ReserveStepCount) =>
        summary.data?.total ? `${((s.count * 100) / summary.data.total).toFixed(1)}%` : '—',
    },
  ];

  return (
    <div className="kp-page">
      <PageHeader
        title={t('reserve.title')}
        sub={t('reserve.sub')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker
              allowClear={false}
              value={date ? dayjs(date) : null}
              onChange={(value) => setAsOf(value ? value.format('YYYY-MM-DD') : undefined)}
              aria-label={t('reserve.asOf')}
            />
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ minWidth: 180 }}
              value={regionCode}
              onChange={(value: string | undefined) => setRegionCode(value)}
              treeData={buildRegionTree(regions.data ?? [])}
              placeholder={t('reserve.region')}
              aria-label={t('reserve.region')}
            />
          </Flex>
        }
      />
      {summary.isError && <RetryAlert message={summary.error.message} onRetry={() => void summary.refetch()} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('reserve.chart')} loading={summary.isLoading}>
            <ReserveChart steps={steps} onPick={setStep} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('reserve.byStep')} loading={summary.isLoading}>
            <Typography.Paragraph data-testid="reserve-total">
              {t('reserve.total', { asOf: date ?? '', total: summary.data?.total ?? 0 })}
            </Typography.Paragraph>
            <Table<ReserveStepCount>
              rowKey={(s) => s.stepCode ?? 'none'}
              size="small"
              pagination={false}
              columns={columns}
              dataSource={steps}
              data-testid="reserve-steps"
              onRow={(s) => ({ onClick: () => setStep(s.stepCode ?? 'none'), style: { cursor: 'pointer' } })}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('reserve.totalRow')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {summary.data?.total ?? 0}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    100%
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
      </Row>
      {step !== undefined && (
        <ReserveProjectsCard asOf={date} regionCode={regionCode} step={step} title={picked?.label ?? ''} />
      )}
    </div>
  );
}
