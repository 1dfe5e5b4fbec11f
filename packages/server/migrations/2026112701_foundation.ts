/**
 * The foundation: regions (GB/T 2260, loaded from reference/regions.json), lifecycle stages, organisations,
 * users and sessions, projects with levels, tags, funding sources and annual plans, and the audit log.
 * Runs unchanged on PGlite and PostgreSQL. Never edit once landed; add a new migration instead.
 */
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_STAGES, parentRegionCode, regionLevel } from '@keyprojects/core';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table regions (
      code text primary key check (code ~ '^[0-9]{6}$'),
      name text not null,
      level text not null check (level in ('province', 'prefecture', 'county')),
      parent_code text
    )`.execute(db);
  const regions = JSON.parse(readFileSync(new URL('../reference/regions.json', import.meta.url), 'utf8')) as {
    rows: [string, string][];
  };
  for (let i = 0; i < regions.rows.length; i += 1000) {
    const chunk = regions.rows.slice(i, i + 1000);
    await sql`insert into regions (code, name, level, parent_code) values ${sql.join(
      chunk.map(([code, name]) => sql`(${code}, ${name}, ${regionLevel(code)}, ${parentRegionCode(code)})`),
    )}`.execute(db);
  }

  await sql`
    create table lifecycle_stages (
      code text primary key,
      name_zh text not null,
      name_en text not null,
      sort_order integer not null,
      active boolean not null default true
    )`.execute(db);
  await sql`insert into lifecycle_stages (code, name_zh, name_en, sort_order) values ${sql.join(
    DEFAULT_STAGES.map((stage, index) => sql`(${stage.code}, ${stage.label.zh}, ${stage.label.en}, ${index + 1})`),
  )}`.execute(db);

  await sql`
    create table organizations (
      id serial primary key,
      kind text not null check (kind in ('drc', 'owner', 'responsible_unit', 'bank', 'other')),
      name text not null check (length(name) between 1 and 200),
      credit_code text unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
      region_code text not null references regions (code),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index organizations_name_trgm on organizations using gin (name gin_trgm_ops)`.execute(db);

  await sql`
    create table users (
      id serial primary key,
      username text not null unique check (username ~ '^[a-zA-Z0-9._-]{3,40}$'),
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('city_admin', 'district_staff', 'owner', 'service_officer',
        'responsible_unit', 'leader', 'system_admin', 'security_admin', 'audit_admin')),
      region_code text references regions (code),
      organization_id integer references organizations (id),
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id integer not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`create index sessions_expiry on sessions (expires_at)`.execute(db);

  await sql`
    create table projects (
      id serial primary key,
      code text not null check (code ~ '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$'),
      name text not null check (length(name) between 1 and 200),
      owner_org_id integer not null references organizations (id),
      region_code text not null references regions (code),
      levels text[] not null default '{}',
      category text not null,
      industry text,
      nature text not null check (nature in ('new', 'continuing', 'reserve')),
      construction_content text,
      address text,
      longitude numeric(9, 6),
      latitude numeric(9, 6),
      total_investment bigint not null check (total_investment >= 0),
      planned_start_date date,
      planned_completion_date date,
      planned_production_date date,
      actual_start_date date,
      actual_completion_date date,
      actual_production_date date,
      stage text not null references lifecycle_stages (code),
      financing_model text,
      service_officer_id integer references users (id),
      responsible_leader text,
      contact_person text,
      contact_phone text,
      tags text[] not null default '{}',
      in_statistics boolean not null default false,
      in_statistics_since date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by integer references users (id),
      deleted_at timestamptz
    )`.execute(db);
  // A code belongs to one live project; a soft-deleted project releases it.
  await sql`create unique index projects_code_live on projects (code) where deleted_at is null`.execute(db);
  await sql`create index projects_region on projects (region_code text_pattern_ops) where deleted_at is null`.execute(
    db,
  );
  await sql`create index projects_owner on projects (owner_org_id) where deleted_at is null`.execute(db);
  await sql`create index projects_officer on projects (service_officer_id) where deleted_at is null`.execute(db);
  await sql`create index projects_name_trgm on projects using gin (name gin_trgm_ops)`.execute(db);
  await sql`create index projects_code_trgm on projects using gin (code gin_trgm_ops)`.execute(db);

  await sql`
    create table project_funding_sources (
      project_id integer not null references projects (id) on delete cascade,
      kind text not null,
      applied bigint not null default 0 check (applied >= 0),
      approved bigint not null default 0 check (approved >= 0),
      issued bigint not null default 0 check (issued >= 0),
      primary key (project_id, kind)
    )`.execute(db);

  await sql`
    create table annual_plans (
      project_id integer not null references projects (id) on delete cascade,
      year smallint not null,
      planned_investment bigint not null check (planned_investment >= 0),
      nature text not null check (nature in ('new', 'continuing', 'reserve')),
      planned_new_start boolean not null default false,
      primary key (project_id, year)
    )`.execute(db);
  await sql`create index annual_plans_year on annual_plans (year, project_id)`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_id integer references users (id),
      actor_username text,
      actor_role text,
      ip text,
      user_agent text,
      entity_type text not null,
      entity_id text not null,
      action text not null,
      region_code text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id, id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  // The audit trail is append-only: no role of the application may rewrite history.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_rewrite before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('the foundation migration cannot be reverted');
}
