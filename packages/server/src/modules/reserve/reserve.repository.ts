/**
 * Kysely access to the reserve library: each scoped project's standing on a date (its latest transition on or
 * before it, and its latest step transition), counted by step or listed for one step, and the templates' step
 * catalogue. The rule is core's reserveStanding; reserve.sql.test.ts checks the two agree.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix, RESERVE_PHASES, type LifecyclePhase } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ReserveFilter {
  asOf: string;
  regionCode: string | undefined;
}

/** Per scoped project (in the region), the latest transition and the latest step transition on or before asOf. */
function standings(db: Db, actor: ScopeActor, filter: ReserveFilter) {
  const projectIds = scopedProjects(db, actor)
    .$if(filter.regionCode !== undefined, (qb) =>
      qb.where('projects.region_code', 'like', `${regionPrefix(filter.regionCode ?? '')}%`),
    )
    .select('projects.id');
  return db
    .with('latest', (qc) =>
      qc
        .selectFrom('lifecycle_transitions as t')
        .where('t.occurred_on', '<=', filter.asOf)
        .where('t.project_id', 'in', projectIds)
        .distinctOn('t.project_id')
        .select(['t.project_id', 't.phase', 't.occurred_on'])
        .orderBy('t.project_id')
        .orderBy('t.occurred_on', 'desc')
        .orderBy('t.id', 'desc'),
    )
    .with('step', (qc) =>
      qc
        .selectFrom('lifecycle_transitions as t')
        .where('t.occurred_on', '<=', filter.asOf)
        .where('t.step_code', 'is not', null)
        .where('t.project_id', 'in', projectIds)
        .distinctOn('t.project_id')
        .select(['t.project_id', 't.step_code', 't.occurred_on'])
        .orderBy('t.project_id')
        .orderBy('t.occurred_on', 'desc')
        .orderBy('t.id', 'desc'),
    )
    .selectFrom('latest')
    .leftJoin('step', 'step.project_id', 'latest.project_id')
    .where('latest.phase', 'in', RESERVE_PHASES as LifecyclePhase[]);
}

/** The reserve projects on the date counted by their step (null: no step recorded yet). */
export async function reserveCounts(
  db: Db,
  actor: ScopeActor,
  filter: ReserveFilter,
): Promise<{ stepCode: string | null; count: number }[]> {
  const rows = await standings(db, actor, filter)
    .select(['step.step_code as stepCode', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('step.step_code')
    .execute();
  return rows.map((r) => ({ stepCode: r.stepCode, count: Number(r.n) }));
}

/** A page of the reserve projects on the date, optionally at one step (null: those with no step). */
export async function reserveProjects(
  db: Db,
  actor: ScopeActor,
  filter: ReserveFilter & { step: string | null | undefined; page: number; pageSize: number },
) {
  const matching = standings(db, actor, filter)
    .$if(filter.step === null, (qb) => qb.where('step.step_code', 'is', null))
    .$if(typeof filter.step === 'string', (qb) => qb.where('step.step_code', '=', filter.step ?? ''));
  const rows = await matching
    .innerJoin('projects as p', 'p.id', 'latest.project_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.region_code as regionCode',
      'r.name as regionName',
      'step.step_code as stepCode',
      sql<string>`coalesce(step.occurred_on, latest.occurred_on)::text`.as('since'),
      'p.total_investment as totalInvestment',
    ])
    .orderBy('p.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const total = await matching.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Every template version's definition, the default first then by code and newest version (for step labels). */
export async function templateDefinitions(db: Db): Promise<{ definition: unknown }[]> {
  return db
    .selectFrom('lifecycle_templates')
    .select('definition')
    .orderBy('is_default', 'desc')
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
}
