/**
 * The notices' figures from live data (warnings by first_raised_on / cleared_on, problems by raised_on /
 * resolved_on / verified_on and due_on), limited to the projects the viewer sees (db/scope.ts) and, when asked,
 * to a region; and the notice templates (seeded with core's defaults on first read, versioned updates).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { regionPrefix, type NoticeKind } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { NoticeTemplateTable } from '../../db/schema.dispatch.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Whose figures, over which period: the viewer's projects, narrowed to a region when one is given. */
export interface NoticeScope {
  actor: ScopeActor;
  regionCode: string | null;
  from: string;
  to: string;
}

const inRegion = (regionCode: string | null) => (regionCode ? `${regionPrefix(regionCode)}%` : '%');

function scopedWarnings(db: Db, scope: NoticeScope) {
  return db
    .selectFrom('warnings as w')
    .where('w.project_id', 'in', scopedProjects(db, scope.actor).select('projects.id'))
    .where('w.region_code', 'like', inRegion(scope.regionCode));
}

function scopedProblems(db: Db, scope: NoticeScope) {
  return db
    .selectFrom('problems as p')
    .where('p.project_id', 'in', scopedProjects(db, scope.actor).select('projects.id'))
    .where('p.region_code', 'like', inRegion(scope.regionCode));
}

const n = (value: string | number | bigint | null) => Number(value ?? 0);

