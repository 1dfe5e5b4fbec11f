import { useState } from 'react';
import { Card, Col, DatePicker, Progress, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { BatchOutcome, BatchProject } from '@keyprojects/core';
import { useBatchRound } from '../../api/events.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** One batch: its rate and projects, those that did not make it marked. */
function BatchCard({ outcome }: { outcome: BatchOutcome }) {
  const t = useT();
  const columns = [
    {
      title: t('reserve.col.project'),
      key: 'name',
      render: (_: unknown, p: BatchProject) => <Link to={`/projects/${p.id}`}>{`${p.name}（${p.code}）`}</Link>,
    },
    { title: t('reserve.col.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('reserve.col.investment'),
      dataIndex: 'totalInvestment',
      align: 'right' as const,
      responsive: ['md' as const],
      render: (value: string) => <MoneyText value={value} showYi={false} />,
    },
    {
      title: t('batch.plannedOn'),
      dataIndex: 'plannedOn',
      responsive: ['md' as const],
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t(`batch.achieved.${outcome.batch}`),
      key: 'achieved',
      render: (_: unknown, p: BatchProject) =>
        p.achieved ? <Tag color="green">{p.achievedOn}</Tag> : <Tag color="orange">{t('batch.notYet')}</Tag>,
    },
  ];
  return (
    <Card
      size="small"
      title={t(`batch.kind.${outcome.batch}`)}
      extra={
        <Typography.Text strong data-testid={`batch-rate-${outcome.batch}`}>
          {t('batch.rate', { achieved: outcome.achieved, planned: outcome.planned, rate: outcome.rate ?? '—' })}
        </Typography.Text>
      }
      style={{ marginBottom: 12 }}
    >
      <Progress percent={Number(outcome.rate ?? 0)} showInfo={false} style={{ marginBottom: 8 }} />
      <Table<BatchProject>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={outcome.projects}
        pagination={false}
        scroll={{ x: true }}
      />
    </Card>
  );
}

/** A 三个一批 round: the three batches with their rates as of a date (default: the application's). */
export default function BatchDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { today } = useSession();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const round = useBatchRound(id, asOf ?? today);
  if (round.isError) return <RetryAlert message={round.error.message} onRetry={() => void round.refetch()} />;
  const data = round.data;
  return (
    <div className="kp-page">
      <PageHeader
        title={data?.name ?? t('batch.title')}
        sub={data ? `${data.heldOn} · ${data.regionName}` : undefined}
        extra={
          <DatePicker
            allowClear={false}
            value={(asOf ?? today) ? dayjs(asOf ?? today) : null}
            onChange={(value) => setAsOf(value ? value.format('YYYY-MM-DD') : undefined)}
            aria-label={t('reserve.asOf')}
          />
        }
      />
      <Row gutter={[12, 0]}>
        {(data?.batches ?? []).map((outcome) => (
          <Col xs={24} key={outcome.batch}>
            <BatchCard outcome={outcome} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
