import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { OfficerSummary } from '@keyprojects/core';
import { useOfficers } from '../../api/visits.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';

/** For DRC staff: the service officers of the projects in their area, with those projects and their visits. */
export default function OfficersPage() {
  const t = useT();
  const query = useOfficers();
  const columns: TableColumnsType<OfficerSummary> = [
    { title: t('officers.name'), dataIndex: 'displayName', fixed: 'left' },
    { title: t('officers.projects'), dataIndex: 'projects', align: 'right' },
    { title: t('officers.visits'), dataIndex: 'visits', align: 'right' },
    { title: t('officers.visitsThisMonth'), dataIndex: 'visitsThisMonth', align: 'right' },
    {
      title: t('officers.lastVisit'),
      dataIndex: 'lastVisitOn',
      render: (date: string | null) =>
        date ? (
          <span className="kp-nowrap">{date}</span>
        ) : (
          <Typography.Text type="warning">{t('service.never')}</Typography.Text>
        ),
    },
    {
      title: t('officers.projectNames'),
      dataIndex: 'projectNames',
      render: (names: string[]) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, minWidth: 240 }}>
          {names.map((name) => (
            <Tag key={name} style={{ marginBottom: 4 }}>
              {name}
            </Tag>
          ))}
        </Typography.Paragraph>
      ),
    },
  ];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('officers.title')}
        sub={query.data ? t('service.sub', { date: query.data.asOf }) : undefined}
      />
      {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
      <Card size="small">
        <Table<OfficerSummary>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('officers.empty') }}
        />
      </Card>
    </div>
  );
}
