/**
 * Kysely access to dispatch meetings (调度会): the meetings of a region scope, the previous meeting of the same
 * kind and scope, the agenda's candidates (active red and yellow warnings, problems past their clock's end and
 * not verified closed) and its stored items, versioned updates, and the decisions (problems raised at a meeting).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { regionPrefix, type MeetingListQuery } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { MeetingKind, MeetingTable } from '../../db/schema.dispatch.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A meeting row with its region's name and how many decisions it took. */
export type MeetingRow = Selectable<MeetingTable> & { region_name: string; decision_count: string | number };

/**
 * Meetings the actor may read: staff and leaders those whose region lies in theirs; a responsible unit those
 * that decided something it was assigned (what it is answerable for), whatever their region.
 */
function meetingsInScope(db: Db, actor: ScopeActor) {
  const unitId = actor.role === 'responsible_unit' ? (actor.organizationId ?? 0) : null;
  return db
    .selectFrom('meetings as m')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .where((eb) =>
      unitId !== null
        ? eb.exists(
            eb
              .selectFrom('problems as d')
              .select('d.id')
              .whereRef('d.meeting_id', '=', 'm.id')
              .where('d.assigned_unit_id', '=', unitId),
          )
        : eb('m.region_code', 'like', actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : ''),
    )
    .selectAll('m')
    .select([
      'r.name as region_name',
      (eb) =>
        eb
          .selectFrom('problems as p')
          .whereRef('p.meeting_id', '=', 'm.id')
          .select(sql<string>`count(*)`.as('n'))
          .as('decision_count'),
    ]);
}

/** The actor's meetings, newest first, filtered by kind and region. */
export function listMeetings(db: Db, actor: ScopeActor, query: MeetingListQuery): Promise<MeetingRow[]> {
  let q = meetingsInScope(db, actor);
  if (query.kind) q = q.where('m.kind', '=', query.kind);
  if (query.regionCode) q = q.where('m.region_code', 'like', `${regionPrefix(query.regionCode)}%`);
  return q.orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').limit(500).execute() as Promise<MeetingRow[]>;
}

/** The meeting if the actor's scope holds it. */
export function findMeeting(db: Db, actor: ScopeActor, id: number): Promise<MeetingRow | undefined> {
  return meetingsInScope(db, actor).where('m.id', '=', id).executeTakeFirst() as Promise<MeetingRow | undefined>;
}

