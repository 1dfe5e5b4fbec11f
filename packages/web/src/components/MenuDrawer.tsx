import { Drawer } from 'antd';
import { BrandTitle } from './BrandTitle.tsx';
import { SideMenu } from './SideMenu.tsx';

/** The phone's menu: the side menu in a drawer from the left (its own chunk with the menu). */
export default function MenuDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={240}
      title={<BrandTitle short dark />}
      styles={{ header: { background: '#001529' }, body: { padding: 0, background: '#001529' } }}
      closable={false}
    >
      <SideMenu onNavigate={onClose} />
    </Drawer>
  );
}
