/**
 * Reading stored warnings for people: the list with its filters and paging (also the export's rows), a project's
 * active warnings and history, and the dashboard's counts. Project warnings are seen only through the scope helper;
 * a district's warning (no project) only by region-scoped accounts whose region covers it.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { projectScopeKind, regionPrefix, type WarningListQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/like.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;
type WarningsEb = ExpressionBuilder<
  DB & { w: DB['warnings']; p: { id: number | null; code: string | null; name: string | null } },
  'w' | 'p'
>;

/** The columns of a warning item; the presenter turns a row into the contract's item. */
function withColumns(db: Db, actor: ScopeActor) {
  return db
    .selectFrom('warnings as w')
    .leftJoin(
      () => scopedProjects(db, actor).select(['projects.id', 'projects.code', 'projects.name']).as('p'),
      (j) => j.onRef('p.id', '=', 'w.project_id'),
    )
    .innerJoin('regions as r', 'r.code', 'w.region_code')
    .select([
      'w.id',
      'w.project_id',
      'p.code as project_code',
      'p.name as project_name',
      'w.region_code',
      'r.name as region_name',
      'w.rule',
      'w.rule_version',
      'w.preset_id',
      'w.level',
      'w.figures',
      'w.text',
      sql<string>`w.first_raised_on::text`.as('first_raised_on'),
      sql<string>`w.last_confirmed_on::text`.as('last_confirmed_on'),
      sql<string>`w.level_changed_on::text`.as('level_changed_on'),
      sql<string | null>`w.cleared_on::text`.as('cleared_on'),
    ])
    .where((eb) => visibleWarning(eb, actor));
}

/** A project warning whose project the actor sees; a district warning under a region-scoped actor's region. */
function visibleWarning(eb: WarningsEb, actor: ScopeActor): Expression<SqlBool> {
  const district =
    projectScopeKind(actor.role) === 'region' && actor.regionCode
      ? eb.and([eb('w.project_id', 'is', null), eb('w.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)])
      : sql<SqlBool>`false`;
  return eb.or([eb('p.id', 'is not', null), district]);
}

/** The list's filters as one condition. */
function filtered(query: Omit<WarningListQuery, 'page' | 'pageSize'>) {
  return (eb: WarningsEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (query.status === 'active') parts.push(eb('w.cleared_on', 'is', null));
    if (query.status === 'cleared') parts.push(eb('w.cleared_on', 'is not', null));
    if (query.regionCode) parts.push(eb('w.region_code', 'like', `${regionPrefix(query.regionCode)}%`));
    if (query.rule) parts.push(eb('w.rule', '=', query.rule));
    if (query.level) parts.push(eb('w.level', '=', query.level));
    if (query.raisedFrom) parts.push(eb('w.first_raised_on', '>=', query.raisedFrom));
    if (query.raisedTo) parts.push(eb('w.first_raised_on', '<=', query.raisedTo));
    if (query.q) parts.push(eb.or([containsText('p.code', query.q), containsText('p.name', query.q)]));
    return eb.and(parts);
  };
}

/** A page of warnings in scope matching the filters (red first, then the newest), with the total. */
export async function listWarnings(db: Db, actor: ScopeActor, query: WarningListQuery) {
  const base = withColumns(db, actor).where(filtered(query));
  const [rows, count] = await Promise.all([
    base
      .orderBy(sql`case when w.level = 'red' then 0 else 1 end`)
      .orderBy('w.first_raised_on', 'desc')
      .orderBy('w.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom(() => base.clearSelect().select('w.id').as('x'))
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export type WarningRow = Awaited<ReturnType<typeof listWarnings>>['rows'][number];

/** Every warning in scope matching the filters, for the export (no paging; the caller bounds it). */
export async function exportWarningRows(
  db: Db,
  actor: ScopeActor,
  query: Omit<WarningListQuery, 'page' | 'pageSize'>,
  limit: number,
) {
  return withColumns(db, actor)
    .where(filtered(query))
    .orderBy(sql`case when w.level = 'red' then 0 else 1 end`)
    .orderBy('w.first_raised_on', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
}

/** A project's warnings in scope, active first, then the history newest first. */
export async function projectWarningRows(db: Db, actor: ScopeActor, projectId: number) {
  return withColumns(db, actor)
    .where('w.project_id', '=', projectId)
    .where('p.id', 'is not', null)
    .orderBy(sql`w.cleared_on is not null`)
    .orderBy('w.first_raised_on', 'desc')
    .orderBy('w.id', 'desc')
    .limit(500)
    .execute();
}

/** The active warnings in scope counted by rule, region and level, and each warned project's highest level. */
export async function warningCounts(db: Db, actor: ScopeActor, regionCode: string | undefined) {
  const active = withColumns(db, actor)
    .where('w.cleared_on', 'is', null)
    .where((eb) => (regionCode ? eb('w.region_code', 'like', `${regionPrefix(regionCode)}%`) : sql<SqlBool>`true`));
  const [byRuleRegion, projects] = await Promise.all([
    db
      .selectFrom(() => active.as('a'))
      .select([
        'a.rule',
        'a.region_code',
        'a.region_name',
        sql<number>`count(*) filter (where a.level = 'yellow')::int`.as('yellow'),
        sql<number>`count(*) filter (where a.level = 'red')::int`.as('red'),
      ])
      .groupBy(['a.rule', 'a.region_code', 'a.region_name'])
      .execute(),
    db
      .selectFrom(() => active.as('a'))
      .select([
        'a.project_id',
        sql<'red' | 'yellow'>`case when bool_or(a.level = 'red') then 'red' else 'yellow' end`.as('level'),
      ])
      .where('a.project_id', 'is not', null)
      .groupBy('a.project_id')
      .orderBy('a.project_id')
      .execute(),
  ]);
  return { byRuleRegion, projects };
}

/** The warnings in scope that were active on a date (raised by then, not yet cleared), for the CLI's check. */
export async function warningsActiveOn(db: Db, actor: ScopeActor, asOf: string, regionCode: string | undefined) {
  return withColumns(db, actor)
    .where('w.first_raised_on', '<=', asOf)
    .where((eb) => eb.or([eb('w.cleared_on', 'is', null), eb('w.cleared_on', '>', asOf)]))
    .where((eb) => (regionCode ? eb('w.region_code', 'like', `${regionPrefix(regionCode)}%`) : sql<SqlBool>`true`))
    .orderBy('w.region_code')
    .orderBy('p.code')
    .orderBy('w.rule')
    .execute();
}
