/**
 * Test fixtures of the lifecycle's reserve: a project registered on a given day (so that its first transition,
 * written by the insert trigger, carries that day rather than the computer's), and a walk through the default
 * template's preparation steps recorded by recordTransition, as a user would record them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { recordTransition } from '../lifecycle/lifecycle-transition.service.ts';

let sequence = 0;

/** The default template's preparation steps with their stage, in order. */
export const DEFAULT_STEPS = [
  ['reserve', 'investment_agreement'],
  ['preparation', 'proposal_feasibility'],
  ['preparation', 'approval_land_planning'],
  ['preparation', 'design_drawings'],
  ['preparation', 'site_preparation'],
] as const;

/** Inserts a reserve project (or a started one) registered on `createdOn`; returns its id. */
export async function insertProjectOn(
  db: Kysely<DB>,
  ownerOrgId: number,
  options: { regionCode?: string; createdOn: string; totalInvestmentFen?: bigint; startedOn?: string },
): Promise<number> {
  sequence += 1;
  const regionCode = options.regionCode ?? '230602';
  const row = await db
    .insertInto('projects')
    .values({
      code: `2103-${regionCode}-04-01-${String(700000 + sequence)}`,
      name: `储备测试项目${sequence}`,
      owner_org_id: ownerOrgId,
      region_code: regionCode,
      levels: ['municipal'],
      category: 'industry',
      nature: 'new',
      total_investment: options.totalInvestmentFen ?? 100_000_000n,
      stage: options.startedOn ? 'construction' : 'reserve',
      actual_start_date: options.startedOn ?? null,
      tags: [],
      in_statistics: false,
      created_at: `${options.createdOn}T04:00:00Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the first `count` preparation steps of the default template on the given days. */
export async function walkSteps(
  db: Kysely<DB>,
  actor: Actor,
  projectId: number,
  days: readonly string[],
  context = { today: '2021-05-20', backdateWindowDays: 3650 },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [index, day] of days.entries()) {
      const [stageCode, stepCode] = DEFAULT_STEPS[index] ?? DEFAULT_STEPS[0];
      await recordTransition(
        trx,
        actor,
        { projectId, stageCode, stepCode, occurredOn: day, note: null, source: 'manual' },
        context,
      );
    }
  });
}

/** The days the walk records the five steps on. */
export const STEP_DAYS = ['2021-02-01', '2021-03-01', '2021-04-01', '2021-04-15', '2021-05-01'] as const;

/**
 * Chengdu's 2019 reserve (seed 001) in district 230602: 110 projects registered on 2021-01-04 standing at the five
 * steps 71 / 18 / 11 / 3 / 7 (each having walked the steps before its own), and beside them projects that must not
 * count in 230602 on 2021-05-20: two that walked all five steps and started on 2021-05-10, one registered after
 * the date, one building since 2020, and five in the neighbouring district 230603 at the first step.
 */
export async function buildChengduReserve(db: Kysely<DB>, actor: Actor, ownerOrgId: number): Promise<void> {
  const shares = [71, 18, 11, 3, 7];
  for (const [index, share] of shares.entries()) {
    for (let n = 0; n < share; n += 1) {
      const id = await insertProjectOn(db, ownerOrgId, { createdOn: '2021-01-04' });
      await walkSteps(db, actor, id, STEP_DAYS.slice(0, index + 1));
    }
  }
  for (let n = 0; n < 2; n += 1) {
    const id = await insertProjectOn(db, ownerOrgId, { createdOn: '2021-01-04' });
    await walkSteps(db, actor, id, STEP_DAYS);
    await db.transaction().execute((trx) =>
      recordTransition(
        trx,
        actor,
        {
          projectId: id,
          stageCode: 'started',
          stepCode: null,
          occurredOn: '2021-05-10',
          note: null,
          source: 'manual',
        },
        { today: '2021-05-20', backdateWindowDays: 3650 },
      ),
    );
  }
  await insertProjectOn(db, ownerOrgId, { createdOn: '2021-06-01' });
  await insertProjectOn(db, ownerOrgId, { createdOn: '2020-03-01', startedOn: '2020-05-01' });
  for (let n = 0; n < 5; n += 1) {
    const id = await insertProjectOn(db, ownerOrgId, { createdOn: '2021-01-04', regionCode: '230603' });
    await walkSteps(db, actor, id, STEP_DAYS.slice(0, 1));
  }
}
