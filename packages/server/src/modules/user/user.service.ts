/**
 * User accounts. Creating users is the system administrator's job and assigning roles the security
 * administrator's (三员分立); both are audited. The CLI and the demo loader use the same function.
 */
import type { Kysely, Transaction } from 'kysely';
import { ROLES_WITH_ORGANIZATION, ROLES_WITH_REGION, type MessageKey, type Role } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  organizationId?: number | null;
}

type AuditActor = Pick<Actor, 'id' | 'username' | 'role' | 'ip' | 'userAgent'> | null;

/** What the audit trail keeps of a user (never the hash). */
const userSnapshot = (u: {
  username: string;
  display_name: string;
  role: string;
  region_code: string | null;
  organization_id: number | null;
  disabled: boolean;
}) => ({
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionCode: u.region_code,
  organizationId: u.organization_id,
  disabled: u.disabled,
});

async function checkUser(trx: Transaction<DB>, input: NewUser) {
  const fields: Record<string, MessageKey> = {};
  const problem = passwordProblem(input.password, input.username);
  if (problem) fields.password = problem;
  if (await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst())
    fields.username = 'username.taken';
  if (ROLES_WITH_REGION.includes(input.role) && !input.regionCode) fields.regionCode = 'required';
  if (
    input.regionCode &&
    !(await trx.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst())
  ) {
    fields.regionCode = 'region.unknown';
  }
  if (ROLES_WITH_ORGANIZATION.includes(input.role) && !input.organizationId) fields.organizationId = 'required';
  if (
    input.organizationId &&
    !(await trx.selectFrom('organizations').select('id').where('id', '=', input.organizationId).executeTakeFirst())
  ) {
    fields.organizationId = 'organization.unknown';
  }
  if (Object.keys(fields).length > 0) throw errors.invalidFields(fields);
}

/** Creates a user (password checked against the policy and hashed); audited as `actor` (null for the CLI). */
export async function createUser(db: Kysely<DB>, actor: AuditActor, input: NewUser): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await checkUser(trx, input);
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        region_code: input.regionCode ?? null,
        organization_id: input.organizationId ?? null,
        must_change_password: actor !== null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: row.id,
      action: 'create',
      regionCode: row.region_code,
      after: userSnapshot(row),
    });
    return row.id;
  });
}

/** Changes a user's role (and the scope that goes with it); audited with before and after. */
export async function changeRole(
  db: Kysely<DB>,
  actor: Actor,
  userId: number,
  change: { role: Role; regionCode?: string | null; organizationId?: number | null },
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!before) throw errors.notFound();
    if (
      change.regionCode &&
      !(await trx.selectFrom('regions').select('code').where('code', '=', change.regionCode).executeTakeFirst())
    ) {
      throw errors.invalidField('regionCode', 'region.unknown');
    }
    if (
      change.organizationId &&
      !(await trx.selectFrom('organizations').select('id').where('id', '=', change.organizationId).executeTakeFirst())
    ) {
      throw errors.invalidField('organizationId', 'organization.unknown');
    }
    const after = await trx
      .updateTable('users')
      .set({
        role: change.role,
        region_code: change.regionCode === undefined ? before.region_code : change.regionCode,
        organization_id: change.organizationId === undefined ? before.organization_id : change.organizationId,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A role change takes effect at once: the user's open sessions end.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: userId,
      action: 'role_change',
      regionCode: after.region_code,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return userSnapshot(after);
  });
}
