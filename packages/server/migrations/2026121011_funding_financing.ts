/**
 * Funding sources with dates and history, and the financing-needs list (issue #13 items 3 and 4).
 *
 * - `funding_events`: one dated step (applied / approved / issued) of one kind (专项债, 中央预算内) for a project,
 *   with who entered it. `project_funding_sources` stays the current totals (the service keeps both in step in one
 *   transaction), so its readers are unchanged; the totals already there become events dated the project's creation.
 * - `financing_needs`: a project's declared need; `financing_editions` a published two-month edition (its code
 *   unique, so publishing the same edition twice, or two publishers racing, leaves one); `financing_edition_items`
 *   the needs frozen into it (the project's name and district copied, so later edits do not change a published
 *   list); `financing_matches` a financial institution's interest in a published need and how it ended.
 * - users.role gains `financial_institution`.
 */
import { sql, type Kysely } from 'kysely';

const ROLES_BEFORE = `'city_admin', 'district_staff', 'owner', 'service_officer', 'responsible_unit', 'leader',
  'system_admin', 'security_admin', 'audit_admin'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in (${sql.raw(ROLES_BEFORE)},
    'financial_institution'))`.execute(db);

  await sql`
    create table funding_events (
      id integer generated always as identity primary key,
      project_id integer not null references projects (id) on delete cascade,
      kind text not null check (kind in ('special_bond', 'central_budget')),
      step text not null check (step in ('applied', 'approved', 'issued')),
      amount bigint not null check (amount > 0),
      occurred_on date not null,
      note text check (length(note) <= 500),
      entered_by integer references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index funding_events_project on funding_events (project_id, kind, occurred_on)`.execute(db);
  await sql`create index funding_events_date on funding_events (occurred_on)`.execute(db);
  await sql`
    insert into funding_events (project_id, kind, step, amount, occurred_on, note)
    select f.project_id, f.kind, s.step, s.amount, p.created_at::date, '启用资金来源记录前的累计数'
    from project_funding_sources f
    join projects p on p.id = f.project_id
    cross join lateral (values ('applied', f.applied), ('approved', f.approved), ('issued', f.issued)) s (step, amount)
    where f.kind in ('special_bond', 'central_budget') and s.amount > 0`.execute(db);

  await sql`
    create table financing_needs (
      id integer generated always as identity primary key,
      project_id integer not null references projects (id) on delete cascade,
      amount bigint not null check (amount > 0),
      instrument text not null check (instrument in ('loan', 'equity', 'bond', 'leasing')),
      term_months integer not null check (term_months between 1 and 600),
      purpose text not null check (length(purpose) between 1 and 2000),
      collateral text check (length(collateral) <= 500),
      declared_on date not null,
      created_by integer references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index financing_needs_project on financing_needs (project_id)`.execute(db);

  await sql`
    create table financing_editions (
      id integer generated always as identity primary key,
      code text not null unique,
      year smallint not null,
      number smallint not null check (number between 1 and 6),
      published_on date not null,
      published_by integer references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table financing_edition_items (
      edition_id integer not null references financing_editions (id) on delete cascade,
      need_id integer not null references financing_needs (id),
      project_name text not null,
      region_code text not null,
      region_name text not null,
      amount bigint not null check (amount > 0),
      instrument text not null,
      term_months integer not null,
      purpose text not null,
      collateral text,
      primary key (edition_id, need_id)
    )`.execute(db);

  await sql`
    create table financing_matches (
      id integer generated always as identity primary key,
      edition_id integer not null,
      need_id integer not null,
      institution_user_id integer references users (id),
      institution text not null check (length(institution) between 1 and 200),
      state text not null default 'interested' check (state in ('interested', 'negotiating', 'signed', 'declined')),
      signed_amount bigint check (signed_amount > 0),
      note text check (length(note) <= 500),
      created_by integer references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      foreign key (edition_id, need_id) references financing_edition_items (edition_id, need_id),
      unique (edition_id, need_id, institution),
      check ((state = 'signed') = (signed_amount is not null))
    )`.execute(db);
  await sql`create index financing_matches_user on financing_matches (institution_user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table financing_matches`.execute(db);
  await sql`drop table financing_edition_items`.execute(db);
  await sql`drop table financing_editions`.execute(db);
  await sql`drop table financing_needs`.execute(db);
  await sql`drop table funding_events`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in (${sql.raw(ROLES_BEFORE)}))`.execute(db);
}
