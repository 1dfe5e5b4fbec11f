/**
 * Kysely table types of the dispatch loop (migration 2026120701_dispatch): warnings, problems, meetings, visits,
 * inspections, attachments, notifications, notice templates, dispatch configuration and the job-run ledger.
 * Kept apart from schema.ts so that neither file grows past a reading; `DB` in schema.ts joins them.
 */
import type { ColumnType, Generated } from 'kysely';
import type { ProblemCategory, ProblemComplexity, ProblemGrade, ProblemState, WarningLevel } from '@keyprojects/core';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;
/** JSONB: parsed on read; written as JSON text (JSON.stringify). */
type Jsonb<T> = ColumnType<T, string, string>;

export interface DispatchConfigTable {
  key: string;
  value: Jsonb<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: number | null;
}

export interface WarningPresetTable {
  id: string;
  version: number;
  definition: Jsonb<unknown>;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface RegionWarningPresetTable {
  region_code: string;
  preset_id: string;
  updated_at: UpdatedAt;
  updated_by: number | null;
}

export interface WarningTable {
  id: Generated<bigint>;
  /** Null for a warning about a district as a whole. */
  project_id: number | null;
  region_code: string;
  rule: string;
  preset_id: string;
  rule_version: number;
  level: WarningLevel;
  figures: Jsonb<Record<string, string | number | null>>;
  text: string;
  first_raised_on: DateString;
  last_confirmed_on: DateString;
  level_changed_on: DateString;
  cleared_on: DateString | null;
}

export type MeetingKind = 'weekly_dispatch' | 'monthly_review' | 'quarterly_tour';

export interface MeetingTable {
  id: Generated<number>;
  kind: MeetingKind;
  region_code: string;
  held_on: DateString;
  title: string;
  location: string | null;
  chair: string | null;
  attendees: string | null;
  minutes: string | null;
  state: Generated<'planned' | 'held'>;
  previous_meeting_id: number | null;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: number | null;
  updated_at: UpdatedAt;
}

export interface MeetingAgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  project_id: number | null;
  warning_id: bigint | null;
  problem_id: number | null;
  title: string;
  note: string | null;
}

export interface InspectionTable {
  id: Generated<number>;
  project_id: number;
  inspected_on: DateString;
  mode: 'onsite' | 'online';
  inspectors: string;
  findings: string;
  rectify_by: DateString | null;
  created_at: CreatedAt;
  created_by: number | null;
}

export type ProblemSource = 'raised' | 'meeting_decision' | 'inspection';

export interface ProblemTable {
  id: Generated<number>;
  project_id: number;
  region_code: string;
  source: Generated<ProblemSource>;
  meeting_id: number | null;
  inspection_id: number | null;
  title: string;
  category: ProblemCategory;
  description: string;
  complexity: Generated<ProblemComplexity>;
  state: ProblemState;
  raised_on: DateString;
  raised_by: number | null;
  assigned_unit_id: number | null;
  assignee_name: string | null;
  assigned_on: DateString | null;
  assigned_by: number | null;
  /** The deadline rule (core DeadlineRule) in force when the problem was assigned; the clock keeps to it. */
  deadline_rule: Jsonb<unknown> | null;
  agreed_final_due_on: DateString | null;
  /** The last step's due date (the clock's end), kept for lists, warnings and the league table. */
  due_on: DateString | null;
  /** The date each step of the clock was reported done, by step key. */
  steps_done: ColumnType<Record<string, string>, string | undefined, string>;
  escalation_level: Generated<number>;
  resolved_on: DateString | null;
  resolved_by: number | null;
  resolved_by_org: number | null;
  verified_on: DateString | null;
  verified_by: number | null;
  grade: ProblemGrade | null;
  last_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProblemEventTable {
  id: Generated<bigint>;
  problem_id: number;
  action: string;
  from_state: ProblemState | null;
  to_state: ProblemState;
  on_date: DateString;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface ServiceVisitTable {
  id: Generated<number>;
  project_id: number;
  officer_id: number;
  visited_on: DateString;
  findings: string;
  created_at: CreatedAt;
}

export type AttachmentOwnerKind = 'problem' | 'visit' | 'inspection' | 'transition' | 'milestone';

export interface AttachmentTable {
  id: Generated<number>;
  owner_kind: AttachmentOwnerKind;
  owner_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  data: Buffer;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface ProjectVideoLinkTable {
  project_id: number;
  url: string;
  label: string | null;
  updated_at: UpdatedAt;
  updated_by: number | null;
}

export interface NotificationTable {
  id: Generated<bigint>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_on: DateString;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface NotificationOutboxTable {
  id: Generated<bigint>;
  notification_id: bigint | null;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  created_at: CreatedAt;
  claimed_at: Date | null;
  claimed_by: string | null;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface NoticeTemplateTable {
  id: Generated<number>;
  kind: 'daily' | 'weekly';
  name: string;
  body: string;
  is_default: Generated<boolean>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: number | null;
}

export interface JobRunTable {
  job: string;
  tick: string;
  instance: string;
  started_at: CreatedAt;
  finished_at: Date | null;
  result: Jsonb<unknown> | null;
  error: string | null;
}

/** The dispatch tables, joined into `DB` by schema.ts. */
export interface DispatchTables {
  dispatch_config: DispatchConfigTable;
  warning_presets: WarningPresetTable;
  region_warning_presets: RegionWarningPresetTable;
  warnings: WarningTable;
  meetings: MeetingTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  inspections: InspectionTable;
  problems: ProblemTable;
  problem_events: ProblemEventTable;
  service_visits: ServiceVisitTable;
  attachments: AttachmentTable;
  project_video_links: ProjectVideoLinkTable;
  notifications: NotificationTable;
  notification_outbox: NotificationOutboxTable;
  notice_templates: NoticeTemplateTable;
  job_runs: JobRunTable;
}
