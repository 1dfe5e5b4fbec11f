/**
 * Kysely table types of the funding events and the financing-needs list (migration 2026121011_funding_financing).
 * `DB` in schema.ts joins them.
 */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;

export interface FundingEventTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  step: string;
  amount: bigint;
  occurred_on: DateString;
  note: string | null;
  entered_by: number | null;
  created_at: CreatedAt;
}

export interface FinancingNeedTable {
  id: Generated<number>;
  project_id: number;
  amount: bigint;
  instrument: string;
  term_months: number;
  purpose: string;
  collateral: string | null;
  declared_on: DateString;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface FinancingEditionTable {
  id: Generated<number>;
  code: string;
  year: number;
  number: number;
  published_on: DateString;
  published_by: number | null;
  created_at: CreatedAt;
}

/** A need frozen into an edition: the project's name and district as they were when it was published. */
export interface FinancingEditionItemTable {
  edition_id: number;
  need_id: number;
  project_name: string;
  region_code: string;
  region_name: string;
  amount: bigint;
  instrument: string;
  term_months: number;
  purpose: string;
  collateral: string | null;
}

export interface FinancingMatchTable {
  id: Generated<number>;
  edition_id: number;
  need_id: number;
  institution_user_id: number | null;
  institution: string;
  state: Generated<string>;
  signed_amount: bigint | null;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface FinancingTables {
  funding_events: FundingEventTable;
  financing_needs: FinancingNeedTable;
  financing_editions: FinancingEditionTable;
  financing_edition_items: FinancingEditionItemTable;
  financing_matches: FinancingMatchTable;
}
