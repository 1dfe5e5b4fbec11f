/**
 * The one way an audit row becomes a trail entry (GET /audit, a project's history, the 'audit-log' export): its
 * fields with the id and time as text, and the fields whose values differ between the before and after snapshots.
 */
import {
  actorLabel,
  chinaTime,
  effectiveTimes,
  type AuditChange,
  type AuditItem,
  type Locale,
} from '@keyprojects/core';
import type { AuditTrailRow } from './audit.repository.ts';

/** The fields whose values differ between two snapshots (keys of either). */
export function diffSnapshots(before: unknown, after: unknown): AuditChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/**
 * A trail entry from its row, its time also on the application's date `today` (a project's history as users read
 * it). The audit administrator's trail and its export pass null: a security record keeps the real time only.
 */
export function presentAuditRow(
  { before, after, ...row }: AuditTrailRow,
  today: string | null,
  locale: Locale,
): AuditItem {
  return {
    ...row,
    id: Number(row.id),
    at: row.at.toISOString(),
    effectiveAt: today === null ? { at: chinaTime(row.at) } : effectiveTimes(today, { at: row.at }),
    actorLabel: actorLabel({ name: row.actorName, username: row.actorUsername }, locale),
    changes: diffSnapshots(before, after),
  };
}
