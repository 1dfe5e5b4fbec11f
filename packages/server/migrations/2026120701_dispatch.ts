/**
 * The dispatch loop (issue #10): warnings and their presets, problems (also the tasks a meeting decides and the
 * rectifications an inspection requires) with their history and clocks, dispatch meetings, service officers'
 * visits, inspections, attachments, the in-app inbox and the outbox a message gateway drains, notice templates,
 * the editable dispatch configuration (working-day calendar, deadline rule), and the job-run ledger that makes a
 * scheduled tick run once across several app instances.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Editable configuration by key ('work_calendar', 'deadline_rule'), validated by core's contracts on write.
  await sql`
    create table dispatch_config (
      key text primary key check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
      value jsonb not null,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by integer references users (id)
    )`.execute(db);

  // Presets an administrator stored (the shipped ones live in core); one active preset per region.
  await sql`
    create table warning_presets (
      id text not null,
      version integer not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      created_by integer references users (id),
      primary key (id, version)
    )`.execute(db);
  await sql`
    create table region_warning_presets (
      region_code text primary key references regions (code),
      preset_id text not null,
      updated_at timestamptz not null default now(),
      updated_by integer references users (id)
    )`.execute(db);

  // A warning on a project (project_id) or on a district as a whole (project_id null); cleared_on null while active.
  await sql`
    create table warnings (
      id bigserial primary key,
      project_id integer references projects (id),
      region_code text not null references regions (code),
      rule text not null,
      preset_id text not null,
      rule_version integer not null,
      level text not null check (level in ('yellow', 'red')),
      figures jsonb not null,
      text text not null,
      first_raised_on date not null,
      last_confirmed_on date not null,
      level_changed_on date not null,
      cleared_on date,
      check (cleared_on is null or cleared_on >= first_raised_on)
    )`.execute(db);
  await sql`create unique index warnings_active_project on warnings (project_id, rule) where cleared_on is null and project_id is not null`.execute(
    db,
  );
  await sql`create unique index warnings_active_district on warnings (region_code, rule) where cleared_on is null and project_id is null`.execute(
    db,
  );
  await sql`create index warnings_region_active on warnings (region_code text_pattern_ops) where cleared_on is null`.execute(
    db,
  );
  await sql`create index warnings_project on warnings (project_id, first_raised_on desc)`.execute(db);

  // Dispatch meetings of a kind for a region's scope; the agenda is generated, then edited.
  await sql`
    create table meetings (
      id serial primary key,
      kind text not null check (kind in ('weekly_dispatch', 'monthly_review', 'quarterly_tour')),
      region_code text not null references regions (code),
      held_on date not null,
      title text not null,
      location text,
      chair text,
      attendees text,
      minutes text,
      state text not null default 'planned' check (state in ('planned', 'held')),
      previous_meeting_id integer references meetings (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by integer references users (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index meetings_region_date on meetings (region_code text_pattern_ops, held_on desc)`.execute(db);
  await sql`
    create table meeting_agenda_items (
      id serial primary key,
      meeting_id integer not null references meetings (id),
      position integer not null,
      project_id integer references projects (id),
      warning_id bigint references warnings (id),
      problem_id integer,
      title text not null,
      note text,
      unique (meeting_id, position) deferrable initially deferred
    )`.execute(db);

  // Inspections (线上线下督导) of a project; a required rectification is tracked as a problem (problems.inspection_id).
  await sql`
    create table inspections (
      id serial primary key,
      project_id integer not null references projects (id),
      inspected_on date not null,
      mode text not null check (mode in ('onsite', 'online')),
      inspectors text not null,
      findings text not null,
      rectify_by date,
      created_at timestamptz not null default now(),
      created_by integer references users (id)
    )`.execute(db);
  await sql`create index inspections_project on inspections (project_id, inspected_on desc)`.execute(db);

  // Problems (问题清单): raised on a project, or decided at a meeting, or required by an inspection; one workflow.
  await sql`
    create table problems (
      id serial primary key,
      project_id integer not null references projects (id),
      region_code text not null references regions (code),
      source text not null default 'raised' check (source in ('raised', 'meeting_decision', 'inspection')),
      meeting_id integer references meetings (id),
      inspection_id integer references inspections (id),
      title text not null,
      category text not null,
      description text not null,
      complexity text not null default 'ordinary' check (complexity in ('ordinary', 'complex')),
      state text not null check (state in ('open', 'accepted', 'in_progress', 'resolved', 'verified_closed', 'returned')),
      raised_on date not null,
      raised_by integer references users (id),
      assigned_unit_id integer references organizations (id),
      assignee_name text,
      assigned_on date,
      assigned_by integer references users (id),
      deadline_rule jsonb,
      agreed_final_due_on date,
      due_on date,
      steps_done jsonb not null default '{}',
      escalation_level integer not null default 0,
      resolved_on date,
      resolved_by integer references users (id),
      resolved_by_org integer references organizations (id),
      verified_on date,
      verified_by integer references users (id),
      grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
      last_reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((source = 'meeting_decision') = (meeting_id is not null)),
      check ((source = 'inspection') = (inspection_id is not null)),
      check ((state = 'verified_closed') = (grade is not null))
    )`.execute(db);
  await sql`create index problems_region_state on problems (region_code text_pattern_ops, state)`.execute(db);
  await sql`create index problems_unit_state on problems (assigned_unit_id, state)`.execute(db);
  await sql`create index problems_project on problems (project_id)`.execute(db);
  await sql`create index problems_meeting on problems (meeting_id) where meeting_id is not null`.execute(db);
  await sql`alter table meeting_agenda_items add foreign key (problem_id) references problems (id)`.execute(db);
  await sql`
    create table problem_events (
      id bigserial primary key,
      problem_id integer not null references problems (id),
      action text not null,
      from_state text,
      to_state text not null,
      on_date date not null,
      actor_id integer references users (id),
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index problem_events_problem on problem_events (problem_id, id)`.execute(db);

  // Service officers' visits (走访) to the projects paired with them (projects.service_officer_id).
  await sql`
    create table service_visits (
      id serial primary key,
      project_id integer not null references projects (id),
      officer_id integer not null references users (id),
      visited_on date not null,
      findings text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index service_visits_officer on service_visits (officer_id, visited_on desc)`.execute(db);
  await sql`create index service_visits_project on service_visits (project_id, visited_on desc)`.execute(db);

  // Files attached to a problem, a visit or an inspection (photos, scanned letters).
  await sql`
    create table attachments (
      id serial primary key,
      owner_kind text not null check (owner_kind in ('problem', 'visit', 'inspection')),
      owner_id integer not null,
      file_name text not null,
      mime_type text not null check (mime_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
      size_bytes integer not null check (size_bytes > 0),
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by integer references users (id)
    )`.execute(db);
  await sql`create index attachments_owner on attachments (owner_kind, owner_id)`.execute(db);

  // The link to a project's site video stream, shown on the project page (no video server here).
  await sql`
    create table project_video_links (
      project_id integer primary key references projects (id),
      url text not null,
      label text,
      updated_at timestamptz not null default now(),
      updated_by integer references users (id)
    )`.execute(db);

  // The in-app inbox, and the outbox an SMS or e-mail gateway drains (claims with skip locked, marks sent).
  await sql`
    create table notifications (
      id bigserial primary key,
      user_id integer not null references users (id),
      kind text not null,
      title text not null,
      body text not null,
      link text,
      entity_type text,
      entity_id text,
      created_on date not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index notifications_user on notifications (user_id, id desc)`.execute(db);
  await sql`create index notifications_unread on notifications (user_id) where read_at is null`.execute(db);
  await sql`
    create table notification_outbox (
      id bigserial primary key,
      notification_id bigint references notifications (id),
      channel text not null check (channel in ('sms', 'email')),
      recipient text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      claimed_at timestamptz,
      claimed_by text,
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    )`.execute(db);
  await sql`create index notification_outbox_pending on notification_outbox (id) where sent_at is null`.execute(db);

  // Templates of the daily notice (日通报) and the weekly dispatch report (周调度), like the bulletin's.
  await sql`
    create table notice_templates (
      id serial primary key,
      kind text not null check (kind in ('daily', 'weekly')),
      name text not null,
      body text not null,
      is_default boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by integer references users (id)
    )`.execute(db);
  await sql`create unique index notice_templates_default on notice_templates (kind) where is_default`.execute(db);

  // One row per job and tick: the instance that inserts it runs the tick, every other instance skips it.
  await sql`
    create table job_runs (
      job text not null,
      tick text not null,
      instance text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      result jsonb,
      error text,
      primary key (job, tick)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_runs',
    'notice_templates',
    'notification_outbox',
    'notifications',
    'project_video_links',
    'attachments',
    'service_visits',
    'problem_events',
    'meeting_agenda_items',
    'problems',
    'inspections',
    'meetings',
    'warnings',
    'region_warning_presets',
    'warning_presets',
    'dispatch_config',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
