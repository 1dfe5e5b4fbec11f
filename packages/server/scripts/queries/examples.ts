/**
 * The example data of the query snapshots: an actor per scope kind (city, district, owner, officer) and a few rows
 * (an owner organisation, four accounts, one project with its plan, funding and a monthly report) inserted before
 * the examples run, so that functions which stop when nothing is found show their later queries too.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor, Role } from '@keyprojects/core';
import type { DB, NewProjectRow } from '../../src/db/schema.ts';

export const CITY = '230600';
export const DISTRICT = '230602';
export const YEAR = 2021;
export const MONTH = 4;
export const AS_OF = '2021-04-30';
/** The ids of the rows `seedExamples` inserts into a fresh database. */
export const IDS = { owner: 1, cityAdmin: 1, districtStaff: 2, ownerUser: 3, officer: 4, project: 1, report: 1 };

function actor(id: number, role: Role, regionCode: string | null, organizationId: number | null): Actor {
  return {
    id,
    username: `example-${role}`,
    displayName: role,
    role,
    regionCode,
    organizationId,
    ip: null,
    userAgent: null,
    locale: 'zh',
  };
}

/** One actor per kind of project scope. */
export const ACTORS = {
  city: actor(IDS.cityAdmin, 'city_admin', CITY, null),
  district: actor(IDS.districtStaff, 'district_staff', DISTRICT, null),
  owner: actor(IDS.ownerUser, 'owner', null, IDS.owner),
  officer: actor(IDS.officer, 'service_officer', null, null),
} as const;

/** Each scope kind's actor with its label, for examples that run once per kind. */
export const SCOPES = Object.entries(ACTORS).map(([kind, a]) => ({ label: `${kind} actor`, actor: a }));

/** The example project's row (its stage is the first of the lifecycle). */
export const EXAMPLE_PROJECT = {
  code: '2021-230602-48-01-000001',
  name: '示例项目',
  owner_org_id: IDS.owner,
  region_code: DISTRICT,
  levels: ['municipal'],
  category: 'industry',
  industry: null,
  nature: 'new',
  construction_content: null,
  address: null,
  longitude: null,
  latitude: null,
  total_investment: 100_000_000n,
  planned_start_date: null,
  planned_completion_date: null,
  planned_production_date: null,
  actual_start_date: null,
  actual_completion_date: null,
  actual_production_date: null,
  financing_model: null,
  service_officer_id: IDS.officer,
  responsible_leader: null,
  responsible_unit: null,
  contact_person: null,
  contact_phone: null,
  tags: [],
  in_statistics: true,
  in_statistics_since: null,
  created_by: IDS.cityAdmin,
} satisfies Omit<NewProjectRow, 'stage'>;

/** Inserts the example rows (not part of any snapshot). */
export async function seedExamples(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select set_config('kp.actor_role', 'cli', true)`.execute(trx);
    await trx
      .insertInto('organizations')
      .values({ kind: 'owner', name: '示例项目单位', credit_code: null, region_code: DISTRICT })
      .execute();
    const users = Object.values(ACTORS).map((a) => ({
      username: a.username,
      display_name: a.displayName,
      password_hash: 'example',
      role: a.role,
      region_code: a.regionCode,
      organization_id: a.organizationId,
    }));
    await trx.insertInto('users').values(users).execute();
    const stage = await trx
      .selectFrom('lifecycle_stages')
      .select('code')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('projects')
      .values({ ...EXAMPLE_PROJECT, stage: stage.code })
      .execute();
    await trx
      .insertInto('annual_plans')
      .values({
        project_id: IDS.project,
        year: YEAR,
        planned_investment: 50_000_000n,
        nature: 'new',
        planned_new_start: true,
      })
      .execute();
    await trx
      .insertInto('project_funding_sources')
      .values({ project_id: IDS.project, kind: 'government', applied: 0n, approved: 0n, issued: 0n })
      .execute();
    await trx
      .insertInto('reporting_periods')
      .values({ year: YEAR, month: MONTH, cutoff_date: AS_OF, deadline: '2021-05-05', locked_at: null })
      .execute();
    await trx
      .insertInto('monthly_reports')
      .values({
        project_id: IDS.project,
        year: YEAR,
        month: MONTH,
        state: 'approved',
        completed_this_month: 1_000_000n,
      })
      .execute();
  });
}
