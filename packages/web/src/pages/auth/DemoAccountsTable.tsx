import { Button, Table, type TableColumnsType } from 'antd';
import { ROLE_LABELS, type DemoAccount } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

/** The demo accounts with a button per row that copies the account into the login form. */
export function DemoAccountsTable({
  accounts,
  onPick,
}: {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}) {
  const { t, label } = useLocale();
  const columns: TableColumnsType<DemoAccount> = [
    { title: t('login.role'), key: 'role', render: (_, account) => label(ROLE_LABELS[account.role]) },
    {
      title: t('login.username'),
      dataIndex: 'username',
      key: 'username',
      render: (value: string) => <code>{value}</code>,
    },
    {
      title: t('login.password'),
      dataIndex: 'password',
      key: 'password',
      render: (value: string) => <code>{value}</code>,
    },
    { title: t('login.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('common.actions'),
      key: 'pick',
      fixed: 'end',
      width: 80,
      render: (_, account) => (
        <Button size="small" type="link" onClick={() => onPick(account)} data-testid={`demo-fill-${account.username}`}>
          {t('login.fill')}
        </Button>
      ),
    },
  ];
  return (
    <Table<DemoAccount>
      rowKey="username"
      size="small"
      columns={columns}
      dataSource={accounts}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="demo-accounts"
    />
  );
}
