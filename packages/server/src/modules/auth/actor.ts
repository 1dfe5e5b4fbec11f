/**
 * The signed-in user as services see it: identity, role, scope (region, organisation) and where the
 * request came from (for the audit trail).
 */
import { can, type Locale, type Permission, type Role } from '@keyprojects/core';
import { errors } from '../../errors.ts';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  organizationId: number | null;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

/** Throws 403 unless the actor's role has the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw errors.forbidden();
}
