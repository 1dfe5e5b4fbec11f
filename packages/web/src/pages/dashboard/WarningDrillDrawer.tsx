import { Drawer, Grid, Table } from 'antd';
import { Link } from 'react-router';
import type { WarningItem, WarningListQueryJson } from '@keyprojects/core';
import { useWarningList } from '../../api/warnings.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useWarningColumns } from '../warnings/warningColumns.tsx';
import { warningSearchParams } from '../warnings/warningListParams.ts';

/** What the warning panel drills into: a title and the list's filters. */
export interface WarningDrill {
  title: string;
  query: WarningListQueryJson;
}

/** The warnings behind a count of the panel (the first 50), with a link to the full list with the same filters. */
export function WarningDrillDrawer({ drill, onClose }: { drill: WarningDrill | null; onClose: () => void }) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const list = useWarningList({ ...drill?.query, pageSize: 50 }, drill !== null);
  const columns = useWarningColumns(true);
  const search = drill ? new URLSearchParams(warningSearchParams(drill.query)).toString() : '';
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      title={drill ? t('warning.panel.drill', { label: drill.title }) : ''}
      size={compact ? '100%' : 640}
      extra={<Link to={`/warnings${search ? `?${search}` : ''}`}>{t('warning.panel.all')}</Link>}
    >
      {list.isError && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
      <Table<WarningItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: true }}
      />
    </Drawer>
  );
}
