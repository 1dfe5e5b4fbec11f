/**
 * Kysely table types of the investment-attraction pipeline (migration 2026121001_attraction_leads) and of the
 * published rankings (2026121002_ranking_editions). `DB` in schema.ts joins them.
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

/** A published ranking (migration 2026121002_ranking_editions): the scheme and units frozen as JSON. */
export interface RankingEditionTable {
  id: Generated<number>;
  region_code: string;
  scheme_id: string;
  scheme_version: number;
  scheme: ColumnType<unknown, string, never>;
  period: string;
  edition: number;
  as_of: DateString;
  units: ColumnType<unknown, string, never>;
  published_at: CreatedAt;
  published_by: number | null;
}

/** Points entered for a district and period (Yan'an's criticism from above). */
export interface RankingAdjustmentTable {
  id: Generated<number>;
  region_code: string;
  period: string;
  indicator: string;
  /** NUMERIC(7,2): decimal text as read. */
  points: ColumnType<string, string | number, string | number>;
  reason: string;
  entered_by: number | null;
  entered_at: CreatedAt;
}

export interface AttractionTables {
  attraction_leads: AttractionLeadTable;
  ranking_editions: RankingEditionTable;
  ranking_adjustments: RankingAdjustmentTable;
}
