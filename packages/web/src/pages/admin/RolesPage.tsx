import { useState } from 'react';
import { Grid, Table } from 'antd';
import { message as messageOf, targetRefusal, type UserListQuery, type UserOutput } from '@keyprojects/core';
import { useUsers } from '../../api/admin.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ActionLink } from './ActionLink.tsx';
import { RoleAssignModal } from './RoleAssignModal.tsx';
import { UserFilters } from './UserFilters.tsx';
import { userColumns } from './userColumns.tsx';

/** 角色分配 (security administrator): the accounts of its region, each with its role and scope to assign. */
export default function RolesPage() {
  const { t, label, locale } = useLocale();
  const { user: me, can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [query, setQuery] = useState<UserListQuery>({});
  const users = useUsers(query);
  const [assigning, setAssigning] = useState<UserOutput | null>(null);

  if (!can('user.assignRole') || !me) return <Forbidden />;

  const actions = (user: UserOutput) => {
    const refusal = targetRefusal(me, user);
    return (
      <ActionLink
        refusal={refusal ? messageOf(refusal, locale) : null}
        onClick={() => setAssigning(user)}
        testId={`assign-${user.username}`}
      >
        {t('users.assign')}
      </ActionLink>
    );
  };

  return (
    <div className="kp-page">
      <PageHeader title={t('roles.title')} sub={t('roles.sub')} />
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
      <RoleAssignModal user={assigning} onClose={() => setAssigning(null)} />
    </div>
  );
}
