/**
 * Verifies the audit trail's hash chain independently of the database's trigger: the rows are read in id
 * order, batch by batch, and each row's SHA-256 is recomputed here in Node from its fields' text. A changed
 * row fails its own hash; a removed row breaks the next row's link (or, for the last row, the chain head).
 * The canonical text must stay byte-for-byte the one of audit_log_hash in migrations/2026120512_audit_chain.ts.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditChainReport } from '@keyprojects/core';
import type { AuditLogTable, DB } from '../../db/schema.ts';
import { AUDIT_GENESIS_HASH } from '../../../migrations/2026120512_audit_chain.ts';

/**
 * The text of one audit row as the chain hashes it: each column of audit_log as the database prints it (null
 * stays null), the time as microseconds since the epoch (`at_us`) instead of `at`.
 */
type ChainRow = {
  [K in Exclude<keyof AuditLogTable, 'at'>]: null extends Selectable<AuditLogTable>[K] ? string | null : string;
} & { at_us: string };

const field = (value: string | null) => (value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`);

/** The row's hash as audit_log_hash computes it: SHA-256 over the canonical text, hex. */
export function auditRowHash(row: Omit<ChainRow, 'hash'>): string {
  const text =
    'kp-audit-v1|' +
    [
      row.id,
      row.at_us,
      row.actor_id,
      row.actor_username,
      row.actor_role,
      row.ip,
      row.user_agent,
      row.entity_type,
      row.entity_id,
      row.action,
      row.region_code,
      row.before,
      row.after,
      row.prev_hash,
    ]
      .map(field)
      .join('');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const BATCH = 2000;

function readBatch(db: Kysely<DB>, afterId: string) {
  return sql<ChainRow>`
    select id::text as id, ((extract(epoch from at) * 1000000)::bigint)::text as at_us, actor_id::text as actor_id,
      actor_username, actor_role, ip, user_agent, entity_type, entity_id, action, region_code,
      before::text as before, after::text as after, prev_hash, hash
    from audit_log where audit_log.id > ${afterId}::bigint order by audit_log.id limit ${BATCH}`.execute(db);
}

/** Walks the whole chain in id order; stops at the first broken row. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditChainReport> {
  let previous = AUDIT_GENESIS_HASH;
  let lastId: string | null = null;
  let rows = 0;
  // The head is read first: rows appended while we walk only extend the chain past it.
  const head = await db.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).executeTakeFirst();
  for (;;) {
    const batch: ChainRow[] = (await readBatch(db, lastId ?? '0')).rows;
    for (const row of batch) {
      if (row.prev_hash !== previous) {
        return {
          status: 'broken',
          rows,
          rowId: row.id,
          reason: 'previous_missing_or_changed',
          detail: `row ${row.id} points to a previous hash that is not the hash of row ${lastId ?? '(start)'}: a row before it was removed or changed`,
        };
      }
      if (auditRowHash(row) !== row.hash) {
        return {
          status: 'broken',
          rows,
          rowId: row.id,
          reason: 'changed',
          detail: `row ${row.id} does not match its hash: its content was changed`,
        };
      }
      previous = row.hash;
      lastId = row.id;
      rows += 1;
      if (head && row.id === String(head.last_id) && row.hash !== head.last_hash) {
        return {
          status: 'broken',
          rows,
          rowId: row.id,
          reason: 'head_mismatch',
          detail: `row ${row.id} is not the chain head`,
        };
      }
    }
    if (batch.length < BATCH) break;
  }
  if (head && BigInt(lastId ?? '0') < head.last_id) {
    return {
      status: 'broken',
      rows,
      rowId: null,
      reason: 'head_mismatch',
      detail: `the chain head is row ${String(head.last_id)} but the last row is ${lastId ?? '(none)'}: rows at the end were removed`,
    };
  }
  return { status: 'intact', rows, lastId };
}
