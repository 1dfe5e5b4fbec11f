import { useState } from 'react';
import { Alert, Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { EventItem } from '@keyprojects/core';
import { useEventList, useEventSummary } from '../../api/events.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { EventFormModal } from './EventFormModal.tsx';

/** 集中开工: the year's summary sentence and the events in scope, newest first; managers record new ones. */
export default function EventListPage() {
  const t = useT();
  const { can, today } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const year = today ? Number(today.slice(0, 4)) : undefined;
  const list = useEventList({});
  const summary = useEventSummary(year);
  if (!can('event.read')) return <Forbidden />;
  const columns = [
    {
      title: t('event.field.name'),
      key: 'name',
      render: (_: unknown, e: EventItem) => <Link to={`/events/${e.id}`}>{e.name}</Link>,
    },
    { title: t('event.field.heldOn'), dataIndex: 'heldOn' },
    {
      title: t('event.field.level'),
      key: 'level',
      responsive: ['md' as const],
      render: (_: unknown, e: EventItem) => t(`event.level.${e.level}`),
    },
    { title: t('event.field.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('event.projects'),
      key: 'projects',
      align: 'right' as const,
      render: (_: unknown, e: EventItem) => e.totals.projects,
    },
    {
      title: t('event.investmentYi'),
      key: 'investment',
      align: 'right' as const,
      render: (_: unknown, e: EventItem) => e.totals.totalInvestmentYi,
    },
  ];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('event.title')}
        sub={t('event.sub')}
        extra={
          can('event.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('event.new')}
            </Button>
          )
        }
      />
      {summary.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          title={summary.data.text}
          data-testid="event-summary"
        />
      )}
      {list.isError && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Table<EventItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: true }}
          pagination={false}
          data-testid="event-table"
        />
      </Card>
      <EventFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void navigate(`/events/${id}`);
        }}
      />
    </div>
  );
}
