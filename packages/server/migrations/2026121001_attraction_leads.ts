/**
 * The investment-attraction pipeline (招商, issue #13 item 5): one row per lead, with the application dates at which
 * it reached each stage (the per-year "planned / signed / landed" counts and the rankings' 招商签约额 read them), and
 * the key project it became once registered (one lead per project; the project keeps its own data from then on).
 * Stages and sources are core's codelists (attraction.ts); amounts are fen like every amount in the library.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attraction_leads (
      id integer generated always as identity primary key,
      investor text not null check (length(investor) between 1 and 200),
      project_name text not null check (length(project_name) between 1 and 200),
      industry text,
      amount bigint not null check (amount >= 0),
      source text not null check (source in ('enterprise_referral', 'resident_office', 'expo', 'online',
        'government', 'other')),
      region_code text not null references regions (code),
      responsible_person text not null check (length(responsible_person) between 1 and 100),
      responsible_unit text not null check (length(responsible_unit) between 1 and 200),
      stage text not null default 'talks' check (stage in ('talks', 'framework', 'contract', 'registered', 'upgrade',
        'dropped')),
      created_on date not null,
      framework_on date,
      contract_on date,
      registered_on date,
      upgrade_on date,
      dropped_on date,
      project_id integer unique references projects (id),
      note text check (length(note) <= 2000),
      created_by integer references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((stage = 'registered' or stage = 'upgrade') = (project_id is not null))
    )`.execute(db);
  await sql`create index attraction_leads_region on attraction_leads (region_code text_pattern_ops)`.execute(db);
  await sql`create index attraction_leads_contract on attraction_leads (contract_on) where contract_on is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table attraction_leads`.execute(db);
}
