/**
 * Kysely access to problems (问题清单) and their history: the references a new problem or an assignment is checked
 * against (the project through scope.ts, the responsible unit, the meeting or inspection it comes from), the rows
 * written by the workflow, and the lists and details read back.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  regionPrefix,
  type ProblemCategory,
  type ProblemComplexity,
  type ProblemGrade,
  type ProblemState,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/like.ts';
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

/**
 * A WHERE condition on `problems as p` limiting rows to those the actor may see: a responsible unit only the
 * problems assigned to its organisation; every other role the problems of the projects it may see (scope.ts).
 */
function visibleProblems(db: Db, actor: ScopeActor) {
  return (eb: ExpressionBuilder<DB & { p: DB['problems'] }, 'p'>): Expression<SqlBool> => {
    if (actor.role === 'responsible_unit')
      return actor.organizationId === null ? sql<SqlBool>`false` : eb('p.assigned_unit_id', '=', actor.organizationId);
    return eb('p.project_id', 'in', scopedProjects(db, actor).select('projects.id'));
  };
}

/** The columns of a problem as the presenter takes them, with its project and unit. */
function problemRows(db: Db, actor: ScopeActor) {
  return db
    .selectFrom('problems as p')
    .innerJoin('projects as pr', 'pr.id', 'p.project_id')
    .leftJoin('organizations as u', 'u.id', 'p.assigned_unit_id')
    .select([
      'p.id',
      'p.title',
      'p.category',
      'p.state',
      'p.source',
      'p.complexity',
      'p.project_id as projectId',
      'pr.code as projectCode',
      'pr.name as projectName',
      'p.region_code as regionCode',
      'p.assigned_unit_id as unitId',
      'u.name as unitName',
      'p.assignee_name as assigneeName',
      'p.raised_on as raisedOn',
      'p.assigned_on as assignedOn',
      'p.due_on as dueOn',
      'p.resolved_on as resolvedOn',
      'p.verified_on as verifiedOn',
      'p.grade',
      'p.escalation_level as escalationLevel',
      'p.deadline_rule as deadlineRule',
      'p.agreed_final_due_on as agreedFinalDueOn',
      'p.steps_done as stepsDone',
    ])
    .where('pr.deleted_at', 'is', null)
    .where(visibleProblems(db, actor));
}

/** A problem row as the repository returns it for lists and the detail. */
export type ProblemRow = Awaited<ReturnType<ReturnType<typeof problemRows>['executeTakeFirstOrThrow']>>;

/** The list's filters that SQL applies (the overdue filter needs the clock and is applied by the service). */
export interface ProblemFilters {
  state?: ProblemState | undefined;
  category?: ProblemCategory | undefined;
  source?: ProblemSource | undefined;
  unitId?: number | undefined;
  projectId?: number | undefined;
  regionCode?: string | undefined;
  q?: string | undefined;
  view: 'all' | 'tasks' | 'responsibilities';
}

/** The problems the actor may see that match the filters, in the view's order (at most `cap`). */
export async function listProblemRows(
  db: Db,
  actor: ScopeActor,
  filters: ProblemFilters,
  cap: number,
): Promise<ProblemRow[]> {
  let query = problemRows(db, actor);
  if (filters.state) query = query.where('p.state', '=', filters.state);
  if (filters.category) query = query.where('p.category', '=', filters.category);
  if (filters.source) query = query.where('p.source', '=', filters.source);
  if (filters.unitId) query = query.where('p.assigned_unit_id', '=', filters.unitId);
  if (filters.projectId) query = query.where('p.project_id', '=', filters.projectId);
  if (filters.regionCode) query = query.where('p.region_code', 'like', `${regionPrefix(filters.regionCode)}%`);
  if (filters.q) {
    const text = filters.q;
    query = query.where((eb) => eb.or([containsText('p.title', text), containsText('pr.name', text)]));
  }
  switch (filters.view) {
    case 'tasks':
      // 任务清单: the work still to do first, by due date; closed problems after it.
      query = query
        .orderBy(sql`p.state = 'verified_closed'`)
        .orderBy(sql`p.due_on asc nulls last`)
        .orderBy('p.id');
      break;
    case 'responsibilities':
      query = query
        .orderBy(sql`u.name asc nulls last`)
        .orderBy(sql`p.due_on asc nulls last`)
        .orderBy('p.id');
      break;
    case 'all':
      query = query.orderBy('p.id', 'desc');
  }
  return query.limit(cap).execute();
}

