import { lazy, Suspense, useState } from 'react';
import { Grid, Layout } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { useFirstContentShown } from '../lib/firstContent.ts';
import { AppHeader } from './AppHeader.tsx';
import { BrandTitle } from './BrandTitle.tsx';

// The menus load after the first page's content (lib/firstContent.ts); the frame around them paints at once.
const SideMenu = lazy(() => import('./SideMenu.tsx').then((m) => ({ default: m.SideMenu })));
const MenuDrawer = lazy(() => import('./MenuDrawer.tsx'));

/** The signed-in frame: side menu (a drawer on phones), header, and the current page. */
export function AppShell() {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: assume a desktop rather than flash the drawer button.
  const compact = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const menusReady = useFirstContentShown(useLocation().pathname);

  const handleOpenDrawer = () => setDrawerOpen(true);
  const handleCloseDrawer = () => setDrawerOpen(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!compact && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          {/*
            The menu scrolls on its own above the collapse button: 20-odd items outgrow a laptop's height. Its extra
            bottom room lets the last item clear the bottom edge while the demo banner pushes the frame down.
          */}
          <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
            <div
              style={{
                height: 56,
                flex: 'none',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                padding: '0 12px',
              }}
            >
              {collapsed ? <img src="/favicon.svg" alt="" width={24} height={24} /> : <BrandTitle short dark />}
            </div>
            <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden', paddingBottom: 48 }}>
              {menusReady && (
                <Suspense>
                  <SideMenu />
                </Suspense>
              )}
            </div>
          </div>
        </Layout.Sider>
      )}
      {compact && menusReady && (
        <Suspense>
          <MenuDrawer open={drawerOpen} onClose={handleCloseDrawer} />
        </Suspense>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader compact={compact} menusReady={menusReady} onOpenMenu={handleOpenDrawer} />
        <Layout.Content>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
