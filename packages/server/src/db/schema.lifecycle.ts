/**
 * Kysely table types of the lifecycle (migration 2026120801_lifecycle): templates, transitions, milestone plans and
 * their nodes, groundbreaking events and the three batches. `DB` in schema.ts joins them.
 */
import type { ColumnType, Generated } from 'kysely';
import type { LifecyclePhase, NodeStatus, PlanStatus } from '@keyprojects/core';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateString = string;
/** JSONB: parsed on read; written as JSON text (JSON.stringify). */
type Jsonb<T> = ColumnType<T, string, string>;

export interface LifecycleTemplateTable {
  id: Generated<number>;
  code: string;
  version: number;
  name_zh: string;
  name_en: string;
  definition: Jsonb<unknown>;
  is_default: Generated<boolean>;
  retired: Generated<boolean>;
  /** Edit counter for If-Match (migration 2026120802). */
  row_version: Generated<number>;
  created_at: CreatedAt;
  created_by: number | null;
}

export type TransitionSource = 'create' | 'migration' | 'manual' | 'report' | 'event' | 'import';

export interface LifecycleTransitionTable {
  id: Generated<number>;
  project_id: number;
  template_id: number;
  stage_code: string;
  step_code: string | null;
  phase: LifecyclePhase;
  occurred_on: DateString;
  note: string | null;
  source: TransitionSource;
  event_id: number | null;
  recorded_at: CreatedAt;
  recorded_by: number | null;
}

export interface MilestonePlanTable {
  id: Generated<number>;
  project_id: number;
  version: number;
  status: PlanStatus;
  target_date: DateString;
  reason: string | null;
  row_version: Generated<number>;
  created_at: CreatedAt;
  created_by: number | null;
  approved_at: Date | null;
  approved_by: number | null;
}

export interface MilestoneNodeTable {
  id: Generated<number>;
  plan_id: number;
  node_key: string;
  name: string;
  stage_code: string | null;
  step_code: string | null;
  planned_start: DateString;
  planned_end: DateString;
  actual_start: DateString | null;
  actual_end: DateString | null;
  status: Generated<NodeStatus>;
  responsible_org_id: number | null;
  responsible_person: string | null;
  note: string | null;
  sort_order: Generated<number>;
}

export type GroundbreakingLevel = 'provincial' | 'city' | 'industry' | 'function_zone';

export interface GroundbreakingEventTable {
  id: Generated<number>;
  name: string;
  held_on: DateString;
  level: GroundbreakingLevel;
  place: string | null;
  region_code: string;
  note: string | null;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface GroundbreakingEventProjectTable {
  event_id: number;
  project_id: number;
}

export type BatchKind = 'sign' | 'start' | 'production';

export interface BatchRoundTable {
  id: Generated<number>;
  name: string;
  held_on: DateString;
  region_code: string;
  note: string | null;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface BatchRoundProjectTable {
  round_id: number;
  project_id: number;
  batch: BatchKind;
  planned_on: DateString | null;
}

/** The lifecycle tables, joined into `DB` by schema.ts. */
export interface LifecycleTables {
  lifecycle_templates: LifecycleTemplateTable;
  lifecycle_transitions: LifecycleTransitionTable;
  milestone_plans: MilestonePlanTable;
  milestone_nodes: MilestoneNodeTable;
  groundbreaking_events: GroundbreakingEventTable;
  groundbreaking_event_projects: GroundbreakingEventProjectTable;
  batch_rounds: BatchRoundTable;
  batch_round_projects: BatchRoundProjectTable;
}
