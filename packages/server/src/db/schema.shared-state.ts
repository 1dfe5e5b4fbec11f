/**
 * Kysely table types of the state that app instances share through the database: ledger import jobs (migration
 * 2026121031_import_jobs), the data version (2026121032_data_version) and the auth version
 * (2026121221_auth_version). `DB` in schema.ts joins them.
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

/** The one row holding the data version, raised by every commit that writes business data. */
export interface DataVersionTable {
  singleton: ColumnType<boolean, never, never>;
  version: ColumnType<bigint, never, never>;
}

/** The one row holding the auth version, raised by every commit that could end or change a session. */
export type AuthVersionTable = DataVersionTable;

export interface SharedStateTables {
  import_jobs: ImportJobTable;
  data_version: DataVersionTable;
  auth_version: AuthVersionTable;
}
