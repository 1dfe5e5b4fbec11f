/**
 * The outbox's gateway interface: how an SMS or e-mail gateway (a separate process or team; none ships here) takes
 * the messages `notify` queued in `notification_outbox` and reports what became of them. docs/outbox.md describes
 * it for the gateway's authors.
 *
 *   const batch = await claimBatch(db, 'sms-gateway-1', 50);   // rows now leased to this drainer
 *   … send each …
 *   await markSent(db, sentIds);                                // done, never claimed again
 *   await markFailed(db, id, 'provider said 503');              // retried once the lease expires
 *
 * A claim is a lease: `claimBatch` takes unsent rows that nobody holds (or whose lease of LEASE_SECONDS ran out:
 * the drainer died or the send failed) with `for update skip locked`, so two drainers at once never get the same
 * row, and stamps `claimed_at`, `claimed_by` and one more attempt. After MAX_ATTEMPTS attempts a row is left alone
 * with its last error for an operator.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { NotificationOutboxTable } from '../../db/schema.dispatch.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How long a claim holds a row before another drainer may take it again (a failed send waits this long too). */
export const LEASE_SECONDS = 300;
/** Attempts after which a row is no longer claimed. */
export const MAX_ATTEMPTS = 5;

export type OutboxRow = Selectable<NotificationOutboxTable>;

/** A condition: the row is unsent, has attempts left, and no live lease. */
const claimable = sql<boolean>`sent_at is null and attempts < ${MAX_ATTEMPTS}
  and (claimed_at is null or claimed_at < now() - make_interval(secs => ${LEASE_SECONDS}))`;

/** Leases up to `limit` sendable rows to `instance` (oldest first) and returns them. */
export async function claimBatch(db: Db, instance: string, limit: number): Promise<OutboxRow[]> {
  const { rows } = await sql<OutboxRow>`
    update notification_outbox
       set claimed_at = now(), claimed_by = ${instance}, attempts = attempts + 1
     where id in (
       select id from notification_outbox
        where ${claimable}
        order by id
        limit ${limit}
        for update skip locked)
    returning *`.execute(db);
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Records rows as sent (a row already sent keeps its first time); returns how many were marked. */
export async function markSent(db: Db, ids: readonly bigint[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('notification_outbox')
    .set({ sent_at: sql<Date>`now()`, last_error: null })
    .where(sql<boolean>`id = any(${ids.map(String)}::bigint[])`)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a failed send; the row stays leased until the lease expires, then it is claimed again (up to MAX_ATTEMPTS). */
export async function markFailed(db: Db, id: bigint, error: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ last_error: error.slice(0, 1000), claimed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/** What a drain would take now, without claiming it (the CLI's dry run). */
export async function peekClaimable(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('notification_outbox').selectAll().where(claimable).orderBy('id').limit(limit).execute();
}

/** The outbox at a glance: waiting, leased, sent, and given up (attempts used up). */
export async function outboxCounts(db: Db): Promise<{ pending: number; leased: number; sent: number; dead: number }> {
  const row = await db
    .selectFrom('notification_outbox')
    .select([
      sql<string>`count(*) filter (where ${claimable})`.as('pending'),
      sql<string>`count(*) filter (where sent_at is null and not (${claimable}) and attempts < ${MAX_ATTEMPTS})`.as(
        'leased',
      ),
      sql<string>`count(*) filter (where sent_at is not null)`.as('sent'),
      sql<string>`count(*) filter (where sent_at is null and attempts >= ${MAX_ATTEMPTS})`.as('dead'),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), leased: Number(row.leased), sent: Number(row.sent), dead: Number(row.dead) };
}
