import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { NAV_ITEMS } from './navItems.tsx';

/** The navigation menu built from NAV_ITEMS, filtered by the user's permissions. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
  const selected = visible
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .map((item) => item.path);
  const items: MenuProps['items'] = visible.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.labelId),
  }));

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    void navigate(key);
    onNavigate?.();
  };

  return <Menu theme="dark" mode="inline" items={items} selectedKeys={selected} onClick={handleClick} />;
}
