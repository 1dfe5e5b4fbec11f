/**
 * Kysely table type of the statistics rollup (migration 2026121211_stats_rollup), written only by its triggers.
 * `DB` in schema.ts joins it.
 */
import type { ColumnType } from 'kysely';

/** A NUMERIC sum: decimal text from the database. */
type Numeric = ColumnType<string, never, never>;
type Count = ColumnType<number, never, never>;

export interface StatsRollupTable {
  year: number;
  /** The as-of month: the figures as of its last day. */
  month: number;
  region_code: string;
  category: string;
  levels: string[];
  nature: string;
  industry: string;
  size_tier: string;
  projects: Count;
  total_investment: Numeric;
  annual_plan: Numeric;
  planned_new_starts: Count;
  started: Count;
  started_planned_new: Count;
  completed: Numeric;
  /** The counted completions of this month alone (the monthly series). */
  month_completed: Numeric;
  in_production: Count;
  in_production_total: Numeric;
  expected: Count;
  expected_total: Numeric;
  over_plan_150: Count;
  unlocated: Count;
}

export interface RollupTables {
  stats_rollup: StatsRollupTable;
}
