/**
 * Published rankings (issue #13 item 1): an edition freezes a city's ranking for a period exactly as published —
 * the scheme as it was (JSON, with its version) and the ranked units with every term — so it never changes when the
 * data or the scheme change later. Publishing the same period and scheme version again finds the existing edition
 * (the unique key, insert … on conflict do nothing: of racing publications exactly one inserts); a republication is
 * an explicit new edition number. Criticism from above (Yan'an's −5 to −20) is entered per district and period as
 * ranking_adjustments, the `criticism` indicator's values.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ranking_editions (
      id integer generated always as identity primary key,
      region_code text not null references regions (code),
      scheme_id text not null check (scheme_id ~ '^[a-z][a-z0-9_]{1,39}$'),
      scheme_version integer not null check (scheme_version >= 1),
      scheme jsonb not null,
      period text not null check (period ~ '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$'),
      edition integer not null check (edition >= 1),
      as_of date not null,
      units jsonb not null,
      published_at timestamptz not null default now(),
      published_by integer references users (id),
      unique (region_code, scheme_id, scheme_version, period, edition)
    )`.execute(db);
  await sql`
    create table ranking_adjustments (
      id integer generated always as identity primary key,
      region_code text not null references regions (code),
      period text not null check (period ~ '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$'),
      indicator text not null check (indicator in ('criticism')),
      points numeric(7, 2) not null check (points between -1000 and 1000),
      reason text not null check (length(reason) between 1 and 200),
      entered_by integer references users (id),
      entered_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index ranking_adjustments_period on ranking_adjustments (period, region_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table ranking_adjustments, ranking_editions`.execute(db);
}
