/**
 * Audit rows for business data leaving or entering the system (等保 3: exports and imports are security
 * events): who, what, with which filters, how many rows, and the result — also when the transfer fails. The
 * row is written outside the transfer's own transaction, so a rolled-back import still leaves its trace.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from './audit.repository.ts';

/** One transfer: its direction, what it is (e.g. 'ledger:projects', 'oc4ids', 'bulletin.pdf') and its parameters. */
export interface Transfer {
  action: 'export' | 'import';
  what: string;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

/** Appends the audit row of a transfer that has been prepared (an export) or has finished. */
export async function recordTransfer(
  db: Kysely<DB>,
  actor: AuditActor | null,
  transfer: Transfer,
  outcome: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, actor, {
    entityType: 'transfer',
    entityId: transfer.what,
    action: transfer.action,
    regionCode: transfer.regionCode ?? null,
    after: { ...transfer.details, ...outcome },
  });
}

/**
 * Runs a transfer and audits it with `summarize(result)`, or with the refusal's code when it throws (then
 * rethrows). Use for imports, whose outcome is known only at the end.
 */
export async function auditedTransfer<T>(
  db: Kysely<DB>,
  actor: AuditActor,
  transfer: Transfer,
  run: () => Promise<T>,
  summarize: (result: T) => Record<string, unknown>,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    // AppError and XlsxFileError carry a stable code; anything else is named by its class.
    const code = (error as { code?: unknown }).code;
    const name = error instanceof Error ? error.name : 'error';
    await recordTransfer(db, actor, transfer, { result: 'refused', error: typeof code === 'string' ? code : name });
    throw error;
  }
  await recordTransfer(db, actor, transfer, { result: 'done', ...summarize(result) });
  return result;
}
