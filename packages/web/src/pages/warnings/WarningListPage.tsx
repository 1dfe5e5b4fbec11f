import { useMemo } from 'react';
import { App as AntApp, Button, Card, Grid, Table, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { WarningItem, WarningListQueryJson } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { useWarningActions, useWarningList } from '../../api/warnings.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { useWarningColumns } from './warningColumns.tsx';
import { WarningFilters } from './WarningFilters.tsx';
import { parseWarningQuery, warningSearchParams } from './warningListParams.ts';

/** 预警: the warnings in scope with filters (kept in the URL), red first, with the Excel export. */
export default function WarningListPage() {
  const t = useT();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseWarningQuery(searchParams), [searchParams]);
  const list = useWarningList(query, can('warning.read'));
  const { evaluate } = useWarningActions();
  const columns = useWarningColumns(compact);

  if (!can('warning.read')) return <Forbidden />;

  const update = (next: WarningListQueryJson) => setSearchParams(warningSearchParams(next));
  const handleEvaluate = () =>
    evaluate.mutate(undefined, {
      onSuccess: (result) => void message.success(t('warning.evaluated', { ...result })),
      onError: (error) => void message.error(errorMessage(error)),
    });

  return (
    <div className="kp-page">
      <PageHeader
        title={t('warning.listTitle')}
        sub={t('warning.listSub')}
        extra={
          <>
            <ExportButton name="warnings" query={{ ...query }} />
            {can('warning.evaluate') && (
              <Button icon={<ThunderboltOutlined />} loading={evaluate.isPending} onClick={handleEvaluate}>
                {t('warning.evaluate')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <WarningFilters
          query={query}
          onChange={(patch) => update({ ...query, ...patch, page: 1 })}
          onReset={() => update({ page: 1, pageSize: query.pageSize })}
        />
      </Card>
      <Card size="small">
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="warning-total">
          {list.data ? t('warning.total', { total: list.data.total }) : t('common.loading')}
        </Typography.Text>
        {list.isError && !list.data && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
        <Table<WarningItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: true }}
          data-testid="warning-table"
          pagination={{
            current: query.page ?? 1,
            pageSize: query.pageSize ?? 20,
            total: list.data?.total ?? 0,
            showSizeChanger: !compact,
            pageSizeOptions: [10, 20, 50, 100],
          }}
          onChange={(pagination) =>
            update({ ...query, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })
          }
        />
      </Card>
    </div>
  );
}
