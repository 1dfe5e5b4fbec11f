/**
 * The signed-in user as services see it: identity, role, scope (region, organisation) and where the
 * request came from (for the audit trail).
 */
import { can, type Actor, type Permission } from '@keyprojects/core';
import { errors } from '../../errors.ts';

export type { Actor } from '@keyprojects/core';

/** Throws 403 unless the actor's role has the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw errors.forbidden();
}
