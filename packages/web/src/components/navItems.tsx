import type { ReactNode } from 'react';
import { DatabaseOutlined } from '@ant-design/icons';
import type { Permission } from '@keyprojects/core';
import type { MessageId } from '../i18n/translate.ts';

/** One entry of the side menu. */
export interface NavItem {
  /** The route the entry opens; it is selected on this path and below it. */
  path: string;
  labelId: MessageId;
  icon: ReactNode;
  /** Shown only to roles with this permission. */
  permission?: Permission;
}

/** The side menu, top to bottom. New sections (dashboard, reports, warnings…) are added here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/projects', labelId: 'menu.projects', icon: <DatabaseOutlined />, permission: 'project.read' },
];
