/**
 * A meeting's decisions (会议议定事项): each one raised and assigned as a problem through createProblem, with the
 * meeting as its origin, so it has an owner, a deadline and the same 13710 clock as any problem; the problem and
 * the decision exist together or not at all (one transaction).
 */
import { isWithinRegion, type MeetingDecisionInput, type MeetingDecisionOutput } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { createProblem } from '../problem/problem.create.ts';
import { projectInScope } from '../problem/problem.repository.ts';
import { toDecisionOutput } from './meeting.presenter.ts';
import { decisionsOf } from './meeting.repository.ts';
import { meetingInScope } from './meeting.service.ts';

/** Records a decision of the meeting as a problem assigned to a unit; 400 naming the field, 404 for the meeting. */
export async function addDecision(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  meetingId: number,
  input: MeetingDecisionInput,
): Promise<MeetingDecisionOutput> {
  requirePermission(actor, 'meeting.manage');
  const meeting = await meetingInScope(deps.db, actor, meetingId);
  const id = await deps.db.transaction().execute(async (trx) => {
    const project = await projectInScope(trx, actor, input.projectId);
    if (project && !isWithinRegion(project.regionCode, meeting.region_code))
      throw errors.invalidField('projectId', 'meeting.projectOutOfScope');
    const created = await createProblem(trx, deps, actor, {
      projectId: input.projectId,
      title: input.title,
      category: input.category,
      description: input.description,
      complexity: input.complexity,
      assignedUnitId: input.assignedUnitId,
      assigneeName: input.assigneeName ?? null,
      agreedFinalDueOn: input.agreedFinalDueOn ?? null,
      origin: { kind: 'meeting_decision', meetingId },
    });
    return created.id;
  });
  const [rows, { calendar }] = await Promise.all([
    decisionsOf(deps.db, actor, [meetingId], null),
    rulesInForce(deps.db),
  ]);
  const row = rows.find((decision) => decision.id === id);
  if (!row) throw new Error(`decision ${id} of meeting ${meetingId} not found after its creation`);
  return toDecisionOutput(row, calendar, deps.clock.today());
}
