/**
 * The user module's queries: the acting role declared to the database (its separation trigger reads it), the
 * session's user, the administrators' list, the scoped, locked read of one account, the organisations an account
 * may belong to and the service officers an actor may pair with its projects. Rows become JSON in user.presenter.ts.
 */
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import { regionPrefix, type UserListQuery } from '@keyprojects/core';
import type { DB, UserRow, UserTable } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';
import { homeRegionCondition, type ScopeActor } from '../../db/scope.ts';
import type { AccountRow, NamedUserRow } from './user.presenter.ts';

/** Who the database trigger `users_separation` sees acting: an administrator role, or 'cli' (CLI, demo loader). */
export type DeclaredActor = 'system_admin' | 'security_admin' | 'cli';

/** Declares the acting role for the rest of the transaction (set_config(..., true) is transaction-local). */
export async function declareActorRole(trx: Transaction<DB>, role: DeclaredActor): Promise<void> {
  await sql`select set_config('kp.actor_role', ${role}, true)`.execute(trx);
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

type Db = Kysely<DB> | Transaction<DB>;

/** The region of an organisation, or undefined when there is no such organisation. */
export async function organizationRegion(db: Db, organizationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('region_code')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.region_code;
}

/** True when an account has this username. */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** Inserts an account; undefined when another creation took the username first (instead of a unique violation). */
export async function insertUser(db: Db, values: Insertable<UserTable>): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values(values)
    .onConflict((oc) => oc.column('username').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Changes an account (the caller sets its next version) and returns it after the change. */
export async function updateUser(db: Db, userId: number, set: Updateable<UserTable>): Promise<UserRow> {
  return db.updateTable('users').set(set).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}

/** The enabled account of a username, for sign-in; undefined when there is none. */
export async function findEnabledUserByName(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('disabled', '=', false)
    .executeTakeFirst();
}

/** The password hash of an account (which must exist). */
export async function passwordHashOf(db: Kysely<DB>, userId: number): Promise<string> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.password_hash;
}

/** Sets the account's own new password: no change is due any more, its age starts now. */
export async function setOwnPassword(trx: Transaction<DB>, userId: number, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: sql<Date>`now()`,
      must_change_password: false,
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

/** Accounts with the names of their region and organisation. */
function namedUsers(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('regions', 'regions.code', 'users.region_code');
}

const NAMED_USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.region_code',
  'users.organization_id',
  'regions.name as regionName',
  'organizations.name as organizationName',
] as const;

/** One account with its names (the session's user), whether enabled or not; undefined when absent. */
export async function findNamedUser(db: Kysely<DB>, userId: number): Promise<NamedUserRow | undefined> {
  return namedUsers(db).select(NAMED_USER_COLUMNS).where('users.id', '=', userId).executeTakeFirst();
}

function accountsQuery(db: Kysely<DB> | Transaction<DB>, scopeRegion: string | null) {
  return (
    namedUsers(db)
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
): Promise<AccountRow[]> {
  let q = accountsQuery(db, scopeRegion);
  if (query.q) {
    const pattern = containsPattern(query.q);
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
  return q
    .select([
      ...NAMED_USER_COLUMNS,
      'users.disabled',
      'users.must_change_password',
      'users.version',
      'login_attempts.locked_until as lockedUntil',
      sql<boolean>`coalesce(login_attempts.locked_until > now(), false)`.as('locked'),
    ])
    .orderBy('users.username')
    .limit(2000)
    .execute();
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
  if (q) query = query.where('name', 'ilike', containsPattern(q));
  return query.execute();
}

/** Enabled service officers the actor may pair with its projects (based in its scope or above it), by name. */
export async function listOfficers(db: Kysely<DB>, actor: ScopeActor) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['users.id', 'users.display_name as displayName', 'users.region_code as regionCode'])
    .where('users.role', '=', 'service_officer')
    .where('users.disabled', '=', false)
    .where((eb) => homeRegionCondition(eb, actor, eb.fn.coalesce('users.region_code', 'organizations.region_code')))
    .orderBy('users.display_name')
    .execute();
}
