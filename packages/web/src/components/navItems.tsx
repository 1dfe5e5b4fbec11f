import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FormOutlined,
  GlobalOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  FileSearchOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  SolutionOutlined,
  ExclamationCircleOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  CalendarOutlined,
  ApartmentOutlined,
  ProjectOutlined,
  InboxOutlined,
  RocketOutlined,
  OrderedListOutlined,
  RiseOutlined,
  FunnelPlotOutlined,
  BankOutlined,
  FundOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@keyprojects/core';
import type { MessageId } from '../i18n/translate.ts';

/** One entry of the side menu. */
export interface NavItem {
  /** The route the entry opens; it is selected on this path and below it. */
  path: string;
  labelId: MessageId;
  icon: ReactNode;
  /** Shown only to roles with this permission. */
  permission?: Permission;
  /** Shown only to these roles (on top of the permission). */
  roles?: readonly Role[];
  /** Further path prefixes under which the entry is selected (the longest match wins). */
  alsoSelectedUnder?: readonly string[];
}

/** The side menu, top to bottom. New sections (warnings, problems…) are added here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', labelId: 'menu.dashboard', icon: <DashboardOutlined />, permission: 'stats.read' },
  {
    path: '/reports/file',
    labelId: 'menu.reportFile',
    icon: <FormOutlined />,
    permission: 'report.write',
    roles: ['owner'],
    alsoSelectedUnder: ['/reports'],
  },
  { path: '/reports', labelId: 'menu.reportReview', icon: <AuditOutlined />, permission: 'report.review' },
  { path: '/projects', labelId: 'menu.projects', icon: <DatabaseOutlined />, permission: 'project.read' },
  // The dispatch loop (issue #10): what is slipping, who must act, the meetings and notices that follow it up.
  { path: '/warnings', labelId: 'menu.warnings', icon: <AlertOutlined />, permission: 'warning.read' },
  { path: '/problems', labelId: 'menu.problems', icon: <ExclamationCircleOutlined />, permission: 'problem.read' },
  { path: '/meetings', labelId: 'menu.meetings', icon: <ScheduleOutlined />, permission: 'meeting.read' },
  { path: '/notices', labelId: 'menu.notices', icon: <NotificationOutlined />, permission: 'notice.read' },
  { path: '/problems/league', labelId: 'menu.league', icon: <TrophyOutlined />, permission: 'league.read' },
  // 赛马排名 (issue #13): districts ranked per period on a versioned scheme, each score explained term by term.
  { path: '/rankings', labelId: 'menu.rankings', icon: <RiseOutlined />, permission: 'ranking.read' },
  // Service officers and site supervision: the officer's own view, the staff's lists.
  { path: '/service', labelId: 'menu.service', icon: <CustomerServiceOutlined />, permission: 'visit.write' },
  {
    path: '/service/officers',
    labelId: 'menu.officers',
    icon: <SolutionOutlined />,
    permission: 'visit.read',
    roles: ['city_admin', 'district_staff', 'leader'],
  },
  {
    path: '/inspections',
    labelId: 'menu.inspections',
    icon: <EnvironmentOutlined />,
    permission: 'inspection.read',
    roles: ['city_admin', 'district_staff', 'leader'],
  },
  // 项目全周期 (issue #11): the reserve library, groundbreaking events and the three batches.
  { path: '/reserve', labelId: 'menu.reserve', icon: <InboxOutlined />, permission: 'lifecycle.read' },
  { path: '/events', labelId: 'menu.events', icon: <RocketOutlined />, permission: 'event.read' },
  // Funding sources and the financing-needs list (issue #13); institutions see only their own view.
  { path: '/funding', labelId: 'menu.funding', icon: <FundOutlined />, permission: 'funding.read' },
  // Read by the DRC offices and leaders (financing.read), used by owners to declare (financing.declare).
  {
    path: '/financing',
    labelId: 'menu.financing',
    icon: <BankOutlined />,
    roles: ['city_admin', 'district_staff', 'owner', 'leader'],
  },
  {
    path: '/financing/editions',
    labelId: 'menu.financingEditions',
    icon: <BankOutlined />,
    permission: 'financing.edition.read',
    roles: ['financial_institution'],
  },
  { path: '/batches', labelId: 'menu.batches', icon: <OrderedListOutlined />, permission: 'event.read' },
  // The attraction pipeline (issue #13): leads to projects, the six lists.
  { path: '/attraction', labelId: 'menu.attraction', icon: <FunnelPlotOutlined />, permission: 'attraction.read' },
  { path: '/ledger/import', labelId: 'menu.ledgerImport', icon: <CloudUploadOutlined />, permission: 'project.create' },
  { path: '/bulletins', labelId: 'menu.bulletins', icon: <FileTextOutlined />, permission: 'bulletin.read' },
  { path: '/open-data', labelId: 'menu.openData', icon: <GlobalOutlined />, permission: 'project.read' },
  // 项目全周期 (issue #11): the plan nodes across projects, the timeline, the re-planned projects and SPI.
  { path: '/plans', labelId: 'menu.plans', icon: <ProjectOutlined />, permission: 'plan.read' },
  { path: '/inbox', labelId: 'menu.inbox', icon: <BellOutlined />, permission: 'notification.read' },
  // The city's settings of the dispatch loop.
  {
    path: '/settings/warnings',
    labelId: 'menu.warningSettings',
    icon: <SettingOutlined />,
    permission: 'warning.configure',
  },
  {
    path: '/settings/calendar',
    labelId: 'menu.calendar',
    icon: <CalendarOutlined />,
    permission: 'dispatch.configure',
  },
  {
    path: '/settings/lifecycle',
    labelId: 'menu.lifecycleSettings',
    icon: <ApartmentOutlined />,
    permission: 'lifecycle.configure',
  },
  // The three administrators (三员分立): one page each.
  { path: '/admin/users', labelId: 'menu.users', icon: <TeamOutlined />, permission: 'user.manage' },
  { path: '/admin/roles', labelId: 'menu.roles', icon: <SafetyCertificateOutlined />, permission: 'user.assignRole' },
  { path: '/admin/audit', labelId: 'menu.audit', icon: <FileSearchOutlined />, permission: 'audit.readAll' },
];

/** Where `/` (and the login) leads a role when it is not the project library. */
export const HOME_PATHS: Partial<Record<Role, string>> = {
  leader: '/dashboard',
  owner: '/reports/file',
  service_officer: '/service',
  responsible_unit: '/problems',
  system_admin: '/admin/users',
  security_admin: '/admin/roles',
  audit_admin: '/admin/audit',
  financial_institution: '/financing/editions',
};
export const DEFAULT_HOME_PATH = '/projects';

/** True when the user (role and permission check) may see the entry. */
export function navItemVisible(item: NavItem, role: Role | undefined, can: (permission: Permission) => boolean) {
  if (item.permission && !can(item.permission)) return false;
  return !item.roles || (role !== undefined && item.roles.includes(role));
}

/** How well a path selects an entry: the length of the longest matching prefix, or 0. */
export function navMatch(item: NavItem, pathname: string): number {
  const prefixes = [item.path, ...(item.alsoSelectedUnder ?? [])];
  const lengths = prefixes
    .filter((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
    .map((prefix) => prefix.length);
  return lengths.length ? Math.max(...lengths) : 0;
}
