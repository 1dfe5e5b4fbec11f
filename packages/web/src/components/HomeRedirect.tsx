import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { DEFAULT_HOME_PATH, HOME_PATHS, NAV_ITEMS, navItemVisible } from './navItems.tsx';

/**
 * `/`: the role's home section (leaders the dashboard, owners their monthly reports, others the project library)
 * when they may open it, else the first section of the menu, or says there is none for this role.
 */
export default function HomeRedirect() {
  const t = useT();
  const { user, can } = useSession();
  const visible = NAV_ITEMS.filter((item) => navItemVisible(item, user?.role, can));
  const home = (user && HOME_PATHS[user.role]) ?? DEFAULT_HOME_PATH;
  const target = visible.find((item) => item.path === home) ?? visible[0];
  if (target) return <Navigate to={target.path} replace />;
  return <Result status="info" title={t('home.noSections')} />;
}
