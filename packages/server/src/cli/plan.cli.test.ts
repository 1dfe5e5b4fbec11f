/**
 * `plan --project CODE --json`: a re-planned project's nodes with the baseline's, the latest plan's and the actual
 * dates and the delay against each (a node done 10 days after its baseline date but on time against the re-plan).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDraftBody } from '@keyprojects/core';
import { fixedClock } from '../clock.ts';
import { contextDatabase, runCommand } from '../../test/cli.ts';
import { createTestContext, TEST_TODAY, type TestContext } from '../../test/helper.ts';
import { approvePlan, generatePlan, recordNodeProgress, saveDraft } from '../modules/plan/plan.edit.service.ts';
import { createProblemCast, type ProblemCast } from '../modules/problem/problem.fixture.ts';
import { planCommands } from './plan.commands.ts';

let ctx: TestContext;
let cast: ProblemCast;
const CODE = '2103-230602-04-01-700001';

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await createProblemCast(ctx.db);
  const deps = { db: ctx.db, clock: fixedClock(TEST_TODAY) };
  const actor = cast.staff.actor;
  const first = await generatePlan(deps, actor, cast.project, { targetDate: '2021-12-31', untilStage: 'started' });
  const draft = first.draft;
  if (!draft) throw new Error('no draft');
  // The baseline wants the feasibility study by 2021-04-30.
  const nodes = draft.nodes.map((n) => ({
    key: n.key,
    name: n.name,
    plannedStart: n.key === 'proposal_feasibility' ? '2021-03-01' : n.plannedStart,
    plannedEnd: n.key === 'proposal_feasibility' ? '2021-04-30' : n.plannedEnd,
  }));
  const saved = await saveDraft(
    deps,
    actor,
    cast.project,
    draft.rowVersion,
    planDraftBody.parse({ targetDate: '2021-12-31', nodes }),
  );
  await approvePlan(deps, actor, cast.project, saved.draft?.rowVersion ?? 0);
  await recordNodeProgress(deps, actor, cast.project, 'proposal_feasibility', {
    status: 'done',
    actualEnd: '2021-05-10',
  });
  const replan = await generatePlan(deps, actor, cast.project, {
    targetDate: '2022-01-31',
    untilStage: 'started',
    reason: '用地指标调整',
  });
  await approvePlan(deps, actor, cast.project, replan.draft?.rowVersion ?? 0);
}, 60_000);
afterAll(() => ctx.close());

describe('the plan command', () => {
  it('prints each node with baseline, latest and actual dates and the delay against both', async () => {
    const { output, text } = await runCommand(planCommands, 'plan', contextDatabase(ctx.db), {
      project: CODE,
      'as-of': TEST_TODAY,
      json: true,
    });
    expect(output).toMatchObject({
      projectCode: CODE,
      asOf: TEST_TODAY,
      version: 2,
      targetDate: '2022-01-31',
      baselineVersion: 1,
      baselineTarget: '2021-12-31',
      reason: '用地指标调整',
    });
    const nodes = output.nodes as Record<string, unknown>[];
    expect(nodes[0]).toEqual({
      key: 'proposal_feasibility',
      name: '项目建议书及可研',
      status: 'done',
      baselineStart: '2021-03-01',
      baselineEnd: '2021-04-30',
      plannedStart: '2021-07-20',
      plannedEnd: '2021-09-17',
      actualStart: null,
      actualEnd: '2021-05-10',
      delayVsBaselineDays: 10,
      delayVsPlanDays: 0,
      overdue: false,
    });
    expect(text).toContain('较基线 10 天');
  });

  it('refuses an unknown project', async () => {
    await expect(
      runCommand(planCommands, 'plan', contextDatabase(ctx.db), { project: '2103-230602-04-01-999999' }),
    ).rejects.toThrow();
  });
});
