import { App, Avatar, Button, Divider, Dropdown, Layout, Space, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { BrandTitle } from './BrandTitle.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserBadge } from './UserBadge.tsx';

/** The top bar: menu button on phones, product name, the user, the language switch and sign-out. */
export function AppHeader({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const t = useT();
  const { user, logout } = useSession();
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
  };

  const userMenu: MenuProps['items'] = user
    ? [
        { key: 'who', label: <UserBadge user={user} vertical />, disabled: true, style: { cursor: 'default' } },
        { type: 'divider' },
        { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
      ]
    : [];

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
        {user && !compact && <UserBadge user={user} />}
        {!compact && <Divider orientation="vertical" />}
        <LanguageSwitch />
        {user && compact && (
          <Dropdown
            menu={{ items: userMenu, onClick: handleUserMenuClick }}
            trigger={['click']}
            placement="bottomRight"
          >
            <Button
              type="text"
              shape="circle"
              aria-label={user.displayName}
              icon={<Avatar size="small" icon={<UserOutlined />} />}
            />
          </Dropdown>
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
