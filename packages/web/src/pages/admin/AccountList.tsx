/** The filtered account list that 用户管理 and 角色分配 share; each page passes its own actions column. */
import { useState, type ReactNode } from 'react';
import { Grid, Table } from 'antd';
import type { UserListQuery, UserOutput } from '@keyprojects/core';
import { useUsers } from '../../api/admin.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { UserFilters } from './UserFilters.tsx';
import { userColumns } from './userColumns.tsx';

export function AccountList({ actions }: { actions: (user: UserOutput) => ReactNode }) {
  const { t, label } = useLocale();
  const compact = Grid.useBreakpoint().md === false;
  const [query, setQuery] = useState<UserListQuery>({});
  const users = useUsers(query);
  return (
    <>
      <UserFilters value={query} onChange={setQuery} />
      {users.isError && <RetryAlert message={users.error.message} onRetry={() => void users.refetch()} />}
      <Table<UserOutput>
        rowKey="id"
        size="middle"
        columns={userColumns(t, label, actions, compact)}
        dataSource={users.data ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('users.count', { total: n }) }}
        data-testid="user-table"
      />
    </>
  );
}
