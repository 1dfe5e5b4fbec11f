/**
 * The lifecycle (issue #11): versioned lifecycle templates, stage and step transitions (the project's stage derives
 * from them), milestone plans in versions (the first approved is the baseline) with their nodes, groundbreaking
 * events (集中开工) and the three batches (三个一批).
 *
 * The existing stage field migrates onto the default template, whose stage codes are the seven phase codes: every
 * project gets the default template and the transitions its stage and actual dates imply (source 'migration').
 * A project inserted later by any path (form, ledger, open data, demo) gets the same from a trigger (source
 * 'create'), so no project is ever without a lifecycle; later changes are recorded by the lifecycle module.
 */
import { sql, type Kysely } from 'kysely';
import { SHIPPED_LIFECYCLE_TEMPLATES } from '@keyprojects/core';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A template is a (code, version); a version in use by a project is never changed, an edit makes the next one.
  await sql`
    create table lifecycle_templates (
      id serial primary key,
      code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
      version integer not null check (version >= 1),
      name_zh text not null check (length(name_zh) between 1 and 80),
      name_en text not null check (length(name_en) between 1 and 120),
      definition jsonb not null,
      is_default boolean not null default false,
      retired boolean not null default false,
      created_at timestamptz not null default now(),
      created_by integer references users (id),
      unique (code, version)
    )`.execute(db);
  await sql`create unique index lifecycle_templates_one_default on lifecycle_templates (is_default) where is_default`.execute(
    db,
  );
  await sql`insert into lifecycle_templates (code, version, name_zh, name_en, definition, is_default) values ${sql.join(
    SHIPPED_LIFECYCLE_TEMPLATES.map(
      (t, index) =>
        sql`(${t.code}, 1, ${t.name.zh}, ${t.name.en}, ${JSON.stringify(t.definition)}::jsonb, ${index === 0})`,
    ),
  )}`.execute(db);

  // The project's template and where it stands in it (kept by the lifecycle module from the transitions);
  // projects.stage stays the statistical phase of that stage.
  await sql`
    alter table projects
      add column lifecycle_template_id integer references lifecycle_templates (id),
      add column lifecycle_stage text,
      add column lifecycle_step text`.execute(db);

  await sql`
    create table lifecycle_transitions (
      id serial primary key,
      project_id integer not null references projects (id),
      template_id integer not null references lifecycle_templates (id),
      stage_code text not null,
      step_code text,
      phase text not null references lifecycle_stages (code),
      occurred_on date not null,
      note text check (length(note) <= 2000),
      source text not null check (source in ('create', 'migration', 'manual', 'report', 'event', 'import')),
      event_id integer,
      recorded_at timestamptz not null default now(),
      recorded_by integer references users (id)
    )`.execute(db);
  await sql`create index lifecycle_transitions_project on lifecycle_transitions (project_id, occurred_on, id)`.execute(
    db,
  );
  await sql`create index lifecycle_transitions_phase on lifecycle_transitions (phase, occurred_on)`.execute(db);

  // Evidence of a transition or a plan node is an attachment like a visit's photo.
  await sql`alter table attachments drop constraint attachments_owner_kind_check`.execute(db);
  await sql`alter table attachments add constraint attachments_owner_kind_check
    check (owner_kind in ('problem', 'visit', 'inspection', 'transition', 'milestone'))`.execute(db);

  await createSeedFunction(db);
  await sql`update projects set lifecycle_template_id = (select id from lifecycle_templates where is_default),
    lifecycle_stage = stage`.execute(db);
  await sql`select lifecycle_seed_transitions(id, 'migration') from projects`.execute(db);
  await sql`
    create function projects_lifecycle_defaults() returns trigger language plpgsql as $$
    begin
      if new.lifecycle_template_id is null then
        new.lifecycle_template_id := (select id from lifecycle_templates where is_default);
      end if;
      if new.lifecycle_stage is null then new.lifecycle_stage := new.stage; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger projects_lifecycle_defaults before insert on projects
    for each row execute function projects_lifecycle_defaults()`.execute(db);
  await sql`
    create function projects_lifecycle_seed() returns trigger language plpgsql as $$
    begin
      perform lifecycle_seed_transitions(new.id, 'create');
      return null;
    end $$`.execute(db);
  await sql`create trigger projects_lifecycle_seed after insert on projects
    for each row execute function projects_lifecycle_seed()`.execute(db);

  await createPlanTables(db);
  await createEventTables(db);
}

/**
 * The transitions a project's stage and actual dates imply, for a project on the default template (stage codes are
 * phase codes): started and construction on the actual start, completed on the actual completion, production (and
 * full capacity) on the actual production; a project not started has one transition to its stage on the day it
 * was created. A date the project lacks falls back to the one before it.
 */