/** One problem the actor may see, with what the detail adds. */
export async function findProblem(db: Db, actor: ScopeActor, id: number) {
  return problemRows(db, actor)
    .leftJoin('users as r', 'r.id', 'p.raised_by')
    .select([
      'p.description',
      'p.meeting_id as meetingId',
      'p.inspection_id as inspectionId',
      'r.display_name as raisedByName',
      'p.last_reason as lastReason',
      'p.version',
      'p.raised_by as raisedBy',
      'p.resolved_by as resolvedBy',
      'p.resolved_by_org as resolvedByOrg',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type ProblemDetailRow = NonNullable<Awaited<ReturnType<typeof findProblem>>>;

/** A problem's history, oldest first, with who acted. */
export async function problemEvents(db: Db, problemId: number) {
  return db
    .selectFrom('problem_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'e.id',
      'e.action',
      'e.from_state as fromState',
      'e.to_state as toState',
      'e.on_date as onDate',
      'a.display_name as actorName',
      'e.note',
    ])
    .where('e.problem_id', '=', problemId)
    .orderBy('e.id')
    .execute();
}

/** What a transition changes on a problem row. */
export type ProblemChanges = Partial<{
  state: ProblemState;
  complexity: ProblemComplexity;
  assigned_unit_id: number | null;
  assignee_name: string | null;
  assigned_on: string | null;
  assigned_by: number | null;
  deadline_rule: string | null;
  agreed_final_due_on: string | null;
  due_on: string | null;
  steps_done: string;
  escalation_level: number;
  resolved_on: string | null;
  resolved_by: number | null;
  resolved_by_org: number | null;
  verified_on: string | null;
  verified_by: number | null;
  grade: ProblemGrade | null;
  last_reason: string | null;
}>;

/**
 * Applies a transition if the problem is still at the version and in the state it was read in; false when another
 * request changed it first (the loser of a race gets 409).
 */
export async function updateProblemIf(
  trx: Transaction<DB>,
  id: number,
  expected: { version: number; state: ProblemState },
  changes: ProblemChanges,
): Promise<boolean> {
  const row = await trx
    .updateTable('problems')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('state', '=', expected.state)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The assigned problems still open (for the escalation job and the league's "overdue now"), all regions. */
export async function openAssignedProblems(db: Db) {
  return db
    .selectFrom('problems as p')
    .select([
      'p.id',
      'p.title',
      'p.region_code as regionCode',
      'p.assigned_unit_id as unitId',
      'p.assigned_on as assignedOn',
      'p.complexity',
      'p.deadline_rule as deadlineRule',
      'p.agreed_final_due_on as agreedFinalDueOn',
      'p.steps_done as stepsDone',
      'p.escalation_level as escalationLevel',
    ])
    .where('p.assigned_on', 'is not', null)
    .where('p.state', 'in', ['open', 'accepted', 'in_progress'])
    .orderBy('p.id')
    .execute();
}

/** Raises a problem's escalation level if it is still lower (idempotent: a second run the same day changes nothing). */
export async function raiseEscalation(trx: Transaction<DB>, id: number, level: number): Promise<boolean> {
  const row = await trx
    .updateTable('problems')
    .set({ escalation_level: level, updated_at: new Date() })
    .where('id', '=', id)
    .where('escalation_level', '<', level)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The problems assigned in a period that the league counts: those of the projects the actor may see; a responsible
 * unit sees the table of its region (every unit's figures, to compare itself), not only its own problems.
 */
export async function leagueProblemRows(db: Db, actor: ScopeActor, from: string, to: string) {
  return db
    .selectFrom('problems as p')
    .innerJoin('organizations as u', 'u.id', 'p.assigned_unit_id')
    .select([
      'p.id',
      'p.state',
      'p.assigned_unit_id as unitId',
      'u.name as unitName',
      'p.assigned_on as assignedOn',
      'p.due_on as dueOn',
      'p.resolved_on as resolvedOn',
      'p.grade',
      'p.complexity',
      'p.deadline_rule as deadlineRule',
      'p.agreed_final_due_on as agreedFinalDueOn',
      'p.steps_done as stepsDone',
    ])
    .where('p.assigned_on', '>=', from)
    .where('p.assigned_on', '<=', to)
    .where((eb) =>
      actor.role === 'responsible_unit'
        ? actor.regionCode
          ? eb('p.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
          : sql<SqlBool>`false`
        : visibleProblems(db, actor)(eb),
    )
    .execute();
}
