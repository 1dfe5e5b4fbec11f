/**
 * The signed-in user as the server's services and its database scope see it: identity, role, scope (region,
 * organisation) and where the request came from (for the audit trail). Plain data, so that the database layer
 * can take it without depending on the auth module.
 */
import type { Locale } from './messages.ts';
import type { Role } from './roles.ts';

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
