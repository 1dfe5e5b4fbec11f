/** Reading the audit trail: a project's history for those who may see the project, everything for the audit administrator. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { diffSnapshots } from './audit.repository.ts';

const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const auditHistoryOutput = z.object({ items: z.array(auditItem) });

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'u.display_name as actorName',
      'a.actor_username as actorUsername',
      'a.ip',
      'a.entity_type as entityType',
      'a.entity_id as entityId',
      'a.action',
      'a.before',
      'a.after',
    ])
    .orderBy('a.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
const toItem = ({ before, after, ...row }: Row) => ({
  ...row,
  id: Number(row.id),
  at: row.at.toISOString(),
  changes: diffSnapshots(before, after),
});

/** The audit history of one project, newest first; 404 when the actor cannot see the project. */
export async function projectAuditHistory(db: Kysely<DB>, actor: Actor, projectId: number) {
  requirePermission(actor, 'project.read');
  const visible = await scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .select('projects.id')
    .executeTakeFirst();
  if (!visible) throw errors.notFound();
  const rows = await baseQuery(db)
    .where('a.entity_type', '=', 'project')
    .where('a.entity_id', '=', String(projectId))
    .limit(500)
    .execute();
  return { items: rows.map(toItem) };
}

/** The whole trail, newest first, for the audit administrator (三员分立: only that role reads it). */
export async function auditTrail(
  db: Kysely<DB>,
  actor: Actor,
  query: { entityType?: string | undefined; limit: number; beforeId?: number | undefined },
) {
  requirePermission(actor, 'audit.readAll');
  let q = baseQuery(db).limit(query.limit);
  if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
  if (query.beforeId) q = q.where('a.id', '<', BigInt(query.beforeId));
  return { items: (await q.execute()).map(toItem) };
}
