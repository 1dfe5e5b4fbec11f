/**
 * Kysely table types of the investment-attraction pipeline (migration 2026121001_attraction_leads). `DB` in
 * schema.ts joins them.
 */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;

export interface AttractionLeadTable {
  id: Generated<number>;
  investor: string;
  project_name: string;
  industry: string | null;
  amount: bigint;
  source: string;
  region_code: string;
  responsible_person: string;
  responsible_unit: string;
  stage: Generated<string>;
  /** The application dates at which the lead reached its stages (null where not reached). */
  created_on: DateString;
  framework_on: DateString | null;
  contract_on: DateString | null;
  registered_on: DateString | null;
  upgrade_on: DateString | null;
  dropped_on: DateString | null;
  /** The key project the lead became (set with stage registered, kept through upgrade). */
  project_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface AttractionTables {
  attraction_leads: AttractionLeadTable;
}
