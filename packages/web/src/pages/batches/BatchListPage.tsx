/** 三个一批: the rounds in scope with the size of each batch, and (for managers) a new round. */
import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { BatchRoundItem } from '@keyprojects/core';
import { useBatchRounds } from '../../api/events.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { BatchFormModal } from './BatchFormModal.tsx';

/** 三个一批: the rounds in scope with the size of each batch. */
export default function BatchListPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const rounds = useBatchRounds();
  if (!can('event.read')) return <Forbidden />;
  const columns = [
    {
      title: t('batch.field.name'),
      key: 'name',
      render: (_: unknown, r: BatchRoundItem) => <Link to={`/batches/${r.id}`}>{r.name}</Link>,
    },
    { title: t('batch.field.heldOn'), dataIndex: 'heldOn', className: 'kp-nowrap' },
    { title: t('event.field.region'), dataIndex: 'regionName', responsive: ['sm' as const] },
    ...(['sign', 'start', 'production'] as const).map((batch) => ({
      title: t(`batch.kind.${batch}`),
      key: batch,
      align: 'right' as const,
      render: (_: unknown, r: BatchRoundItem) => r.counts[batch],
    })),
  ];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('batch.title')}
        sub={t('batch.sub')}
        extra={
          can('event.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('batch.new')}
            </Button>
          )
        }
      />
      {rounds.isError && <RetryAlert message={rounds.error.message} onRetry={() => void rounds.refetch()} />}
      <Card size="small">
        <Table<BatchRoundItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rounds.data ?? []}
          loading={rounds.isFetching}
          scroll={{ x: true }}
          pagination={false}
          data-testid="batch-table"
        />
      </Card>
      <BatchFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void navigate(`/batches/${id}`);
        }}
      />
    </div>
  );
}
