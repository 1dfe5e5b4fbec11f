import { useState } from 'react';
import { Drawer, Grid, Layout } from 'antd';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { BrandTitle } from './BrandTitle.tsx';
import { SideMenu } from './SideMenu.tsx';

/** The signed-in frame: side menu (a drawer on phones), header, and the current page. */
export function AppShell() {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: assume a desktop rather than flash the drawer button.
  const compact = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

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
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div
            style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '0 12px' }}
          >
            {collapsed ? <img src="/favicon.svg" alt="" width={24} height={24} /> : <BrandTitle short dark />}
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      {compact && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={handleCloseDrawer}
          size={240}
          title={<BrandTitle short dark />}
          styles={{ header: { background: '#001529' }, body: { padding: 0, background: '#001529' } }}
          closable={false}
        >
          <SideMenu onNavigate={handleCloseDrawer} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader compact={compact} onOpenMenu={handleOpenDrawer} />
        <Layout.Content>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
