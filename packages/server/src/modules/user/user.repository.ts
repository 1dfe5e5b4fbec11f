/**
 * The user module's queries: the acting role declared to the database (its separation trigger reads it),
 * the audit snapshot of an account, the administrators' list and the scoped, locked read of one account.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { regionPrefix, type UserListQuery, type UserOutput } from '@keyprojects/core';
import type { DB, UserRow } from '../../db/schema.ts';

/** Who the database trigger `users_separation` sees acting: an administrator role, or 'cli' (CLI, demo loader). */
export type DeclaredActor = 'system_admin' | 'security_admin' | 'cli';

/** Declares the acting role for the rest of the transaction (set_config(..., true) is transaction-local). */
export async function declareActorRole(trx: Transaction<DB>, role: DeclaredActor): Promise<void> {
  await sql`select set_config('kp.actor_role', ${role}, true)`.execute(trx);
}

/** What the audit trail keeps of a user (never the hash). */
export function userSnapshot(u: UserRow) {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    organizationId: u.organization_id,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
  };
}

type UsersEb = ExpressionBuilder<DB, 'users' | 'organizations' | 'regions'>;

/**
 * Accounts inside an administrator's region: the account's own region, else its organisation's, lies under
 * `regionCode`; accounts with neither (unscoped) are inside every scope. An administrator without a region
 * sees only unscoped accounts.
 */
function insideRegion(regionCode: string | null) {
  return (eb: UsersEb) => {
    const accountRegion = eb.fn.coalesce('users.region_code', 'organizations.region_code');
    const unscoped = eb(accountRegion, 'is', null);
    return regionCode === null
      ? unscoped
      : eb.or([unscoped, eb(accountRegion, 'like', `${regionPrefix(regionCode)}%`)]);
  };
}

function accountsQuery(db: Kysely<DB> | Transaction<DB>, scopeRegion: string | null) {
  return (
    db
      .selectFrom('users')
      .leftJoin('organizations', 'organizations.id', 'users.organization_id')
      .leftJoin('regions', 'regions.code', 'users.region_code')
      // Sign-in keeps its lock per username (login_attempts), whether or not the account exists.
      .leftJoin('login_attempts', 'login_attempts.username', 'users.username')
      .where(insideRegion(scopeRegion))
  );
}

/** The accounts inside the administrator's region matching the filters, by username. */
export async function listAccounts(
  db: Kysely<DB>,
  scopeRegion: string | null,
  query: UserListQuery,
): Promise<UserOutput[]> {
  let q = accountsQuery(db, scopeRegion);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'ilike', pattern)]));
  }
  if (query.role) q = q.where('users.role', '=', query.role);
  if (query.regionCode) q = q.where(insideRegion(query.regionCode));
  if (query.state === 'disabled') q = q.where('users.disabled', '=', true);
  if (query.state === 'active')
    q = q
      .where('users.disabled', '=', false)
      .where((eb) =>
        eb.or([
          eb('login_attempts.locked_until', 'is', null),
          eb('login_attempts.locked_until', '<=', sql<Date>`now()`),
        ]),
      );
  if (query.state === 'locked') q = q.where('login_attempts.locked_until', '>', sql<Date>`now()`);
  const rows = await q
    .select([
      'users.id',
      'users.username',
      'users.display_name as displayName',
      'users.role',
      'users.region_code as regionCode',
      'regions.name as regionName',
      'users.organization_id as organizationId',
      'organizations.name as organizationName',
      'users.disabled',
      'login_attempts.locked_until as lockedUntil',
      sql<boolean>`coalesce(login_attempts.locked_until > now(), false)`.as('locked'),
      'users.must_change_password as mustChangePassword',
      'users.version',
    ])
    .orderBy('users.username')
    .limit(2000)
    .execute();
  return rows.map((row) => ({ ...row, lockedUntil: row.lockedUntil?.toISOString() ?? null }));
}

/** One account inside the administrator's region, locked for the change; undefined when absent or outside. */
export async function lockAccount(trx: Transaction<DB>, scopeRegion: string | null, userId: number) {
  const row = await accountsQuery(trx, scopeRegion)
    .where('users.id', '=', userId)
    .selectAll('users')
    .forUpdate('users')
    .executeTakeFirst();
  return row;
}

/** Organisations inside the administrator's region whose name matches `q`, for the account forms. */
export async function organizationsInside(db: Kysely<DB>, scopeRegion: string | null, q: string | undefined) {
  if (scopeRegion === null) return [];
  let query = db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'region_code as regionCode'])
    .where('region_code', 'like', `${regionPrefix(scopeRegion)}%`)
    .orderBy('name')
    .limit(30);
  if (q) query = query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query.execute();
}
