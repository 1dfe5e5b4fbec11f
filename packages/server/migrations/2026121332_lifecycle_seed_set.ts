/**
 * A new project's first lifecycle transitions are written by one statement per INSERT, not one function call and
 * one to five single-row inserts per project (issue #14 item 4). The per-row trigger of 2026120801_lifecycle was
 * the largest part of a ledger import's commit: 10,000 projects took 3.7 s to insert with it and 1.1 s without it
 * (PostgreSQL 15, same machine and load). The transitions are the same as lifecycle_seed_transitions' (still used
 * by that migration for existing projects): a project whose stage is not a phase of the default path, or whose
 * template stage differs, gets one transition to its stage; otherwise one per phase up to its stage, dated on the
 * actual start (completed on the actual completion, production and full capacity on the actual production), each
 * missing date falling back to the one before it, and to the day of creation.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger projects_lifecycle_seed on projects`.execute(db);
  await sql`
    create or replace function projects_lifecycle_seed() returns trigger language plpgsql as $$
    begin
      insert into lifecycle_transitions (project_id, template_id, stage_code, phase, occurred_on, source, recorded_by)
      select p.id, p.lifecycle_template_id, t.stage_code, t.phase, t.occurred_on, 'create', p.created_by
      from (
        select n.*, least((n.created_at at time zone 'Asia/Shanghai')::date, app_today()) as created_on,
          array_position(array['started', 'construction', 'completed', 'production', 'full_capacity'], n.stage)
            as reached
        from new_rows n
      ) p
      cross join lateral (
        select p.lifecycle_stage as stage_code, p.stage as phase,
          coalesce(p.actual_start_date, p.created_on) as occurred_on, 0::bigint as i
        where p.reached is null or p.lifecycle_stage is distinct from p.stage
        union all
        select ph.phase, ph.phase,
          case
            when ph.i = 3 then coalesce(p.actual_completion_date, b.base)
            when ph.i >= 4 then coalesce(p.actual_production_date, p.actual_completion_date, b.base)
            else b.base
          end,
          ph.i
        from (select coalesce(p.actual_start_date, p.actual_completion_date, p.actual_production_date,
                p.created_on) as base) b
        cross join unnest(array['started', 'construction', 'completed', 'production', 'full_capacity'])
          with ordinality ph(phase, i)
        where p.reached is not null and p.lifecycle_stage is not distinct from p.stage and ph.i <= p.reached
      ) t
      order by p.id, t.i;
      return null;
    end $$`.execute(db);
  await sql`create trigger projects_lifecycle_seed after insert on projects referencing new table as new_rows
    for each statement execute function projects_lifecycle_seed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger projects_lifecycle_seed on projects`.execute(db);
  await sql`
    create or replace function projects_lifecycle_seed() returns trigger language plpgsql as $$
    begin
      perform lifecycle_seed_transitions(new.id, 'create');
      return null;
    end $$`.execute(db);
  await sql`create trigger projects_lifecycle_seed after insert on projects
    for each row execute function projects_lifecycle_seed()`.execute(db);
}
