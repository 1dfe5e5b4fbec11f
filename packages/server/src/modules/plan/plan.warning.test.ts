/**
 * The 节点逾期 warning reads the current plan's nodes: a node of the approved plan ten days past its planned end
 * raises the milestone rule (red under Yinchuan's thresholds: over 7 days), and recording it done clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDraftBody } from '@keyprojects/core';
import { fixedClock } from '../../clock.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../../test/helper.ts';
import { createProblemCast, type ProblemCast } from '../problem/problem.fixture.ts';
import { evaluateWarningsAsOf } from '../warning/warning-evaluation.service.ts';
import { approvePlan, generatePlan, recordNodeProgress, saveDraft } from './plan.edit.service.ts';

let ctx: TestContext;
let cast: ProblemCast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
}, 60_000);
afterAll(() => ctx.close());

const milestoneWarnings = () =>
  ctx.db
    .selectFrom('warnings')
    .select(['project_id', 'level', 'figures', 'cleared_on'])
    .where('rule', '=', 'milestone_overdue')
    .execute();

describe('the milestone warning', () => {
  it('is raised by an overdue node of the approved plan and cleared when the node is done', async () => {
    const deps = { db: ctx.db, clock: fixedClock(TEST_TODAY) };
    const actor = cast.staff.actor;
    const generated = await generatePlan(deps, actor, cast.project, {
      targetDate: '2021-12-31',
      untilStage: 'started',
    });
    const draft = generated.draft;
    if (!draft) throw new Error('no draft');
    const nodes = draft.nodes.map((n) =>
      n.key === 'proposal_feasibility' ? { ...n, plannedStart: '2021-04-01', plannedEnd: '2021-05-10' } : n,
    );
    const saved = await saveDraft(
      deps,
      actor,
      cast.project,
      draft.rowVersion,
      planDraftBody.parse({
        targetDate: draft.targetDate,
        nodes: nodes.map((n) => ({ key: n.key, name: n.name, plannedStart: n.plannedStart, plannedEnd: n.plannedEnd })),
      }),
    );
    await approvePlan(deps, actor, cast.project, saved.draft?.rowVersion ?? 0);

    await evaluateWarningsAsOf(ctx.db, TEST_TODAY, { regionCode: '230600' });
    expect(await milestoneWarnings()).toEqual([
      {
        project_id: cast.project,
        level: 'red',
        figures: { overdueMilestones: 1, maxDaysOverdue: 10, worstMilestone: '项目建议书及可研' },
        cleared_on: null,
      },
    ]);

    await recordNodeProgress(deps, actor, cast.project, 'proposal_feasibility', {
      status: 'done',
      actualEnd: '2021-05-19',
    });
    await evaluateWarningsAsOf(ctx.db, TEST_TODAY, { regionCode: '230600' });
    expect((await milestoneWarnings()).map((w) => w.cleared_on)).toEqual([TEST_TODAY]);
  });
});
