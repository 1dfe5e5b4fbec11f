/**
 * Raises the escalation level (升级督办) of overdue problems once a day: one level per overdue step of the clock
 * (core clockState, capped at the rule's ladder), telling the region's staff and the unit. A problem's level only
 * rises (raiseEscalation's condition), so a second run the same day changes and notifies nothing.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { rulesInForce } from '../modules/dispatch/dispatch-rules.ts';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import { notify, usersCoveringRegion, usersOfOrganization } from '../modules/notification/notification.repository.ts';
import { problemClockState } from '../modules/problem/problem.presenter.ts';
import { openAssignedProblems, raiseEscalation } from '../modules/problem/problem.repository.ts';

export const schedule = { everyMs: 24 * 60 * 60 * 1000, runAtStart: true };

export async function run(deps: { db: Kysely<DB>; clock: Clock }): Promise<{ escalated: number[] }> {
  const today = deps.clock.today();
  const { calendar } = await rulesInForce(deps.db);
  const escalated: number[] = [];
  for (const problem of await openAssignedProblems(deps.db)) {
    const clock = problemClockState(problem, calendar, today);
    const level = clock?.escalation?.level ?? 0;
    if (!clock?.escalation || level <= problem.escalationLevel) continue;
    const escalation = clock.escalation;
    await deps.db.transaction().execute(async (trx) => {
      if (!(await raiseEscalation(trx, problem.id, level))) return;
      escalated.push(problem.id);
      await recordAudit(trx, null, {
        entityType: 'problem',
        entityId: problem.id,
        action: 'escalate',
        regionCode: problem.regionCode,
        before: { escalationLevel: problem.escalationLevel },
        after: { escalationLevel: level, escalation: escalation.key },
      });
      const staff = await usersCoveringRegion(trx, problem.regionCode, ['city_admin', 'district_staff']);
      const unit = problem.unitId === null ? [] : await usersOfOrganization(trx, problem.unitId);
      await notify(trx, [...staff, ...unit], {
        kind: 'problem_overdue',
        title: `问题逾期，升级为${escalation.label.zh}`,
        body: problem.title,
        link: `/problems/${problem.id}`,
        entityType: 'problem',
        entityId: problem.id,
        createdOn: today,
      });
    });
  }
  return { escalated };
}