async function createSeedFunction(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function lifecycle_seed_transitions(p_id integer, p_source text) returns void language plpgsql as $$
    declare
      p record;
      phases text[] := array['started', 'construction', 'completed', 'production', 'full_capacity'];
      reached integer;
      on_day date;
      ph text;
    begin
      select id, stage, lifecycle_template_id, lifecycle_stage, actual_start_date, actual_completion_date,
             actual_production_date, (created_at at time zone 'Asia/Shanghai')::date as created_on, created_by
        into p from projects where id = p_id;
      reached := array_position(phases, p.stage);
      if reached is null or p.lifecycle_stage is distinct from p.stage then
        insert into lifecycle_transitions (project_id, template_id, stage_code, phase, occurred_on, source, recorded_by)
        values (p.id, p.lifecycle_template_id, p.lifecycle_stage, p.stage,
                coalesce(p.actual_start_date, p.created_on), p_source, p.created_by);
        return;
      end if;
      on_day := coalesce(p.actual_start_date, p.actual_completion_date, p.actual_production_date, p.created_on);
      for i in 1 .. reached loop
        ph := phases[i];
        if ph = 'completed' then on_day := coalesce(p.actual_completion_date, on_day);
        elsif ph = 'production' then on_day := coalesce(p.actual_production_date, on_day);
        end if;
        insert into lifecycle_transitions (project_id, template_id, stage_code, phase, occurred_on, source, recorded_by)
        values (p.id, p.lifecycle_template_id, ph, ph, on_day, p_source, p.created_by);
      end loop;
    end $$`.execute(db);
}

/**
 * Milestone plans: one row per version of a project's plan. A draft is edited (row_version for If-Match); the
 * first approved version is the baseline and never changes; a re-plan is a new version with its reason, the
 * previous approved one becoming superseded. Nodes carry a key stable across versions (the template step's code
 * or a generated one) so delay is measured against the baseline's node and the latest plan's.
 */
async function createPlanTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table milestone_plans (
      id serial primary key,
      project_id integer not null references projects (id),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft', 'approved', 'superseded')),
      target_date date not null,
      reason text check (length(reason) <= 2000),
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by integer references users (id),
      approved_at timestamptz,
      approved_by integer references users (id),
      unique (project_id, version)
    )`.execute(db);
  await sql`create unique index milestone_plans_one_draft on milestone_plans (project_id) where status = 'draft'`.execute(
    db,
  );
  await sql`create unique index milestone_plans_one_current on milestone_plans (project_id)
    where status = 'approved'`.execute(db);
  await sql`
    create table milestone_nodes (
      id serial primary key,
      plan_id integer not null references milestone_plans (id) on delete cascade,
      node_key text not null check (node_key ~ '^[a-z0-9_]{1,60}$'),
      name text not null check (length(name) between 1 and 200),
      stage_code text,
      step_code text,
      planned_start date not null,
      planned_end date not null check (planned_end >= planned_start),
      actual_start date,
      actual_end date,
      status text not null default 'pending' check (status in ('pending', 'in_progress', 'done')),
      responsible_org_id integer references organizations (id),
      responsible_person text check (length(responsible_person) <= 100),
      note text check (length(note) <= 2000),
      sort_order integer not null default 0,
      unique (plan_id, node_key)
    )`.execute(db);
  await sql`create index milestone_nodes_planned_end on milestone_nodes (planned_end)`.execute(db);
  await sql`create index milestone_nodes_org on milestone_nodes (responsible_org_id)`.execute(db);
}

/** 集中开工 events with their projects (a project starts once: in one event at most), and 三个一批 rounds. */
async function createEventTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table groundbreaking_events (
      id serial primary key,
      name text not null check (length(name) between 1 and 200),
      held_on date not null,
      level text not null check (level in ('provincial', 'city', 'industry', 'function_zone')),
      place text check (length(place) <= 200),
      region_code text not null references regions (code),
      note text check (length(note) <= 2000),
      created_at timestamptz not null default now(),
      created_by integer references users (id)
    )`.execute(db);
  await sql`
    create table groundbreaking_event_projects (
      event_id integer not null references groundbreaking_events (id) on delete cascade,
      project_id integer not null unique references projects (id),
      primary key (event_id, project_id)
    )`.execute(db);
  await sql`alter table lifecycle_transitions add constraint lifecycle_transitions_event
    foreign key (event_id) references groundbreaking_events (id)`.execute(db);
  await sql`
    create table batch_rounds (
      id serial primary key,
      name text not null check (length(name) between 1 and 200),
      held_on date not null,
      region_code text not null references regions (code),
      note text check (length(note) <= 2000),
      created_at timestamptz not null default now(),
      created_by integer references users (id)
    )`.execute(db);
  await sql`
    create table batch_round_projects (
      round_id integer not null references batch_rounds (id) on delete cascade,
      project_id integer not null references projects (id),
      batch text not null check (batch in ('sign', 'start', 'production')),
      planned_on date,
      primary key (round_id, project_id, batch)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table batch_round_projects, batch_rounds`.execute(db);
  await sql`alter table lifecycle_transitions drop constraint lifecycle_transitions_event`.execute(db);
  await sql`drop table groundbreaking_event_projects, groundbreaking_events`.execute(db);
  await sql`drop table milestone_nodes, milestone_plans`.execute(db);
  await sql`drop trigger projects_lifecycle_seed on projects`.execute(db);
  await sql`drop trigger projects_lifecycle_defaults on projects`.execute(db);
  await sql`drop function projects_lifecycle_seed, projects_lifecycle_defaults, lifecycle_seed_transitions`.execute(db);
  await sql`delete from attachments where owner_kind in ('transition', 'milestone')`.execute(db);
  await sql`alter table attachments drop constraint attachments_owner_kind_check`.execute(db);
  await sql`alter table attachments add constraint attachments_owner_kind_check
    check (owner_kind in ('problem', 'visit', 'inspection'))`.execute(db);
  await sql`drop table lifecycle_transitions`.execute(db);
  await sql`alter table projects drop column lifecycle_template_id, drop column lifecycle_stage,
    drop column lifecycle_step`.execute(db);
  await sql`drop table lifecycle_templates`.execute(db);
}
