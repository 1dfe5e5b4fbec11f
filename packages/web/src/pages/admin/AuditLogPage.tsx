import { useState } from 'react';
import { Button, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { ROLE_LABELS, type AuditItem } from '@keyprojects/core';
import { useAuditTrail, type AuditFilters } from '../../api/admin.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { AuditRowDetail } from './AuditRowDetail.tsx';
import { codeText, isRole } from './auditLabels.ts';

/** 审计日志 (audit administrator): the filtered trail, newest first, page after page, each row opening its changes. */
export default function AuditLogPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<AuditFilters>({});
  const trail = useAuditTrail(filters);

  if (!can('audit.readAll')) return <Forbidden />;

  const items = trail.data?.pages.flatMap((page) => page.items) ?? [];
  const at = (item: AuditItem) => dayjs(item.at).format('YYYY-MM-DD HH:mm:ss');
  const actor = (item: AuditItem) => (
    <Flex vertical>
      <span>
        {item.actorLabel} {item.actorName && <Typography.Text type="secondary">{item.actorUsername}</Typography.Text>}
      </span>
      {isRole(item.actorRole) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(ROLE_LABELS[item.actorRole])}
        </Typography.Text>
      )}
    </Flex>
  );
  const action = (item: AuditItem) => (
    <Tag color={item.action === 'login_failed' ? 'red' : 'blue'}>{codeText(t, 'audit.action', item.action)}</Tag>
  );
  const entity = (item: AuditItem) => `${codeText(t, 'audit.entity', item.entityType)} #${item.entityId}`;
  const columns: TableColumnsType<AuditItem> = compact
    ? [
        {
          title: t('audit.col.action'),
          key: 'what',
          render: (_, item) => (
            <Flex vertical gap={2} align="start">
              <Typography.Text type="secondary">{at(item)}</Typography.Text>
              <span>
                {action(item)} {entity(item)}
              </span>
            </Flex>
          ),
        },
        {
          title: t('audit.col.actor'),
          key: 'who',
          render: (_, item) => (
            <Flex vertical>
              {actor(item)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.ip}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('audit.col.at'), key: 'at', render: (_, item) => at(item) },
        { title: t('audit.col.actor'), key: 'actor', render: (_, item) => actor(item) },
        { title: t('audit.col.action'), key: 'action', render: (_, item) => action(item) },
        { title: t('audit.col.entity'), key: 'entity', render: (_, item) => entity(item) },
        { title: t('audit.col.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
      ];

  return (
    <div className="kp-page">
      <PageHeader
        title={t('audit.title')}
        sub={t('audit.sub')}
        extra={<ExportButton name="audit-log" query={{ ...filters }} />}
      />
      <AuditFilterBar value={filters} onChange={setFilters} />
      {trail.isError && <RetryAlert message={trail.error.message} onRetry={() => void trail.refetch()} />}
      <Table<AuditItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={trail.isFetching && !trail.isFetchingNextPage}
        scroll={{ x: 'max-content' }}
        pagination={false}
        expandable={{
          expandedRowRender: (item) => <AuditRowDetail item={item} />,
          rowExpandable: (item) => item.changes.length > 0,
          expandRowByClick: true,
        }}
        data-testid="audit-table"
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('audit.shown', { count: items.length })}</Typography.Text>
        {trail.hasNextPage ? (
          <Button
            onClick={() => void trail.fetchNextPage()}
            loading={trail.isFetchingNextPage}
            data-testid="audit-more"
          >
            {t('audit.more')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        )}
      </Flex>
    </div>
  );
}
