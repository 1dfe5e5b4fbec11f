/**
 * The signed-in user as the server's services and its database scope see it: identity, role, scope (region,
 * organisation) and where the request came from (for the audit trail). Plain data, so that the database layer
 * can take it without depending on the auth module. Also the one label of whoever did something (actorLabel).
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

/** Names of the technical actors that write without an account, by the part after 'system:' of their username. */
const SYSTEM_ACTOR_LABELS: Record<string, Record<Locale, string>> = {
  demo: { zh: '系统（演示数据）', en: 'System (demo data)' },
};

/**
 * Who did something, as people read it (a change log, the audit trail, its export): the user's display name; for a
 * technical actor ('system:demo', or none: a scheduled job) what the system did it as; the username only when
 * nothing better is known. The one place an actor's label is made.
 */
export function actorLabel(actor: { name: string | null; username: string | null }, locale: Locale): string {
  if (actor.name) return actor.name;
  const username = actor.username;
  if (username === null) return locale === 'zh' ? '系统' : 'System';
  if (!username.startsWith('system:')) return username;
  const what = username.slice('system:'.length);
  return SYSTEM_ACTOR_LABELS[what]?.[locale] ?? (locale === 'zh' ? `系统（${what}）` : `System (${what})`);
}
