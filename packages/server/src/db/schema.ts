/**
 * Kysely table types. Keep in step with migrations/. Money columns are BIGINT fen (bigint in JS);
 * DATE columns arrive as 'YYYY-MM-DD' strings (see the type parsers in database.ts).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  FinancingModel,
  IndustrySection,
  ProjectCategory,
  ProjectLevel,
  ProjectNature,
  Role,
} from '@keyprojects/core';
import type { DispatchTables } from './schema.dispatch.ts';
import type { LifecycleTables } from './schema.lifecycle.ts';
import type { ReviewDeskTables } from './schema.review.ts';
import type { AttractionTables } from './schema.attraction.ts';
import type { SharedStateTables } from './schema.shared-state.ts';
import type { FinancingTables } from './schema.financing.ts';
import type { RollupTables } from './schema.rollup.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;
type Json = ColumnType<unknown, string | null, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parent_code: string | null;
  /** What officials write (杜蒙县, 高新区); null where the full name is short enough (2026120906_region_names). */
  short_name: string | null;
  name_en: string | null;
}

export interface LifecycleStageTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort_order: number;
  active: Generated<boolean>;
}

export interface OrganizationTable {
  id: Generated<number>;
  kind: string;
  name: string;
  credit_code: string | null;
  region_code: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string | null;
  organization_id: number | null;
  /** Mobile number for SMS notices (migration 2026120702_contact); null when none. */
  phone: Generated<string | null>;
  /** E-mail address for notices; null when none. */
  email: Generated<string | null>;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: UpdatedAt;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: UpdatedAt;
  ip: string | null;
  user_agent: string | null;
}

/** Failed sign-ins per username string, known or not (auth hardening). */
export interface LoginAttemptTable {
  username: string;
  failures: number;
  locked_until: Date | null;
  updated_at: UpdatedAt;
}

/** Failed sign-ins per client address and fixed window. */
export interface LoginRateTable {
  ip: string;
  window_start: Date;
  attempts: number;
}

/** A user's TOTP second factor: the seed encrypted with the app's key; enabled once a code confirmed it. */
export interface UserTotpTable {
  user_id: number;
  secret_encrypted: string;
  enabled_at: Date | null;
  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  last_step: bigint | null;
  created_at: CreatedAt;
}

