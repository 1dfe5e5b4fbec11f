import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';
import { NAV_ITEMS } from './navItems.tsx';

/** `/`: opens the first section of the menu the user may see, or says there is none for this role. */
export function HomeRedirect() {
  const t = useT();
  const { can } = useSession();
  const first = NAV_ITEMS.find((item) => !item.permission || can(item.permission));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('home.noSections')} />;
}
