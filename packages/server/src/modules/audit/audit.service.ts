/**
 * Reading the audit trail: a project's history for those who may see the project; for the audit
 * administrator (三员分立: only that role reads the whole trail) the trail filtered by time, actor, action,
 * entity type, IP and region, newest first in keyset pages, and the same rows in batches for the Excel export.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditItem, regionPrefix, type AuditItem, type AuditPage, type AuditQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { diffSnapshots } from './audit.repository.ts';

/** A project's history (GET /projects/{id}/audit). */
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
      'a.actor_role as actorRole',
      'a.ip',
      'a.entity_type as entityType',
      'a.entity_id as entityId',
      'a.action',
      'a.region_code as regionCode',
      'a.before',
      'a.after',
    ])
    .orderBy('a.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
const toItem = ({ before, after, ...row }: Row): AuditItem => ({
  ...row,
  id: Number(row.id),
  at: row.at.toISOString(),
  changes: diffSnapshots(before, after),
});

/** Escapes LIKE's wildcards so user text matches literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The trail's query with the filters applied (no paging). */
function filteredTrail(db: Kysely<DB>, query: Omit<AuditQuery, 'limit' | 'beforeId'>) {
  let q = baseQuery(db);
  if (query.from) q = q.where('a.at', '>=', new Date(query.from));
  if (query.to) q = q.where('a.at', '<', new Date(query.to));
  if (query.actor) q = q.where('a.actor_username', 'ilike', `%${literal(query.actor)}%`);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
  if (query.ip) q = q.where('a.ip', 'like', `${literal(query.ip)}%`);
  if (query.regionCode) q = q.where('a.region_code', 'like', `${regionPrefix(query.regionCode)}%`);
  return q;
}

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

/** One page of the filtered trail, newest first, for the audit administrator. */
export async function auditTrail(db: Kysely<DB>, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.readAll');
  let q = filteredTrail(db, query).limit(query.limit + 1);
  if (query.beforeId) q = q.where('a.id', '<', BigInt(query.beforeId));
  const rows = await q.execute();
  const items = rows.slice(0, query.limit).map(toItem);
  return { items, nextBeforeId: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The whole filtered trail in keyset batches, newest first (the Excel export; permission checked by it). */
export async function* auditTrailBatches(db: Kysely<DB>, query: AuditQuery, batchSize = 1000) {
  let beforeId: bigint | null = query.beforeId ? BigInt(query.beforeId) : null;
  for (;;) {
    let q = filteredTrail(db, query).limit(batchSize);
    if (beforeId !== null) q = q.where('a.id', '<', beforeId);
    const rows = await q.execute();
    if (rows.length === 0) return;
    yield rows.map(toItem);
    if (rows.length < batchSize) return;
    beforeId = rows.at(-1)?.id ?? null;
  }
}
