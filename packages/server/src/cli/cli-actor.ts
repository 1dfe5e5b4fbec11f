/**
 * Who a CLI command acts as: the user named by --as, else the first active city administrator, so that scope,
 * permissions and audit apply exactly as on the API. --lang en switches messages to English.
 */
import type { Kysely } from 'kysely';
import type { Locale } from '@keyprojects/core';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../modules/auth/actor.ts';
import type { CliValues } from './command.ts';

/** A non-empty string option, or undefined. */
export const option = (values: CliValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The acting user: --as <username>, else the first active city administrator. */
export async function cliActor(db: Kysely<DB>, values: CliValues): Promise<Actor> {
  const username = option(values, 'as');
  let query = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'region_code', 'organization_id'])
    .where('disabled', '=', false);
  query = username ? query.where('username', '=', username) : query.where('role', '=', 'city_admin').orderBy('id');
  const user = await query.executeTakeFirst();
  if (!user) throw new Error(username ? `no active user ${username}` : 'no city administrator; name one with --as');
  const locale: Locale = option(values, 'lang') === 'en' ? 'en' : 'zh';
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    organizationId: user.organization_id,
    ip: null,
    userAgent: 'keyprojects-cli',
    locale,
  };
}
