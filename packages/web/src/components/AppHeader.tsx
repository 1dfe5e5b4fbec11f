import { lazy, Suspense, type ReactNode } from 'react';
import { App, Avatar, Button, Divider, Layout, Space, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { BrandTitle } from './BrandTitle.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserBadge } from './UserBadge.tsx';

const AccountDropdown = lazy(() => import('./AccountDropdown.tsx'));

/** The top bar: menu button on phones, product name, the user, the language switch and sign-out. */
export function AppHeader({
  compact,
  menusReady,
  onOpenMenu,
}: {
  compact: boolean;
  /** The account menus may load (after the first page's content, see lib/firstContent.ts). */
  menusReady: boolean;
  onOpenMenu: () => void;
}) {
  const t = useT();
  const { user, logout, can } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const handleLogout = async () => {
    try {
      await logout();
      void message.success(t('header.loggedOut'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await navigate('/login', { replace: true });
  };

  const handleUserMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') void handleLogout();
    else if (key === 'password') void navigate('/account/password');
    else if (key === 'security') void navigate('/account/security');
  };
  const accountItems: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('account.menuPassword') },
    { key: 'security', icon: <SafetyCertificateOutlined />, label: t('account.menuSecurity') },
  ];

  const userMenu: MenuProps['items'] = user
    ? [
        { key: 'who', label: <UserBadge user={user} vertical />, disabled: true, style: { cursor: 'default' } },
        { type: 'divider' },
        ...accountItems,
        { type: 'divider' },
        { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
      ]
    : [];

  // Until the dropdown's chunk is in, its trigger shows alone (a click then does nothing yet).
  const withMenu = (items: MenuProps['items'], trigger: ReactNode) =>
    menusReady ? (
      <Suspense fallback={trigger}>
        <AccountDropdown items={items} onClick={handleUserMenuClick}>
          {trigger}
        </AccountDropdown>
      </Suspense>
    ) : (
      trigger
    );

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        borderBottom: '1px solid #e8ebf0',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {compact && <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('menu.open')} />}
      <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>
        <BrandTitle short={compact} hideEmblem={!compact} />
      </div>
      <Space size={compact ? 8 : 12} style={{ flex: 'none' }}>
        {user && can('notification.read') && <NotificationBell />}
        {user &&
          !compact &&
          withMenu(
            accountItems,
            <Button type="text" style={{ height: 'auto', paddingInline: 8 }} data-testid="user-menu">
              <UserBadge user={user} />
            </Button>,
          )}
        {!compact && <Divider orientation="vertical" />}
        <LanguageSwitch />
        {user &&
          compact &&
          withMenu(
            userMenu,
            <Button
              type="text"
              shape="circle"
              aria-label={user.displayName}
              icon={<Avatar size="small" icon={<UserOutlined />} />}
            />,
          )}
        {user && !compact && (
          <Button icon={<LogoutOutlined />} onClick={() => void handleLogout()}>
            {t('header.logout')}
          </Button>
        )}
      </Space>
    </Layout.Header>
  );
}
