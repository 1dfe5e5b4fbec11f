/**
 * The separation of the three administrators (三员分立) as pure rules, used by the server's user services
 * (which enforce them) and by the web's administrator pages (which grey out a choice and say why):
 * the system administrator opens accounts up to district staff inside its region, the security
 * administrator assigns roles and scopes inside its region but never to itself, to an administrator, or
 * as an administrator role. The database trigger of migration 2026120511 enforces the role part again.
 */
import type { MessageKey } from './messages.ts';
import { isWithinRegion, regionLevel } from './region.ts';
import { isAboveDistrictStaff, isAdminRole, type Role } from './roles.ts';

/** The administrator making a change, as the rules need it. */
export interface GrantActor {
  id: number;
  role: Role;
  regionCode: string | null;
}

/** A refused field and the message saying why. */
export interface GrantRefusal {
  field: 'role' | 'regionCode' | 'organizationId';
  key: MessageKey;
}

/** Why `actorRole` may not give an account `role` (null when it may). */
export function roleChoiceRefusal(actorRole: Role, role: Role): MessageKey | null {
  if (actorRole !== 'system_admin' && actorRole !== 'security_admin') return 'error.forbidden';
  if (isAdminRole(role)) return 'admin.roleNotGrantable';
  if (actorRole === 'system_admin' && isAboveDistrictStaff(role)) return 'admin.needsSecurityAdmin';
  return null;
}

/** Why a region may not be granted by an administrator whose own region is `actorRegion` (null when it may). */
export function regionGrantRefusal(actorRegion: string | null, regionCode: string): MessageKey | null {
  return actorRegion !== null && isWithinRegion(regionCode, actorRegion) ? null : 'region.outOfScope';
}

/**
 * Why the system administrator may not open an account with this role and region: a business role above
 * district staff, an administrator role, a region outside its own, or a region above a county (an account
 * scoped to the whole city reaches every project, which is the security administrator's decision).
 */
export function accountCreationRefusal(actor: GrantActor, role: Role, regionCode: string | null): GrantRefusal | null {
  const roleKey = roleChoiceRefusal(actor.role, role);
  if (roleKey) return { field: 'role', key: roleKey };
  if (regionCode === null) return null;
  const regionKey = regionGrantRefusal(actor.regionCode, regionCode);
  if (regionKey) return { field: 'regionCode', key: regionKey };
  return regionLevel(regionCode) === 'county' ? null : { field: 'regionCode', key: 'admin.countyOnly' };
}

/** Why an administrator may not change this account at all: its own, or another administrator's (null when it may). */
export function targetRefusal(actor: Pick<GrantActor, 'id'>, target: { id: number; role: Role }): MessageKey | null {
  if (target.id === actor.id) return 'admin.selfChange';
  return isAdminRole(target.role) ? 'admin.targetAdmin' : null;
}

/** Why the security administrator may not assign this role and region (null when it may). */
export function roleGrantRefusal(actor: GrantActor, role: Role, regionCode: string | null): GrantRefusal | null {
  const roleKey = roleChoiceRefusal(actor.role, role);
  if (roleKey) return { field: 'role', key: roleKey };
  const regionKey = regionCode === null ? null : regionGrantRefusal(actor.regionCode, regionCode);
  return regionKey ? { field: 'regionCode', key: regionKey } : null;
}
