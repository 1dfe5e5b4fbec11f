/**
 * Kysely access to groundbreaking events (集中开工): the events an actor may see (its region's and those under it,
 * the regions above it (homeRegionCondition); for owners and officers the events holding their projects), an event's totals and
 * projects, the links between events and projects, and the transitions an event recorded.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { projectScopeKind, regionPrefix } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { GroundbreakingLevel } from '../../db/schema.lifecycle.ts';
import { homeRegionCondition, scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A WHERE condition on `groundbreaking_events` limiting rows to those the actor may see. */
function visibleEvents(db: Db, actor: ScopeActor) {
  return (eb: ExpressionBuilder<DB, 'groundbreaking_events'>): Expression<SqlBool> =>
    projectScopeKind(actor.role) === 'region'
      ? homeRegionCondition(eb, actor, eb.ref('groundbreaking_events.region_code'))
      : eb.exists(
          scopedProjects(db, actor)
            .innerJoin('groundbreaking_event_projects as gp', 'gp.project_id', 'projects.id')
            .where(sql<SqlBool>`gp.event_id = groundbreaking_events.id`)
            .select('projects.id'),
        );
}

/** The visible events with their totals (all their projects), newest first. */
export async function listEvents(
  db: Db,
  actor: ScopeActor,
  filter: { regionCode?: string | undefined; year?: number | undefined; id?: number },
) {
  return db
    .selectFrom('groundbreaking_events')
    .innerJoin('regions as r', 'r.code', 'groundbreaking_events.region_code')
    .where(visibleEvents(db, actor))
    .$if(filter.regionCode !== undefined, (qb) =>
      qb.where('groundbreaking_events.region_code', 'like', `${regionPrefix(filter.regionCode ?? '')}%`),
    )
    .$if(filter.year !== undefined, (qb) =>
      qb
        .where('groundbreaking_events.held_on', '>=', `${filter.year ?? 0}-01-01`)
        .where('groundbreaking_events.held_on', '<=', `${filter.year ?? 0}-12-31`),
    )
    .$if(filter.id !== undefined, (qb) => qb.where('groundbreaking_events.id', '=', filter.id ?? 0))
    .select((eb) => [
      'groundbreaking_events.id',
      'groundbreaking_events.name',
      sql<string>`groundbreaking_events.held_on::text`.as('heldOn'),
      'groundbreaking_events.level',
      'groundbreaking_events.place',
      'groundbreaking_events.region_code as regionCode',
      'r.name as regionName',
      'groundbreaking_events.note',
      eb
        .selectFrom('groundbreaking_event_projects as gp')
        .innerJoin('projects as p', 'p.id', 'gp.project_id')
        .whereRef('gp.event_id', '=', 'groundbreaking_events.id')
        .select(sql<string>`count(*)`.as('n'))
        .as('projectCount'),
      eb
        .selectFrom('groundbreaking_event_projects as gp')
        .innerJoin('projects as p', 'p.id', 'gp.project_id')
        .whereRef('gp.event_id', '=', 'groundbreaking_events.id')
        .select(sql<string>`coalesce(sum(p.total_investment), 0)`.as('s'))
        .as('totalInvestment'),
    ])
    .orderBy('groundbreaking_events.held_on', 'desc')
    .orderBy('groundbreaking_events.id', 'desc')
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

/** The total investment of each project of the events (for the summary), by event id. */
export async function eventInvestments(db: Db, eventIds: readonly number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('groundbreaking_event_projects as gp')
    .innerJoin('projects as p', 'p.id', 'gp.project_id')
    .where('gp.event_id', 'in', eventIds)
    .select(['gp.event_id as eventId', 'p.total_investment as totalInvestment'])
    .execute();
}

/** The event's projects in the actor's scope, each with whether this event recorded its start. */
export async function eventProjects(db: Db, actor: ScopeActor, eventId: number) {
  return scopedProjects(db, actor)
    .innerJoin('groundbreaking_event_projects as gp', 'gp.project_id', 'projects.id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .where('gp.event_id', '=', eventId)
    .select((eb) => [
      'projects.id',
      'projects.code',
      'projects.name',
      'projects.region_code as regionCode',
      'r.name as regionName',
      'projects.total_investment as totalInvestment',
      sql<string | null>`projects.actual_start_date::text`.as('actualStartDate'),
      eb
        .exists(
          eb
            .selectFrom('lifecycle_transitions as t')
            .whereRef('t.project_id', '=', 'projects.id')
            .where('t.event_id', '=', eventId)
            .select('t.id'),
        )
        .as('startedByEvent'),
    ])
    .orderBy('projects.code')
    .execute();
}

/** The event's row locked for a change (no scope here: the service checked the actor may manage it). */
export async function lockEvent(trx: Transaction<DB>, id: number) {
  return trx
    .selectFrom('groundbreaking_events')
    .where('id', '=', id)
    .select([
      'id',
      'name',
      sql<string>`held_on::text`.as('heldOn'),
      'level',
      'place',
      'region_code as regionCode',
      'note',
    ])
    .forUpdate()
    .executeTakeFirst();
}

export interface EventValues {
  name: string;
  heldOn: string;
  level: GroundbreakingLevel;
  place: string | null;
  regionCode: string;
  note: string | null;
}

const columns = (v: EventValues) => ({
  name: v.name,
  held_on: v.heldOn,
  level: v.level,
  place: v.place,
  region_code: v.regionCode,
  note: v.note,
});

export async function insertEvent(trx: Transaction<DB>, values: EventValues, createdBy: number): Promise<number> {
  const row = await trx
    .insertInto('groundbreaking_events')
    .values({ ...columns(values), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvent(trx: Transaction<DB>, id: number, values: EventValues): Promise<void> {
  await trx.updateTable('groundbreaking_events').set(columns(values)).where('id', '=', id).execute();
}

export async function deleteEvent(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('groundbreaking_events').where('id', '=', id).execute();
}

/** How many transitions the event recorded (of one project, or all). */
export async function startsRecordedBy(trx: Db, eventId: number, projectId?: number): Promise<number> {
  const row = await trx
    .selectFrom('lifecycle_transitions')
    .where('event_id', '=', eventId)
    .$if(projectId !== undefined, (qb) => qb.where('project_id', '=', projectId ?? 0))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The event a project is in, if any. */
export async function eventOfProject(trx: Db, projectId: number) {
  return trx
    .selectFrom('groundbreaking_event_projects as gp')
    .innerJoin('groundbreaking_events as e', 'e.id', 'gp.event_id')
    .where('gp.project_id', '=', projectId)
    .select(['e.id', 'e.name'])
    .executeTakeFirst();
}

/** A project in the actor's scope as an event needs it: region, start and the template's definition. */
export async function eventCandidate(trx: Db, actor: ScopeActor, projectId: number) {
  return scopedProjects(trx, actor)
    .innerJoin('lifecycle_templates as t', 't.id', 'projects.lifecycle_template_id')
    .where('projects.id', '=', projectId)
    .select([
      'projects.id',
      'projects.code',
      'projects.region_code as regionCode',
      sql<string | null>`projects.actual_start_date::text`.as('actualStartDate'),
      't.definition',
    ])
    .executeTakeFirst();
}

export async function linkProject(trx: Transaction<DB>, eventId: number, projectId: number): Promise<void> {
  await trx.insertInto('groundbreaking_event_projects').values({ event_id: eventId, project_id: projectId }).execute();
}

/** Removes the link; true when there was one. */
export async function unlinkProject(trx: Transaction<DB>, eventId: number, projectId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('groundbreaking_event_projects')
    .where('event_id', '=', eventId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
