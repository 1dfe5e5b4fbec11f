import type { ReactNode } from 'react';
import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { ROLE_LABELS, isAdminRole, type Label, type UserOutput } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';

/** The state tags of an account: disabled, locked (until a time in the future), must change its password. */
function stateTags(user: UserOutput, t: Translate): ReactNode {
  const tags: ReactNode[] = [];
  if (user.disabled)
    tags.push(
      <Tag key="d" color="default">
        {t('users.state.disabled')}
      </Tag>,
    );
  if (user.locked)
    tags.push(
      <Tag key="l" color="red">
        {t('users.state.locked')}
      </Tag>,
    );
  if (user.mustChangePassword)
    tags.push(
      <Tag key="m" color="gold">
        {t('users.state.mustChange')}
      </Tag>,
    );
  if (tags.length === 0)
    tags.push(
      <Tag key="a" color="green">
        {t('users.state.active')}
      </Tag>,
    );
  return (
    <Flex gap={4} wrap>
      {tags}
    </Flex>
  );
}

/** The account list's columns, with the page's own actions last; on a phone two stacked columns. */
export function userColumns(
  t: Translate,
  label: (value: Label) => string,
  actions: (user: UserOutput) => ReactNode,
  compact = false,
): TableColumnsType<UserOutput> {
  const roleTag = (user: UserOutput) => (
    <Tag color={isAdminRole(user.role) ? 'purple' : 'blue'}>{label(ROLE_LABELS[user.role])}</Tag>
  );
  const scope = (user: UserOutput) => [user.regionName, user.organizationName].filter(Boolean).join(' / ') || '—';
  if (compact)
    return [
      {
        title: t('users.col.displayName'),
        key: 'account',
        render: (_, user) => (
          <Flex vertical gap={4} align="start">
            <span>
              {user.displayName} <Typography.Text code>{user.username}</Typography.Text>
            </span>
            <Flex gap={4} wrap>
              {roleTag(user)}
              {stateTags(user, t)}
            </Flex>
            <Typography.Text type="secondary">{scope(user)}</Typography.Text>
          </Flex>
        ),
      },
      { title: t('users.col.actions'), key: 'actions', render: (_, user) => actions(user), width: 110 },
    ];
  return [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.col.role'),
      dataIndex: 'role',
      render: (_, user) => roleTag(user),
    },
    { title: t('users.col.scope'), key: 'scope', render: (_, user) => scope(user) },
    { title: t('users.col.state'), key: 'state', render: (_, user) => stateTags(user, t) },
    { title: t('users.col.actions'), key: 'actions', render: (_, user) => actions(user), fixed: 'right' },
  ];
}
