import { Card, Table } from 'antd';
import { FUNDING_SOURCE_LABELS, FUNDING_STEP_LABELS, type FundingEvent } from '@keyprojects/core';
import { useFundingHistory } from '../../api/funding.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** A project's dated funding steps (专项债, 中央预算内), newest first; hidden when there are none. */
export function FundingHistoryCard({ projectId }: { projectId: number }) {
  const { t, label } = useLocale();
  const { can } = useSession();
  const history = useFundingHistory(projectId, can('funding.read'));
  const events = history.data?.events ?? [];
  if (events.length === 0) return null;
  const columns = [
    { title: t('funding.date'), dataIndex: 'occurredOn' },
    {
      title: t('funding.kind'),
      key: 'kind',
      render: (_: unknown, e: FundingEvent) => label(FUNDING_SOURCE_LABELS[e.kind]),
    },
    {
      title: t('funding.step'),
      key: 'step',
      render: (_: unknown, e: FundingEvent) => label(FUNDING_STEP_LABELS[e.step]),
    },
    {
      title: t('funding.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, e: FundingEvent) => <MoneyText value={e.amount} showYi={false} />,
    },
    { title: t('funding.enteredBy'), dataIndex: 'enteredBy', responsive: ['md' as const] },
  ];
  return (
    <Card size="small" title={t('funding.history')} data-testid="funding-history">
      <Table<FundingEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={events}
        pagination={events.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
