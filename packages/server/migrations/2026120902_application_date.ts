/**
 * The database reads the application's date: `app_today()` is the connection's `kp.today` setting (set on every
 * connection by db/database.ts when the application runs on a fixed date, e.g. the demo's 2021-05-20) or else
 * the real date in the session's time zone. The project insert trigger dates a new project's first transition with
 * it, so a project created in a replayed year starts on that year's day instead of the computer's date.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function app_today() returns date language sql stable as $$
      select coalesce(nullif(current_setting('kp.today', true), '')::date, current_date)
    $$`.execute(db);
  // A row inserted with an earlier created_at (a restore, a back-dated load) keeps its own day.
  await createSeedFunction(db, sql`least((created_at at time zone 'Asia/Shanghai')::date, app_today())`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await createSeedFunction(db, sql`(created_at at time zone 'Asia/Shanghai')::date`);
  await sql`drop function app_today`.execute(db);
}

/**
 * The transitions a project's stage and actual dates imply (as in 2026120801_lifecycle), with the day of creation
 * given by `createdOn`, an expression over the project row.
 */
async function createSeedFunction(db: Kysely<unknown>, createdOn: RawBuilder<unknown>): Promise<void> {
  await sql`
    create or replace function lifecycle_seed_transitions(p_id integer, p_source text) returns void
    language plpgsql as $$
    declare
      p record;
      phases text[] := array['started', 'construction', 'completed', 'production', 'full_capacity'];
      reached integer;
      on_day date;
      ph text;
    begin
      select id, stage, lifecycle_template_id, lifecycle_stage, actual_start_date, actual_completion_date,
             actual_production_date, ${createdOn} as created_on, created_by
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
