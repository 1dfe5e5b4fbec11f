/**
 * Kysely access to problems (问题清单) and their history: the references a new problem or an assignment is checked
 * against (the project through scope.ts, the responsible unit, the meeting or inspection it comes from), the rows
 * written by the workflow, and the lists and details read back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ProblemCategory, ProblemComplexity, ProblemState } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import type { ProblemSource } from '../../db/schema.dispatch.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The project a problem is raised on, if the actor may see it. */
export async function projectInScope(
  db: Db,
  actor: ScopeActor,
  projectId: number,
): Promise<{ id: number; name: string; regionCode: string } | undefined> {
  return scopedProjects(db, actor)
    .select(['projects.id', 'projects.name', 'projects.region_code as regionCode'])
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
}

/** An organisation of kind responsible_unit, with its home region (for the scope check) and name. */
export async function responsibleUnit(
  db: Db,
  organizationId: number,
): Promise<{ id: number; name: string; regionCode: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'region_code as regionCode'])
    .where('id', '=', organizationId)
    .where('kind', '=', 'responsible_unit')
    .executeTakeFirst();
}

/** The region of a meeting (its decisions become problems), or undefined when there is no such meeting. */
export async function meetingRegion(db: Db, meetingId: number): Promise<string | undefined> {
  const row = await db.selectFrom('meetings').select('region_code').where('id', '=', meetingId).executeTakeFirst();
  return row?.region_code;
}

/** Whether an inspection of the given project exists among the projects the actor may see. */
export async function inspectionOfProjectInScope(
  db: Db,
  actor: ScopeActor,
  inspectionId: number,
  projectId: number,
): Promise<boolean> {
  const row = await scopedProjects(db, actor)
    .innerJoin('inspections as i', 'i.project_id', 'projects.id')
    .select('i.id')
    .where('i.id', '=', inspectionId)
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The values of a new problem row. */
export interface NewProblemRow {
  projectId: number;
  regionCode: string;
  source: ProblemSource;
  meetingId: number | null;
  inspectionId: number | null;
  title: string;
  category: ProblemCategory;
  description: string;
  complexity: ProblemComplexity;
  raisedOn: string;
  raisedBy: number;
  assignment: {
    unitId: number;
    assigneeName: string | null;
    assignedOn: string;
    assignedBy: number;
    deadlineRule: unknown;
    agreedFinalDueOn: string | null;
    dueOn: string;
  } | null;
}

/** Writes a new problem (open, assigned or not); its id. */
export async function insertProblem(trx: Transaction<DB>, row: NewProblemRow): Promise<number> {
  const assignment = row.assignment;
  const inserted = await trx
    .insertInto('problems')
    .values({
      project_id: row.projectId,
      region_code: row.regionCode,
      source: row.source,
      meeting_id: row.meetingId,
      inspection_id: row.inspectionId,
      title: row.title,
      category: row.category,
      description: row.description,
      complexity: row.complexity,
      state: 'open',
      raised_on: row.raisedOn,
      raised_by: row.raisedBy,
      assigned_unit_id: assignment?.unitId ?? null,
      assignee_name: assignment?.assigneeName ?? null,
      assigned_on: assignment?.assignedOn ?? null,
      assigned_by: assignment?.assignedBy ?? null,
      deadline_rule: assignment ? JSON.stringify(assignment.deadlineRule) : null,
      agreed_final_due_on: assignment?.agreedFinalDueOn ?? null,
      due_on: assignment?.dueOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** One line of a problem's history. */
export interface ProblemEventRow {
  problemId: number;
  action: string;
  fromState: ProblemState | null;
  toState: ProblemState;
  onDate: string;
  actorId: number | null;
  note: string | null;
}

/** Appends lines to problems' histories. */
export async function insertProblemEvents(trx: Transaction<DB>, events: readonly ProblemEventRow[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('problem_events')
    .values(
      events.map((event) => ({
        problem_id: event.problemId,
        action: event.action,
        from_state: event.fromState,
        to_state: event.toState,
        on_date: event.onDate,
        actor_id: event.actorId,
        note: event.note,
      })),
    )
    .execute();
}