/** The second step of a sign-in: a password was right, the TOTP code is still due. */
export interface LoginChallengeTable {
  id: string;
  user_id: number;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface ProjectTable {
  id: Generated<number>;
  code: string;
  name: string;
  owner_org_id: number;
  region_code: string;
  levels: ProjectLevel[];
  category: ProjectCategory;
  industry: IndustrySection | null;
  nature: ProjectNature;
  construction_content: string | null;
  address: string | null;
  longitude: string | null;
  latitude: string | null;
  total_investment: bigint;
  planned_start_date: DateString | null;
  planned_completion_date: DateString | null;
  planned_production_date: DateString | null;
  actual_start_date: DateString | null;
  actual_completion_date: DateString | null;
  actual_production_date: DateString | null;
  stage: string;
  /** The project's lifecycle template version and where it stands in it (kept from lifecycle_transitions). */
  lifecycle_template_id: number | null;
  lifecycle_stage: string | null;
  lifecycle_step: string | null;
  financing_model: FinancingModel | null;
  service_officer_id: number | null;
  responsible_leader: string | null;
  responsible_unit: Generated<string | null>;
  contact_person: string | null;
  contact_phone: string | null;
  tags: string[];
  in_statistics: boolean;
  in_statistics_since: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: number | null;
  deleted_at: Date | null;
}

export interface FundingSourceTable {
  project_id: number;
  kind: string;
  applied: bigint;
  approved: bigint;
  issued: bigint;
}

export interface AnnualPlanTable {
  project_id: number;
  year: number;
  planned_investment: bigint;
  nature: ProjectNature;
  planned_new_start: boolean;
}

export interface AuditLogTable {
  id: Generated<bigint>;
  at: CreatedAt;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  ip: string | null;
  user_agent: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  region_code: string | null;
  before: Json;
  after: Json;
  /** Set by the audit_log_chain trigger: the previous row's hash and this row's (hex SHA-256). */
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

/** The head of the audit hash chain (one row), kept by the audit_log_chain trigger. */
export interface AuditChainHeadTable {
  singleton: Generated<boolean>;
  last_id: bigint;
  last_hash: string;
}

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved' | 'confirmed' | 'locked';

export interface ReportingPeriodTable {
  year: number;
  month: number;
  cutoff_date: DateString;
  deadline: DateString;
  locked_at: Date | null;
}

export interface MonthlyReportTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  month: number;
  state: ReportState;
  completed_this_month: bigint;
  progress_text: string | null;
  progress_percent: string | null;
  workers: number | null;
  machines: number | null;
  stage: string | null;
  started: Generated<boolean>;
  started_on: DateString | null;
  return_reason: string | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  reviewed_at: Date | null;
  reviewed_by: number | null;
  confirmed_at: Date | null;
  confirmed_by: number | null;
  /** 'import' for figures an office ledger recorded (with its import's id); null for a filed report. */
  source: Generated<'import' | null>;
  import_id: Generated<string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReportCorrectionTable {
  id: Generated<number>;
  report_id: number;
  at: CreatedAt;
  user_id: number | null;
  reason: string;
  before: Json;
  after: Json;
}

export interface ReportPhotoTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  data: Buffer;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface ProjectYearProgressTable {
  project_id: number;
  year: number;
  latest_cutoff: DateString;
  /** NUMERIC (twelve bigint months can exceed a bigint): decimal text as read, a bigint or text when written. */
  completed_ytd: ColumnType<string, bigint | string, bigint | string>;
  started_on: DateString | null;
  /** Counted completions of months 1–12 (index 1 = January). */
  monthly_completed: ColumnType<bigint[], bigint[] | undefined, bigint[]>;
  /** Element k: the earliest start date reported in months 1..k (null while none). */
  started_by_month: ColumnType<(string | null)[], (string | null)[] | undefined, (string | null)[]>;
}

/** An identifier a project carries in another system; scheme 'oc4ids' is the OC4IDS id it was imported with. */
export interface ProjectExternalIdTable {
  project_id: number;
  scheme: string;
  identifier: string;
  /** Where the identifier came from: the URI of the imported package. */
  source: string | null;
  /** What the import could not put into project fields (see Oc4idsImportDetails). */
  details: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A bulletin (通报) template: text with named placeholders (core's bulletin.placeholders.ts). */
export interface BulletinTemplateTable {
  id: Generated<number>;
  name: string;
  body: string;
  is_default: Generated<boolean>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: number | null;
}

export interface DB
  extends
    DispatchTables,
    LifecycleTables,
    ReviewDeskTables,
    AttractionTables,
    FinancingTables,
    SharedStateTables,
    RollupTables {
  regions: RegionTable;
  lifecycle_stages: LifecycleStageTable;
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_rate: LoginRateTable;
  user_totp: UserTotpTable;
  login_challenges: LoginChallengeTable;
  projects: ProjectTable;
  project_funding_sources: FundingSourceTable;
  annual_plans: AnnualPlanTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  reporting_periods: ReportingPeriodTable;
  monthly_reports: MonthlyReportTable;
  report_corrections: ReportCorrectionTable;
  report_photos: ReportPhotoTable;
  project_year_progress: ProjectYearProgressTable;
  project_external_ids: ProjectExternalIdTable;
  bulletin_templates: BulletinTemplateTable;
}

export type ProjectRow = Selectable<ProjectTable>;
export type NewProjectRow = Insertable<ProjectTable>;
export type ProjectRowUpdate = Updateable<ProjectTable>;
export type UserRow = Selectable<UserTable>;