/** Warnings raised (by level) and cleared in the period, and those active at its end (by level). */
export async function noticeWarningCounts(db: Db, scope: NoticeScope) {
  const { from, to } = scope;
  const row = await scopedWarnings(db, scope)
    .select([
      sql<string>`count(*) filter (where w.first_raised_on between ${from} and ${to} and w.level = 'red')`.as(
        'raisedRed',
      ),
      sql<string>`count(*) filter (where w.first_raised_on between ${from} and ${to} and w.level = 'yellow')`.as(
        'raisedYellow',
      ),
      sql<string>`count(*) filter (where w.cleared_on between ${from} and ${to})`.as('cleared'),
      sql<string>`count(*) filter (where w.first_raised_on <= ${to} and (w.cleared_on is null or w.cleared_on > ${to}) and w.level = 'red')`.as(
        'activeRed',
      ),
      sql<string>`count(*) filter (where w.first_raised_on <= ${to} and (w.cleared_on is null or w.cleared_on > ${to}) and w.level = 'yellow')`.as(
        'activeYellow',
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    raisedRed: n(row.raisedRed),
    raisedYellow: n(row.raisedYellow),
    cleared: n(row.cleared),
    activeRed: n(row.activeRed),
    activeYellow: n(row.activeYellow),
  };
}

// A problem is open at the period's end when raised by then and not verified by then; overdue when, besides,
// its clock ended before that day and the unit had not resolved it by then.
const openAt = (to: string) => sql<boolean>`p.raised_on <= ${to} and (p.verified_on is null or p.verified_on > ${to})`;
const overdueAt = (to: string) =>
  sql<boolean>`${openAt(to)} and p.due_on < ${to} and (p.resolved_on is null or p.resolved_on > ${to})`;

/** Problems opened, resolved and closed in the period, and open and overdue at its end. */
export async function noticeProblemCounts(db: Db, scope: NoticeScope) {
  const { from, to } = scope;
  const row = await scopedProblems(db, scope)
    .select([
      sql<string>`count(*) filter (where p.raised_on between ${from} and ${to})`.as('opened'),
      sql<string>`count(*) filter (where p.resolved_on between ${from} and ${to})`.as('resolved'),
      sql<string>`count(*) filter (where p.verified_on between ${from} and ${to})`.as('closed'),
      sql<string>`count(*) filter (where ${openAt(to)})`.as('open'),
      sql<string>`count(*) filter (where ${overdueAt(to)})`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return {
    opened: n(row.opened),
    resolved: n(row.resolved),
    closed: n(row.closed),
    open: n(row.open),
    overdue: n(row.overdue),
  };
}

/** Active warnings by level and overdue problems at the period's end, by district (the project's region). */
export async function noticeDistricts(db: Db, scope: NoticeScope) {
  const { to } = scope;
  const warnings = scopedWarnings(db, scope)
    .where('w.first_raised_on', '<=', to)
    .where((eb) => eb.or([eb('w.cleared_on', 'is', null), eb('w.cleared_on', '>', to)]))
    .select(['w.region_code', sql<string>`w.level`.as('kind')]);
  const problems = scopedProblems(db, scope)
    .where(overdueAt(to))
    .select(['p.region_code', sql<string>`'overdue'`.as('kind')]);
  const rows = await db
    .selectFrom(warnings.unionAll(problems).as('x'))
    .innerJoin('regions as r', 'r.code', 'x.region_code')
    .select([
      'r.name',
      sql<string>`count(*) filter (where x.kind = 'red')`.as('activeRed'),
      sql<string>`count(*) filter (where x.kind = 'yellow')`.as('activeYellow'),
      sql<string>`count(*) filter (where x.kind = 'overdue')`.as('problemsOverdue'),
    ])
    .groupBy(['r.code', 'r.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    activeRed: n(r.activeRed),
    activeYellow: n(r.activeYellow),
    problemsOverdue: n(r.problemsOverdue),
  }));
}

/** Problems open and overdue at the period's end, by the responsible unit they are assigned to. */
export async function noticeUnits(db: Db, scope: NoticeScope) {
  const { to } = scope;
  const rows = await scopedProblems(db, scope)
    .innerJoin('organizations as o', 'o.id', 'p.assigned_unit_id')
    .where(openAt(to))
    .select([
      'o.name',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where ${overdueAt(to)})`.as('overdue'),
    ])
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({ name: r.name, problemsOpen: n(r.open), problemsOverdue: n(r.overdue) }));
}

/** Active warnings at the period's end with their project and district, red first, oldest first. */
export function noticeWarningExamples(db: Db, scope: NoticeScope, limit: number) {
  const { to } = scope;
  return scopedWarnings(db, scope)
    .innerJoin(
      scopedProjects(db, scope.actor).select(['projects.id', 'projects.name']).as('pr'),
      'pr.id',
      'w.project_id',
    )
    .innerJoin('regions as r', 'r.code', 'w.region_code')
    .where('w.first_raised_on', '<=', to)
    .where((eb) => eb.or([eb('w.cleared_on', 'is', null), eb('w.cleared_on', '>', to)]))
    .select(['pr.name as projectName', 'r.name as districtName', 'w.level', 'w.text'])
    .orderBy(sql`case when w.level = 'red' then 0 else 1 end`)
    .orderBy('w.first_raised_on')
    .orderBy('w.id')
    .limit(limit)
    .execute();
}

/** Problems overdue at the period's end with project and unit, the longest overdue first. */
export function noticeOverdueExamples(db: Db, scope: NoticeScope, limit: number) {
  return scopedProblems(db, scope)
    .innerJoin(
      scopedProjects(db, scope.actor).select(['projects.id', 'projects.name']).as('pr'),
      'pr.id',
      'p.project_id',
    )
    .leftJoin('organizations as o', 'o.id', 'p.assigned_unit_id')
    .where(overdueAt(scope.to))
    .select(['pr.name as projectName', 'p.title', 'o.name as unitName', sql<string>`p.due_on::text`.as('dueOn')])
    .orderBy('p.due_on')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** A notice template row as stored. */
export type NoticeTemplateRow = Selectable<NoticeTemplateTable>;

/** Every notice template, daily first, the default first within a kind. */
export function listNoticeTemplates(db: Db): Promise<NoticeTemplateRow[]> {
  return db
    .selectFrom('notice_templates')
    .selectAll()
    .orderBy('kind')
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .execute();
}

/** The template with this id; `forUpdate` locks it in the caller's transaction. */
export function findNoticeTemplate(db: Db, id: number, forUpdate = false): Promise<NoticeTemplateRow | undefined> {
  const query = db.selectFrom('notice_templates').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** A kind's default template (migration 2026120703 stores one per kind). */
export function findDefaultNoticeTemplate(db: Db, kind: NoticeKind): Promise<NoticeTemplateRow | undefined> {
  return db
    .selectFrom('notice_templates')
    .selectAll()
    .where('kind', '=', kind)
    .where('is_default', '=', true)
    .executeTakeFirst();
}

/** Replaces name and body when the stored version is `version`; the new row, or undefined when it was not. */
export function updateNoticeTemplate(
  db: Db,
  id: number,
  version: number,
  values: { name: string; body: string; updatedBy: number | null },
): Promise<NoticeTemplateRow | undefined> {
  return db
    .updateTable('notice_templates')
    .set((eb) => ({
      name: values.name,
      body: values.body,
      updated_by: values.updatedBy,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
