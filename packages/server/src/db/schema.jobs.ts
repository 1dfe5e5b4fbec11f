/**
 * Kysely table types of ledger import jobs (migration 2026121031_import_jobs), read by any instance. `DB` in
 * schema.ts joins them.
 */
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ImportJobTable {
  id: string;
  owner_id: number;
  instance: string;
  status: string;
  phase: string;
  processed: number;
  total: number;
  result: unknown;
  error: unknown;
  started_at: CreatedAt;
  heartbeat_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ImportJobTables {
  import_jobs: ImportJobTable;
}
