/**
 * Monthly reporting: periods with a statistical cut-off and a filing deadline, one report per project and
 * period with its review state, the corrections made after a period locked (kept beside the original), and
 * photos. `project_year_progress` keeps each project's year-to-date figures current on every counted report,
 * so the dashboard reads one row per project instead of aggregating every report.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reporting_periods (
      year smallint not null,
      month smallint not null check (month between 1 and 12),
      cutoff_date date not null,
      deadline date not null,
      locked_at timestamptz,
      primary key (year, month),
      check (extract(year from cutoff_date) = year and extract(month from cutoff_date) = month),
      check (deadline >= cutoff_date)
    )`.execute(db);

  await sql`
    create table monthly_reports (
      id serial primary key,
      project_id integer not null references projects (id),
      year smallint not null,
      month smallint not null,
      state text not null check (state in ('draft', 'submitted', 'returned', 'approved', 'confirmed', 'locked')),
      completed_this_month bigint not null,
      progress_text text,
      progress_percent numeric(5, 2) check (progress_percent between 0 and 100),
      workers integer check (workers >= 0),
      machines integer check (machines >= 0),
      stage text references lifecycle_stages (code),
      started boolean not null default false,
      started_on date,
      return_reason text,
      submitted_at timestamptz,
      submitted_by integer references users (id),
      reviewed_at timestamptz,
      reviewed_by integer references users (id),
      confirmed_at timestamptz,
      confirmed_by integer references users (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (year, month) references reporting_periods (year, month),
      unique (project_id, year, month),
      check (not started or started_on is not null)
    )`.execute(db);
  await sql`create index monthly_reports_period on monthly_reports (year, month, state)`.execute(db);

  await sql`
    create table report_corrections (
      id serial primary key,
      report_id integer not null references monthly_reports (id),
      at timestamptz not null default now(),
      user_id integer references users (id),
      reason text not null check (length(reason) between 2 and 500),
      before jsonb not null,
      after jsonb not null
    )`.execute(db);
  await sql`create index report_corrections_report on report_corrections (report_id, id)`.execute(db);

  await sql`
    create table report_photos (
      id serial primary key,
      report_id integer not null references monthly_reports (id),
      file_name text not null,
      mime_type text not null check (mime_type in ('image/jpeg', 'image/png', 'image/webp')),
      size_bytes integer not null check (size_bytes > 0),
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by integer references users (id)
    )`.execute(db);
  await sql`create index report_photos_report on report_photos (report_id)`.execute(db);

  // Year-to-date state per project from its counted reports (approved, confirmed or locked), month by month.
  await sql`
    create table project_year_progress (
      project_id integer not null references projects (id),
      year smallint not null,
      latest_cutoff date not null,
      completed_ytd bigint not null,
      started_on date,
      -- Counted completions of months 1–12, and the earliest reported start date among months 1..k for each k:
      -- the figures as of any date are read from these without scanning the reports.
      monthly_completed bigint[] not null default '{0,0,0,0,0,0,0,0,0,0,0,0}',
      started_by_month date[] not null default '{NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}',
      primary key (project_id, year)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('the reporting migration cannot be reverted');
}
