/**
 * Reading the audit trail: a project's history for those who may see the project; for the audit
 * administrator (三员分立: only that role reads the whole trail) the trail filtered by time, actor, action,
 * entity type, IP and region, newest first in keyset pages, and the same rows in batches for the Excel export.
 */
import type { Kysely } from 'kysely';
import type { AuditHistory, AuditItem, AuditPage, AuditQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { presentAuditRow } from './audit.presenter.ts';
import { projectTrailRows, projectVisible, trailRows } from './audit.repository.ts';

/**
 * The audit history of one project, newest first, its times also on the application's date `today`; 404 when the
 * actor cannot see the project.
 */
export async function projectAuditHistory(
  db: Kysely<DB>,
  actor: Actor,
  projectId: number,
  today: string,
): Promise<AuditHistory> {
  requirePermission(actor, 'project.read');
  if (!(await projectVisible(db, actor, projectId))) throw errors.notFound();
  return { items: (await projectTrailRows(db, projectId)).map((row) => presentAuditRow(row, today, actor.locale)) };
}

/** One page of the filtered trail, newest first, for the audit administrator. */
export async function auditTrail(db: Kysely<DB>, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.readAll');
  const rows = await trailRows(db, query, {
    limit: query.limit + 1,
    beforeId: query.beforeId ? BigInt(query.beforeId) : null,
  });
  const items = rows.slice(0, query.limit).map((row) => presentAuditRow(row, null, actor.locale));
  return { items, nextBeforeId: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The whole filtered trail in keyset batches, newest first (the Excel export, in Chinese; permission checked by it). */
export async function* auditTrailBatches(
  db: Kysely<DB>,
  query: AuditQuery,
  batchSize = 1000,
): AsyncGenerator<AuditItem[]> {
  let beforeId: bigint | null = query.beforeId ? BigInt(query.beforeId) : null;
  for (;;) {
    const rows = await trailRows(db, query, { limit: batchSize, beforeId });
    if (rows.length === 0) return;
    yield rows.map((row) => presentAuditRow(row, null, 'zh'));
    if (rows.length < batchSize) return;
    beforeId = rows.at(-1)?.id ?? null;
  }
}
