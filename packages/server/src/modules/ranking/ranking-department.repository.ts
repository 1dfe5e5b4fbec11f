/**
 * Kysely access for ranking departments (部门赛马, issue #13): the city's responsible units (organisations of kind
 * responsible_unit), the projects on the year's list each leads (a project's 责任单位 names the unit, as office
 * ledgers write it), and the problems assigned to each unit. Read city-wide like the district facts; the service
 * strips the projects the reader may not see.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { regionPrefix } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects } from '../../db/scope.ts';
import { regionReader } from '../warning/warning.repository.ts';
import { cityListProjects, type RankingWindow } from './ranking.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The city's responsible units (its departments and the companies it assigns problems to), by id. */
export async function departmentsOfCity(db: Db, cityCode: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', 'responsible_unit')
    .where('region_code', 'like', `${regionPrefix(cityCode)}%`)
    .orderBy('id')
    .execute();
}

/**
 * The city's projects on the year's list (not reserve) that name a responsible unit, with whether they started by
 * the window's date, their annual plan and the year's completions (the statistics' progress rows), and the
 * warnings active on them at that date.
 */
export async function departmentProjectRows(db: Db, cityCode: string, window: RankingWindow) {
  const { asOf } = window;
  return cityListProjects(db, cityCode, window)
    .where('p.responsible_unit', 'is not', null)
    .select([
      'p.id',
      'p.name',
      sql<string>`btrim(p.responsible_unit)`.as('unit_name'),
      sql<boolean>`coalesce(g.started_on <= ${asOf}, false)`.as('started'),
      'ap.planned_investment as plan',
      sql<string>`coalesce(g.completed, 0)::text`.as('completed'),
      sql<number>`(select count(*) from warnings w where w.project_id = p.id and w.first_raised_on <= ${asOf}
        and (w.cleared_on is null or w.cleared_on > ${asOf}))::int`.as('warnings'),
    ])
    .orderBy('p.id')
    .execute();
}

/** Per unit id: problems of the city's projects assigned to it and due in the window, and those resolved by then. */
export async function departmentProblemCounts(db: Db, cityCode: string, window: RankingWindow) {
  const projectIds = scopedProjects(db, regionReader(cityCode))
    .where('projects.region_code', 'like', `${regionPrefix(cityCode)}%`)
    .select('projects.id');
  const rows = await db
    .selectFrom('problems')
    .select([
      'assigned_unit_id',
      sql<number>`count(*)::int`.as('due'),
      sql<number>`count(*) filter (where resolved_on is not null and resolved_on <= due_on)::int`.as('on_time'),
    ])
    .where('assigned_unit_id', 'is not', null)
    .where('project_id', 'in', projectIds)
    .where('due_on', '>=', window.from)
    .where('due_on', '<=', window.asOf)
    .groupBy('assigned_unit_id')
    .execute();
  return new Map(rows.map((row) => [Number(row.assigned_unit_id), { due: row.due, onTime: row.on_time }]));
}
