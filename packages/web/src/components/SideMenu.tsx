import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { NAV_ITEMS, navItemVisible, navMatch } from './navItems.tsx';

/** The navigation menu built from NAV_ITEMS, filtered by the user's role and permissions. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = NAV_ITEMS.filter((item) => navItemVisible(item, user?.role, can));
  // The entry with the longest matching prefix: /reports/file is 月报填报, /reports is 月报审核.
  let selected: string[] = [];
  let best = 0;
  for (const item of visible) {
    const score = navMatch(item, pathname);
    if (score > best) {
      best = score;
      selected = [item.path];
    }
  }
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
