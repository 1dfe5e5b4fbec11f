import type { ReactNode } from 'react';
import { Dropdown, type MenuProps } from 'antd';

/** The header's account menu around its trigger: a chunk of its own, as antd's Dropdown brings Menu with it. */
export default function AccountDropdown({
  items,
  onClick,
  children,
}: {
  items: MenuProps['items'];
  onClick: MenuProps['onClick'];
  children: ReactNode;
}) {
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      {children}
    </Dropdown>
  );
}
