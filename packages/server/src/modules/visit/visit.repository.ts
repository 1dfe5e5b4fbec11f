/**
 * Kysely access to service officers' visits (走访) and the officer's overview: a project in the actor's scope with
 * its officer, visits of a project or an officer, the officer's projects with their last visit, active warnings and
 * open problems (read from `warnings` and `problems` directly), and the staff's list of officers. Projects are
 * reached only through db/scope.ts's `scopedProjects`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_PROBLEM_STATES } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A project the actor may see, with its officer; undefined when it is not in scope (or does not exist). */
export async function findScopedProject(db: Db, actor: ScopeActor, projectId: number) {
  return scopedProjects(db, actor)
    .where('projects.id', '=', projectId)
    .select(['projects.id', 'projects.region_code as regionCode', 'projects.service_officer_id as officerId'])
    .executeTakeFirst();
}

/** A visit's row as lists show it (with the officer's name). */
export interface VisitRow {
  id: number;
  projectId: number;
  officerId: number;
  officerName: string;
  visitedOn: string;
  findings: string;
}

function visitsQuery(db: Db) {
  return db
    .selectFrom('service_visits as v')
    .innerJoin('users as u', 'u.id', 'v.officer_id')
    .select([
      'v.id',
      'v.project_id as projectId',
      'v.officer_id as officerId',
      'u.display_name as officerName',
      'v.visited_on as visitedOn',
      'v.findings',
    ])
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc');
}

export async function insertVisit(
  db: Db,
  values: { projectId: number; officerId: number; visitedOn: string; findings: string },
): Promise<VisitRow> {
  const { id } = await db
    .insertInto('service_visits')
    .values({
      project_id: values.projectId,
      officer_id: values.officerId,
      visited_on: values.visitedOn,
      findings: values.findings,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return visitsQuery(db).where('v.id', '=', id).executeTakeFirstOrThrow();
}

/** A project's visits, newest first. */
export async function listProjectVisits(db: Db, projectId: number): Promise<VisitRow[]> {
  return visitsQuery(db).where('v.project_id', '=', projectId).execute();
}

/** An officer's latest visits (to their current projects or earlier ones), newest first. */
export async function listOfficerVisits(db: Db, officerId: number, limit: number): Promise<VisitRow[]> {
  return visitsQuery(db).where('v.officer_id', '=', officerId).limit(limit).execute();
}

/** A visit with the project it is about (to attach photos to it). */
export async function findVisit(db: Db, id: number) {
  return db
    .selectFrom('service_visits')
    .select(['id', 'project_id as projectId', 'officer_id as officerId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The actor's projects (an officer's: those paired with them) with last visit, active warnings and open problems. */
export async function officerProjects(db: Db, actor: ScopeActor) {
  const rows = await scopedProjects(db, actor)
    .select((eb) => [
      'projects.id',
      'projects.code',
      'projects.name',
      'projects.region_code as regionCode',
      eb
        .selectFrom('service_visits as v')
        .select((v) => v.fn.max('v.visited_on').as('last'))
        .whereRef('v.project_id', '=', 'projects.id')
        .as('lastVisitOn'),
      eb
        .selectFrom('service_visits as v')
        .select((v) => v.fn.countAll<string>().as('n'))
        .whereRef('v.project_id', '=', 'projects.id')
        .as('visits'),
      eb
        .selectFrom('warnings as w')
        .select((w) => w.fn.countAll<string>().as('n'))
        .whereRef('w.project_id', '=', 'projects.id')
        .where('w.cleared_on', 'is', null)
        .as('activeWarnings'),
      eb
        .selectFrom('warnings as w')
        .select((w) => w.fn.countAll<string>().as('n'))
        .whereRef('w.project_id', '=', 'projects.id')
        .where('w.cleared_on', 'is', null)
        .where('w.level', '=', 'red')
        .as('redWarnings'),
      eb
        .selectFrom('problems as p')
        .select((p) => p.fn.countAll<string>().as('n'))
        .whereRef('p.project_id', '=', 'projects.id')
        .where('p.state', 'in', [...OPEN_PROBLEM_STATES])
        .as('openProblems'),
    ])
    .orderBy('projects.code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    regionCode: row.regionCode,
    lastVisitOn: row.lastVisitOn ?? null,
    visits: Number(row.visits ?? 0),
    activeWarnings: Number(row.activeWarnings ?? 0),
    redWarnings: Number(row.redWarnings ?? 0),
    openProblems: Number(row.openProblems ?? 0),
  }));
}

/** Problems raised on the given projects, and how many of them were solved (resolved or verified closed). */
export async function problemTotals(
  db: Db,
  projectIds: readonly number[],
): Promise<{ raised: number; solved: number }> {
  if (projectIds.length === 0) return { raised: 0, solved: 0 };
  const row = await db
    .selectFrom('problems')
    .select([
      sql<string>`count(*)`.as('raised'),
      sql<string>`count(*) filter (where state in ('resolved', 'verified_closed'))`.as('solved'),
    ])
    .where('project_id', 'in', [...projectIds])
    .executeTakeFirstOrThrow();
  return { raised: Number(row.raised), solved: Number(row.solved) };
}

/** How many visits the officer recorded between two dates (inclusive). */
export async function countOfficerVisits(db: Db, officerId: number, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('service_visits')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('officer_id', '=', officerId)
    .where('visited_on', '>=', from)
    .where('visited_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The officers paired with the actor's projects, with those projects and their visits (this month: from `from`). */
export async function officerSummaries(db: Db, actor: ScopeActor, from: string, to: string) {
  const rows = await scopedProjects(db, actor)
    .innerJoin('users as u', 'u.id', 'projects.service_officer_id')
    .leftJoin('service_visits as v', (join) =>
      join.onRef('v.project_id', '=', 'projects.id').onRef('v.officer_id', '=', 'u.id'),
    )
    .select([
      'u.id',
      'u.display_name as displayName',
      sql<string>`count(distinct projects.id)`.as('projects'),
      sql<string>`count(v.id)`.as('visits'),
      sql<string>`count(v.id) filter (where v.visited_on between ${from} and ${to})`.as('visitsThisMonth'),
      sql<string | null>`max(v.visited_on)`.as('lastVisitOn'),
      sql<string[]>`array_agg(distinct projects.name order by projects.name)`.as('projectNames'),
    ])
    .groupBy(['u.id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    projects: Number(row.projects),
    visits: Number(row.visits),
    visitsThisMonth: Number(row.visitsThisMonth),
    lastVisitOn: row.lastVisitOn,
    projectNames: row.projectNames,
  }));
}