/** The latest meeting of the same kind and region held before the date (the one a new meeting follows). */
export async function previousMeetingId(
  db: Db,
  kind: MeetingKind,
  regionCode: string,
  heldOn: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('kind', '=', kind)
    .where('region_code', '=', regionCode)
    .where('held_on', '<', heldOn)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What a new meeting is written with. */
export interface NewMeeting {
  kind: MeetingKind;
  regionCode: string;
  heldOn: string;
  title: string;
  location: string | null;
  chair: string | null;
  attendees: string | null;
  previousMeetingId: number | null;
  createdBy: number;
}

export async function insertMeeting(trx: Transaction<DB>, m: NewMeeting): Promise<number> {
  const row = await trx
    .insertInto('meetings')
    .values({
      kind: m.kind,
      region_code: m.regionCode,
      held_on: m.heldOn,
      title: m.title,
      location: m.location,
      chair: m.chair,
      attendees: m.attendees,
      previous_meeting_id: m.previousMeetingId,
      created_by: m.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The fields an update may change. */
export interface MeetingChanges {
  title?: string;
  location?: string | null;
  chair?: string | null;
  attendees?: string | null;
  minutes?: string | null;
  state?: 'planned' | 'held';
}

/** Applies the changes when the meeting is still at `version` (bumping it); false when another change came first. */
export async function updateMeeting(db: Db, id: number, version: number, changes: MeetingChanges): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** An agenda candidate or item as the agenda lists it. */
export interface AgendaRow {
  id: number | null;
  position: number;
  project_id: number | null;
  project_name: string | null;
  warning_id: string | null;
  warning_level: 'red' | 'yellow' | null;
  problem_id: number | null;
  title: string;
  note: string | null;
}

/**
 * What a meeting of the region on the date would discuss, red first: the red warnings, then the problems past
 * their clock's end and not verified closed (as urgent as red), then the yellow warnings; each group oldest first.
 * Only projects the actor sees (the meeting's scope lies inside the actor's).
 */
export async function agendaCandidates(db: Db, actor: ScopeActor, regionCode: string, heldOn: string) {
  const projects = scopedProjects(db, actor).select(['projects.id', 'projects.name']).as('pr');
  const region = `${regionPrefix(regionCode)}%`;
  const warnings = await db
    .selectFrom('warnings as w')
    .innerJoin(projects, 'pr.id', 'w.project_id')
    .where('w.region_code', 'like', region)
    .where('w.cleared_on', 'is', null)
    .where('w.first_raised_on', '<=', heldOn)
    .select([
      sql<string>`w.id::text`.as('id'),
      'w.level',
      'w.rule',
      'w.text',
      'pr.id as projectId',
      'pr.name as projectName',
    ])
    .orderBy('w.first_raised_on')
    .orderBy('w.id')
    .execute();
  const problems = await db
    .selectFrom('problems as p')
    .innerJoin(projects, 'pr.id', 'p.project_id')
    .leftJoin('organizations as o', 'o.id', 'p.assigned_unit_id')
    .where('p.region_code', 'like', region)
    .where('p.due_on', '<', heldOn)
    .where('p.state', '<>', 'verified_closed')
    .select([
      'p.id',
      'p.title',
      sql<string>`p.due_on::text`.as('dueOn'),
      'o.name as unitName',
      'pr.id as projectId',
      'pr.name as projectName',
    ])
    .orderBy('p.due_on')
    .orderBy('p.id')
    .execute();
  return { warnings, problems };
}

/** A meeting's stored agenda in order, with project names (projects the actor sees) and warning levels. */
export function agendaItems(db: Db, actor: ScopeActor, meetingId: number): Promise<AgendaRow[]> {
  return db
    .selectFrom('meeting_agenda_items as a')
    .leftJoin(scopedProjects(db, actor).select(['projects.id', 'projects.name']).as('pr'), 'pr.id', 'a.project_id')
    .leftJoin('warnings as w', 'w.id', 'a.warning_id')
    .select([
      'a.id',
      'a.position',
      'a.project_id',
      'pr.name as project_name',
      sql<string | null>`a.warning_id::text`.as('warning_id'),
      'w.level as warning_level',
      'a.problem_id',
      'a.title',
      'a.note',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

/** An agenda item to store at a position. */
export interface AgendaItemValues {
  id?: number;
  position: number;
  projectId: number | null;
  warningId: string | null;
  problemId: number | null;
  title: string;
  note: string | null;
}

/**
 * Makes the stored agenda the given list: items with an id keep their links and take the new position, title and
 * note; the others are inserted as new; stored items not in the list are removed. Positions are unique per
 * meeting, checked at commit (deferred), so the reordering may pass through duplicates.
 */
export async function replaceAgendaItems(
  trx: Transaction<DB>,
  meetingId: number,
  items: readonly AgendaItemValues[],
): Promise<void> {
  const kept = items.flatMap((item) => (item.id === undefined ? [] : [item.id]));
  let removal = trx.deleteFrom('meeting_agenda_items').where('meeting_id', '=', meetingId);
  if (kept.length > 0) removal = removal.where('id', 'not in', kept);
  await removal.execute();
  for (const item of items.filter((i) => i.id !== undefined)) {
    await trx
      .updateTable('meeting_agenda_items')
      .set({ position: item.position, title: item.title, note: item.note })
      .where('id', '=', item.id ?? 0)
      .where('meeting_id', '=', meetingId)
      .execute();
  }
  const fresh = items.filter((i) => i.id === undefined);
  if (fresh.length === 0) return;
  await trx
    .insertInto('meeting_agenda_items')
    .values(
      fresh.map((item) => ({
        meeting_id: meetingId,
        position: item.position,
        project_id: item.projectId,
        warning_id: item.warningId === null ? null : BigInt(item.warningId),
        problem_id: item.problemId,
        title: item.title,
        note: item.note,
      })),
    )
    .execute();
}

/** The ids of a meeting's stored agenda items. */
export async function agendaItemIds(db: Db, meetingId: number): Promise<number[]> {
  const rows = await db.selectFrom('meeting_agenda_items').select('id').where('meeting_id', '=', meetingId).execute();
  return rows.map((row) => row.id);
}

/** A decision (a problem raised at a meeting) with what its clock needs. */
export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number];

/**
 * The decisions of the meetings, in the order taken; a responsible unit sees only those assigned to it (its
 * view of the problem list), everyone else all of them.
 */
export function decisionsOf(db: Db, actor: ScopeActor, meetingIds: readonly number[], unitOnly: number | null) {
  let q = db
    .selectFrom('problems as p')
    // Left join: a unit reads its own decisions even on a project outside its region (the name then stays blank).
    .leftJoin(scopedProjects(db, actor).select(['projects.id', 'projects.name']).as('pr'), 'pr.id', 'p.project_id')
    .leftJoin('organizations as o', 'o.id', 'p.assigned_unit_id')
    .select([
      'p.id',
      'p.meeting_id',
      'p.project_id',
      'pr.name as project_name',
      'p.title',
      'p.category',
      'p.complexity',
      'p.state',
      'p.assigned_unit_id',
      'o.name as unit_name',
      'p.assignee_name',
      'p.assigned_on',
      'p.due_on',
      'p.agreed_final_due_on',
      'p.deadline_rule',
      'p.steps_done',
      'p.resolved_on',
      'p.verified_on',
    ])
    .where('p.meeting_id', 'in', meetingIds.length > 0 ? [...meetingIds] : [0])
    .orderBy('p.id');
  if (unitOnly !== null) q = q.where('p.assigned_unit_id', '=', unitOnly);
  return q.execute();
}
