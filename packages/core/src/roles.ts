/**
 * Roles and the declarative policy: one line per resource and action naming the roles allowed.
 * Which projects a role sees (its scope) is separate: see `projectScopeKind`.
 */
export const ROLES = [
  'city_admin',
  'district_staff',
  'owner',
  'service_officer',
  'responsible_unit',
  'leader',
  'system_admin',
  'security_admin',
  'audit_admin',
  // Banks and private capital reading the published financing-needs list (issue #13): no project scope at all.
  'financial_institution',
] as const;
export type Role = (typeof ROLES)[number];

export const POLICIES = {
  'project.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'project.create': ['city_admin', 'district_staff'],
  'project.update': ['city_admin', 'district_staff'],
  'project.delete': ['city_admin', 'district_staff'],
  'organization.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'organization.create': ['city_admin', 'district_staff'],
  'report.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'report.write': ['city_admin', 'district_staff', 'owner'],
  'report.review': ['city_admin', 'district_staff'],
  'period.manage': ['city_admin'],
  'bulletin.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'bulletin.template.edit': ['city_admin'],
  // Only the city DRC decides what enters the library from open data; system administrators never touch business data.
  'oc4ids.import': ['city_admin'],
  'stats.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'user.read': ['system_admin', 'security_admin'],
  'user.manage': ['system_admin'],
  'user.assignRole': ['security_admin'],
  'audit.readAll': ['audit_admin'],
  // The dispatch loop (issue #10). Which problems a role sees and which workflow step it may take are decided on
  // the data (scope) and by core's problem.workflow.ts; these say who may reach the feature at all.
  'warning.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'warning.configure': ['city_admin'],
  'warning.evaluate': ['city_admin'],
  'dispatch.configure': ['city_admin'],
  'problem.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'problem.work': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit'],
  'league.read': ['city_admin', 'district_staff', 'service_officer', 'responsible_unit', 'leader'],
  'meeting.read': ['city_admin', 'district_staff', 'responsible_unit', 'leader'],
  'meeting.manage': ['city_admin', 'district_staff'],
  'notice.read': ['city_admin', 'district_staff', 'service_officer', 'responsible_unit', 'leader'],
  'notice.template.edit': ['city_admin'],
  'visit.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'leader'],
  'visit.write': ['service_officer'],
  'inspection.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'inspection.write': ['city_admin', 'district_staff'],
  // The inbox tells people about business data; the three administrators have none (三员分立).
  'notification.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  // The lifecycle (issue #11): templates are the city's configuration; transitions and plans are kept by those who
  // follow the project (its owner, its service officer, the DRC offices); a plan becomes the baseline when a DRC
  // office approves it. Events and batch rounds are the DRC offices' to organise.
  'lifecycle.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'lifecycle.configure': ['city_admin'],
  'lifecycle.transition': ['city_admin', 'district_staff', 'owner', 'service_officer'],
  'plan.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'plan.edit': ['city_admin', 'district_staff', 'owner', 'service_officer'],
  'plan.approve': ['city_admin', 'district_staff'],
  'event.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'event.manage': ['city_admin', 'district_staff'],
  // Rankings (赛马): every business reader but the owner reads them; only the city publishes an edition.
  'ranking.read': ['city_admin', 'district_staff', 'leader', 'service_officer', 'responsible_unit'],
  'ranking.publish': ['city_admin'],
  // The attraction pipeline (issue #13): the DRC offices keep the leads; leaders and units follow them.
  'attraction.read': ['city_admin', 'district_staff', 'leader', 'service_officer', 'responsible_unit'],
  'attraction.manage': ['city_admin', 'district_staff'],
  // Funding sources (issue #13 item 3): dated applied/approved/issued events per project and kind.
  'funding.read': ['city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader'],
  'funding.write': ['city_admin', 'district_staff', 'owner'],
  // The financing-needs list (issue #13 item 4): financial institutions read published editions and nothing else.
  'financing.declare': ['city_admin', 'district_staff', 'owner'],
  'financing.publish': ['city_admin'],
  'financing.read': ['city_admin', 'district_staff', 'leader'],
  'financing.edition.read': ['city_admin', 'district_staff', 'leader', 'financial_institution'],
  'financing.match': ['financial_institution', 'city_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof POLICIES;

/** True when the role may perform the action (scope is checked separately, on the data). */
export function can(role: Role, permission: Permission): boolean {
  return (POLICIES[permission] as readonly Role[]).includes(role);
}

/** How a role's project visibility is bounded: by its region subtree, by owning organisation, by pairing, or not at all. */
export type ProjectScopeKind = 'region' | 'owner' | 'officer' | 'none';

export function projectScopeKind(role: Role): ProjectScopeKind {
  switch (role) {
    case 'city_admin':
    case 'district_staff':
    case 'leader':
    case 'responsible_unit':
      return 'region';
    case 'owner':
      return 'owner';
    case 'service_officer':
      return 'officer';
    case 'system_admin':
    case 'security_admin':
    case 'audit_admin':
    case 'financial_institution':
      return 'none';
  }
}

/** Roles whose accounts must carry a region (their scope), and those that must belong to an organisation. */
export const ROLES_WITH_REGION: readonly Role[] = ['city_admin', 'district_staff', 'leader', 'responsible_unit'];

/** The three administrators (三员分立): each account holds at most one of them, and only the CLI creates them. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** True for the three administrator roles. */
export function isAdminRole(role: Role): role is AdminRole {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}

/**
 * The business roles in order of reach, defined once: what the system administrator may grant on its own is
 * district staff and below; the city administrator and the leader (the whole city's data) need the security
 * administrator. The database trigger of migration 2026120511 names the same two roles.
 */
export function businessRank(role: Role): number {
  switch (role) {
    case 'city_admin':
    case 'leader':
      return 3;
    case 'district_staff':
      return 2;
    case 'responsible_unit':
    case 'service_officer':
    case 'owner':
    case 'financial_institution':
      return 1;
    case 'system_admin':
    case 'security_admin':
    case 'audit_admin':
      return 0;
  }
}

/** True for business roles above district staff (granted only by the security administrator). */
export function isAboveDistrictStaff(role: Role): boolean {
  return businessRank(role) > businessRank('district_staff');
}
export const ROLES_WITH_ORGANIZATION: readonly Role[] = ['owner', 'responsible_unit'];

/** Roles that sign in with a second factor (TOTP): the city DRC's administrator and the three administrators. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['city_admin', 'system_admin', 'security_admin', 'audit_admin'];
