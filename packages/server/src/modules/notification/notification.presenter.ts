/** The one way a notice becomes JSON: its row to the contract's `notificationOutput`. */
import type { NotificationOutput } from '@keyprojects/core';
import type { NotificationRow } from './notification.repository.ts';

export function toNotificationOutput(row: NotificationRow): NotificationOutput {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entityType: row.entity_type,
    entityId: row.entity_id,
    createdOn: row.created_on,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
